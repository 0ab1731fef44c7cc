using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Data.Events.Importing;
using DiplomacyTracker.Data.Operations;
using DiplomacyTracker.Data.Participants;
using DiplomacyTracker.Data.Places;
using DiplomacyTracker.Data.ScaleOut;
using DiplomacyTracker.Data.Seeding;
using DiplomacyTracker.Data.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        {
            var data = provider.GetRequiredService<DiplomacyDataOptions>();
            UseDatabase(options, data.Provider, data.ConnectionString)
                .AddInterceptors(new RecordChangesInterceptor(provider.GetRequiredService<RecordChanges>()))
                .EnableSensitiveDataLogging(data.LogParameterValues);
        });
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<EventQueries>();
        services.AddSingleton<RecordChanges>();
        services.AddSingleton<RecordGeneration>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RequestCounters>();
        services.AddSingleton<ReadCache>();
        services.AddSingleton<EventStatistics>();
        services.AddSingleton<EventExports>();
        services.AddSingleton<ParticipantQueries>();
        services.AddSingleton<SourceQueries>();
        services.AddSingleton<VenueCounts>();
        services.AddSingleton<PlaceQueries>();
        services.AddSingleton(provider => Gazetteer.Load(provider.GetRequiredService<DiplomacyDataOptions>().SeedDirectory));
        services.AddSingleton<NameIndex>();
        services.AddSingleton<EventCommands>();
        services.AddSingleton<EventImports>();
        services.AddSingleton<DatabaseBackups>();
        return services;
    }

    /// <summary>The provider, its migrations assembly and what every connection needs (the app's, and copy-database's two).</summary>
    public static DbContextOptionsBuilder UseDatabase(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ = provider switch
        {
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly("DiplomacyTracker.Data.PostgreSql")),
            _ => options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly("DiplomacyTracker.Data.Sqlite")),
        };
        return options.AddInterceptors(SearchFunctions.Interceptor);
    }
}

/// <summary>Which database holds the record: SQLite (the embedded default, one file) or a PostgreSQL server (ADR 0012).</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <param name="ConnectionString">The provider's connection string (a SQLite file, or a PostgreSQL server and database).</param>
/// <param name="SeedDirectory">The folder holding seed/*.json and articles/*.txt.</param>
/// <param name="LogParameterValues">Log the values of SQL parameters with each command (never in production: they
/// are what people searched for and typed).</param>
/// <param name="CacheReads">Keep answers in memory until the next write (<see cref="Common.ReadCache"/>); the
/// benchmark turns it off to measure what the database costs.</param>
/// <param name="Provider">The database the connection string is for.</param>
public sealed record DiplomacyDataOptions(string ConnectionString, string SeedDirectory, bool LogParameterValues = false, bool CacheReads = true, DatabaseProvider Provider = DatabaseProvider.Sqlite);
