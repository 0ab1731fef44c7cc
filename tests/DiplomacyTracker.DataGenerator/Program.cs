using System.Diagnostics;
using DiplomacyTracker.Data;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Seeding;
using DiplomacyTracker.DataGenerator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

var options = GeneratorOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

var clock = Stopwatch.StartNew();
foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
{
    File.Delete(options.Database + suffix);
}

var connectionString = new SqliteConnectionStringBuilder { DataSource = options.Database, Pooling = false }.ToString();

// The schema comes from the real EF Core migrations (FTS5 tables and triggers included), the curated seed from data/seed:
// the same DatabaseInitializer the web app runs on start, so the app finds nothing left to do.
var services = new ServiceCollection()
    .AddSingleton(new DiplomacyDataOptions(connectionString, options.DataDirectory))
    .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
    .AddDiplomacyData();
await using (var provider = services.BuildServiceProvider())
{
    await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
}

Console.WriteLine($"Schema and curated seed: {clock.Elapsed.TotalSeconds:F1} s");

await using (var connection = new SqliteConnection(connectionString))
{
    await connection.OpenAsync();
    // The full-text triggers call the Chinese-text functions; this connection is not EF Core's, so it registers them.
    SearchFunctions.Register(connection);
    var counts = new BulkWriter(connection, options).Write();
    Console.WriteLine($"Inserted {counts}");
}

Console.WriteLine($"Generated {options.Database} ({new FileInfo(options.Database).Length / (1024 * 1024)} MiB) in {clock.Elapsed.TotalSeconds:F1} s");
return 0;
