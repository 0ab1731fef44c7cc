using System.Diagnostics;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.DataGenerator;
using Microsoft.Data.Sqlite;

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
await SchemaAndSeed.CreateAsync(connectionString, options.DataDirectory);
Console.WriteLine($"Schema and curated seed: {clock.Elapsed.TotalSeconds:F1} s");

await using (var connection = new SqliteConnection(connectionString))
{
    await connection.OpenAsync();
    // The full-text triggers and their rebuild call the Chinese-text functions; this connection is not EF Core's.
    SearchFunctions.Register(connection);
    var counts = new BulkWriter(connection, options).Write(
        progress: message => Console.WriteLine($"  {message} (CPU so far {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s)"));
    Console.WriteLine($"Inserted {counts}");
}

Console.WriteLine($"Generated {options.Database} ({new FileInfo(options.Database).Length / (1024 * 1024)} MiB) in {clock.Elapsed.TotalSeconds:F1} s");
return 0;
