using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.DataGenerator;
using DiplomacyTracker.Testing;
using DiplomacyTracker.Tests.Editing;
using DiplomacyTracker.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyTracker.Tests.Hosting;

/// <summary>
/// Issue 12: starting on a big database must not read it through. Every SQL statement the app runs while it starts on
/// an existing, generated database (and answers its first /health) is put to SQLite's EXPLAIN QUERY PLAN; a full scan
/// of any table that grows with the record fails the test, naming the statement.
/// </summary>
public sealed partial class StartupQueryPlanTests
{
    // Tables a start may read whole: they hold the app's own bookkeeping, not the record, and stay small however many
    // events there are (one row per migration, per curated seed record, per topic, per gazetteer place).
    private static readonly HashSet<string> SmallTables = new(StringComparer.OrdinalIgnoreCase)
    {
        "sqlite_master", "sqlite_schema", "__EFMigrationsHistory", "AppliedSeed", "Topics", "Places",
        // Everyone's names are the name index and the filter's choices: the people, not their events.
        "People",
        // The data-protection key ring: a key every 90 days.
        "DataProtectionKeys",
    };

    // The requests that belong to a start: what a load balancer or the benchmark asks first.
    private static readonly string[] FirstRequests = ["/health", "/"];

    [SqliteFact("reads SQLite's query plans")]
    public async Task Starting_on_an_existing_database_scans_no_table_that_grows_with_the_record()
    {
        await using var app = new DiplomacyAppFactory();
        Directory.CreateDirectory(Path.GetDirectoryName(app.DatabasePath)!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = app.DatabasePath, Pooling = false }.ToString();
        await SchemaAndSeed.CreateAsync(connectionString, RepositoryPaths.Data);
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            new BulkWriter(connection, new GeneratorOptions(app.DatabasePath, Events: 500, StatementsPerEvent: 3, People: 40, Seed: 3, RepositoryPaths.Data)).Write();
        }

        IReadOnlyList<CapturedCommand> commands;
        using (var capture = new SqlCapture(app.DatabasePath))
        {
            await app.InitializeAsync();
            using var client = app.CreateClient();
            foreach (var path in FirstRequests)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
            }

            commands = capture.Commands;
        }

        // The capture works: the migrations check is among what start ran.
        Assert.Contains(commands, c => c.Sql.Contains("__EFMigrationsHistory", StringComparison.Ordinal));
        var scans = new List<string>();
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            SearchFunctions.Register(connection);
            // Plans also scan common table expressions and subqueries by name; only real tables count.
            var realTables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    realTables.Add(reader.GetString(0));
                }
            }

            foreach (var command in commands.Where(c => !c.Sql.TrimStart().StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var table in ScannedTables(connection, command).Where(t => realTables.Contains(t) && !SmallTables.Contains(t)))
                {
                    scans.Add($"SCAN {table} in: {command.Sql}");
                }
            }
        }

        Assert.True(scans.Count == 0, "Start-up reads whole tables:\n" + string.Join("\n\n", scans));
    }

    // Tables of the record itself (not the read cache's stamp): a request that reads one did not come from memory.
    private static readonly string[] RecordTables = ["Events", "EventLegs", "EventParticipants", "EventTopics", "EventFacets", "FilterCounts", "Statements", "People", "Topics"];

    [SqliteFact("captures the SQL of one request")]
    public async Task After_a_restart_the_first_timeline_reader_gets_the_page_from_memory_read_while_the_app_started()
    {
        var database = Path.Combine(Path.GetTempPath(), "diplomacy-tests", Guid.NewGuid().ToString("N"), "diplomacy.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        await using (var first = new SharedDatabaseApp(database))
        {
            // The first start migrates, seeds and makes the key ring: writes, after which nothing read before counts.
            await first.InitializeAsync();
        }

        async Task<List<string>> RecordReadsOfFirstTimelineAsync(bool warmUp)
        {
            SqliteConnection.ClearAllPools();
            await using var app = new SharedDatabaseApp(database, new Dictionary<string, string?> { ["Startup:WarmUp"] = warmUp ? "true" : "false" });
            await app.InitializeAsync();
            await app.Services.GetRequiredService<FirstPageWarmUp>().Completion;
            using var capture = new SqlCapture(database);
            using var client = app.CreateClient();
            var response = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Timeline of Sino-Russian diplomacy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            return capture.Commands.Select(c => c.Sql).Where(sql => RecordTables.Any(t => sql.Contains($"\"{t}\"", StringComparison.Ordinal))).ToList();
        }

        Assert.NotEmpty(await RecordReadsOfFirstTimelineAsync(warmUp: false));
        var reads = await RecordReadsOfFirstTimelineAsync(warmUp: true);
        Assert.True(reads.Count == 0, "The first / after a restart read the record:\n" + string.Join("\n\n", reads));
    }

    private static List<string> ScannedTables(SqliteConnection connection, CapturedCommand captured)
    {
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + captured.Sql;
        foreach (var (name, value) in captured.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        // EF Core names every table with an alias ("Events" AS "e"); the plan speaks of the alias.
        var tables = TableAlias().Matches(captured.Sql).ToDictionary(m => m.Groups["alias"].Value, m => m.Groups["table"].Value, StringComparer.Ordinal);
        var found = new List<string>();
        using var reader = explain.ExecuteReader();
        while (reader.Read())
        {
            var scan = Scan().Match(reader.GetString(3));
            if (scan.Success && scan.Groups["name"].Value != "CONSTANT")
            {
                var name = scan.Groups["name"].Value;
                found.Add(tables.TryGetValue(name, out var table) ? table : name);
            }
        }

        return found;
    }

    [GeneratedRegex("\"(?<table>\\w+)\" AS \"(?<alias>\\w+)\"")]
    private static partial Regex TableAlias();

    [GeneratedRegex("^SCAN (?<name>\\w+)")]
    private static partial Regex Scan();

    private sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>Every command EF Core runs on one database file while it lives (its diagnostic events).</summary>
    private sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string dataSource;
        private readonly ConcurrentQueue<CapturedCommand> commands = new();
        private readonly ConcurrentBag<IDisposable> subscriptions = [];
        private readonly IDisposable all;

        public SqlCapture(string path)
        {
            dataSource = Path.GetFullPath(path);
            all = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public IReadOnlyList<CapturedCommand> Commands => [.. commands];

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            // Other test classes run at the same time on their own files; only this database's commands count.
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data
                && data.Command.Connection is SqliteConnection { DataSource: var source } && Path.GetFullPath(source) == dataSource)
            {
                var parameters = data.Command.Parameters.Cast<SqliteParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList();
                commands.Enqueue(new CapturedCommand(data.Command.CommandText, parameters));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            all.Dispose();
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }
        }
    }
}
