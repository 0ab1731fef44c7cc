using DiplomacyTracker.Data;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Operations;
using DiplomacyTracker.Data.Seeding;
using DiplomacyTracker.Data.Statements;
using DiplomacyTracker.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DiplomacyTracker.Tests.Operations;

/// <summary>
/// copy-database moves a record from SQLite to PostgreSQL and back: every table arrives with the same rows and values,
/// the derived tables are rebuilt so the timeline answers the same, and an occupied target is refused untouched.
/// Needs the test cluster (DIPLOMACY_TEST_POSTGRES, set by tests/run.sh).
/// </summary>
public sealed class DatabaseCopyTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "diplomacy-copy", Guid.NewGuid().ToString("N"));
    private readonly string postgresDatabase = "diplomacy_copy_" + Guid.NewGuid().ToString("N");

    private static readonly EventFilter[] Filters =
    [
        new(),
        new() { Venue = "Moscow" },
        new() { Venue = "пекин" },
        new() { Participant = "xi-jinping", XiPutinOnly = true },
        new() { Text = "energy" },
        new() { Text = "普京" },
        new() { Text = "Copied across" },
        new() { Topic = "ukraine", YearFrom = 2022 },
    ];

    private static string Server => Environment.GetEnvironmentVariable("DIPLOMACY_TEST_POSTGRES") ?? string.Empty;

    private DatabaseLocation Postgres => new(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(Server) { Database = postgresDatabase }.ToString());

    private DatabaseLocation Sqlite(string name) => new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, name), Pooling = false }.ToString());

    [Fact]
    public async Task A_record_copied_to_PostgreSQL_and_back_keeps_every_row_and_answers_every_filter_the_same()
    {
        Assert.False(string.IsNullOrEmpty(Server), "DIPLOMACY_TEST_POSTGRES is not set: run the tests through tests/run.sh, which starts a PostgreSQL cluster.");
        Directory.CreateDirectory(directory);
        var original = Sqlite("original.db");
        await using (var record = Record(original))
        {
            await record.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            await EditAsync(record);
        }

        var there = Assert.IsType<CopyResult.Copied>(await DatabaseCopy.CopyAsync(original, Postgres, NullLogger.Instance));
        Assert.Contains(there.Tables, t => t.Table == "Events" && t.Rows > 10);
        Assert.Contains(there.Tables, t => t.Table == "AuditEntries" || t.Table == "Statements");

        var back = Sqlite("back.db");
        var returned = Assert.IsType<CopyResult.Copied>(await DatabaseCopy.CopyAsync(Postgres, back, NullLogger.Instance));
        Assert.Equal(there.Tables, returned.Tables);

        // The derived tables were rebuilt on each side: every filter, search and count answers as on the original.
        foreach (var filter in Filters)
        {
            var expected = await PageAsync(original, filter);
            Assert.Equal(expected, await PageAsync(Postgres, filter));
            Assert.Equal(expected, await PageAsync(back, filter));
        }
    }

    [Fact]
    public async Task Copying_into_a_database_that_holds_a_record_is_refused_and_writes_nothing()
    {
        Assert.False(string.IsNullOrEmpty(Server), "DIPLOMACY_TEST_POSTGRES is not set: run the tests through tests/run.sh, which starts a PostgreSQL cluster.");
        Directory.CreateDirectory(directory);
        var original = Sqlite("original.db");
        await using (var record = Record(original))
        {
            await record.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        var occupied = Sqlite("occupied.db");
        await using (var record = Record(occupied))
        {
            await record.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            await EditAsync(record);
        }

        var before = await PageAsync(occupied, new EventFilter());
        var refused = Assert.IsType<CopyResult.TargetNotEmpty>(await DatabaseCopy.CopyAsync(original, occupied, NullLogger.Instance));
        Assert.Contains("Events", refused.Tables);
        Assert.Equal(before, await PageAsync(occupied, new EventFilter()));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (Server.Length > 0)
        {
            await using var connection = new NpgsqlConnection(Server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the OS eventually.
        }
    }

    // The data layer on one database, as the app registers it (without the app's cache, so every read is the database's).
    private static ServiceProvider Record(DatabaseLocation location) =>
        new ServiceCollection()
            .AddSingleton(new DiplomacyDataOptions(location.ConnectionString, RepositoryPaths.Data, CacheReads: false, Provider: location.Provider))
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddDiplomacyData()
            .BuildServiceProvider();

    // Edits after the seed: a renamed event with a new statement (Chinese, and a time to the 100 ns), one soft-deleted.
    private static async Task EditAsync(ServiceProvider record)
    {
        await using var db = await record.GetRequiredService<IDbContextFactory<DiplomacyDbContext>>().CreateDbContextAsync();
        var events = await db.Events.OrderBy(e => e.Id).Take(2).ToListAsync();
        events[0].Title += " (Copied across)";
        db.Statements.Add(new Statement { EventId = events[0].Id, Text = "习近平会见普京。Copied across with its statement." });
        events[1].IsDeleted = true;
        events[1].DeletedAt = new DateTime(2026, 12, 2, 10, 11, 12, DateTimeKind.Utc).AddTicks(1234567);
        await db.SaveChangesAsync();
    }

    private static async Task<(int Total, bool Exact, string Ids)> PageAsync(DatabaseLocation location, EventFilter filter)
    {
        await using var record = Record(location);
        var page = await record.GetRequiredService<EventQueries>().SearchAsync(filter, 1, 50);
        return (page.Total, page.TotalIsExact, string.Join(',', page.Items.Select(e => e.Id)));
    }
}
