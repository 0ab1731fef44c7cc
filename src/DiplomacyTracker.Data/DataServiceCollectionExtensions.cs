using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Data.Events.Importing;
using DiplomacyTracker.Data.Operations;
using DiplomacyTracker.Data.Participants;
using DiplomacyTracker.Data.Places;
using DiplomacyTracker.Data.Seeding;
using DiplomacyTracker.Data.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyTracker.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the context factory (one short-lived context per operation) and the query and command services.</summary>
    /// <remarks>
    /// The caller registers <see cref="DiplomacyDataOptions"/> and <see cref="BackupOptions"/>; they are read when first needed, so hosts (and test
    /// factories) can decide the connection string from configuration that is complete only after the host is built.
    /// </remarks>
    public static IServiceCollection AddDiplomacyData(this IServiceCollection services)
    {
        services.AddDbContextFactory<DiplomacyDbContext>((provider, options) =>
            options.UseSqlite(provider.GetRequiredService<DiplomacyDataOptions>().ConnectionString));
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<EventQueries>();
        services.AddSingleton<RecordChanges>();
        services.AddSingleton<EventStatistics>();
        services.AddSingleton<EventExports>();
        services.AddSingleton<ParticipantQueries>();
        services.AddSingleton<SourceQueries>();
        services.AddSingleton<VenueCounts>();
        services.AddSingleton<PlaceQueries>();
        services.AddSingleton(provider => Gazetteer.Load(provider.GetRequiredService<DiplomacyDataOptions>().SeedDirectory));
        services.AddSingleton<EventCommands>();
        services.AddSingleton<EventImports>();
        services.AddSingleton<DatabaseBackups>();
        return services;
    }
}

/// <param name="ConnectionString">SQLite connection string.</param>
/// <param name="SeedDirectory">The folder holding seed/*.json and articles/*.txt.</param>
public sealed record DiplomacyDataOptions(string ConnectionString, string SeedDirectory);
