using DiplomacyTracker.Data;
using DiplomacyTracker.Data.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiplomacyTracker.DataGenerator;

/// <summary>The schema from the real EF Core migrations (FTS5 tables and triggers included) and the curated seed from
/// data/seed: the same DatabaseInitializer the web app runs on start, so the app finds nothing left to do.</summary>
public static class SchemaAndSeed
{
    public static async Task CreateAsync(string connectionString, string dataDirectory)
    {
        var services = new ServiceCollection()
            .AddSingleton(new DiplomacyDataOptions(connectionString, dataDirectory))
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddDiplomacyData();
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }
}
