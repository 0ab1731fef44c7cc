using System.Diagnostics;
using System.Globalization;
using DiplomacyTracker.Data.Events;
using Microsoft.Data.Sqlite;

namespace DiplomacyTracker.Data.Operations;

/// <summary>
/// Loads many rows into a migrated database fast: <see cref="Begin"/> drops every trigger and every explicit index
/// (keeping their SQL as sqlite_master has it, so nothing is written twice) and turns off the journal and syncing;
/// <see cref="Complete"/> creates the indexes again, refills the trigger-kept tables (<see cref="DerivedData.RebuildSteps"/>)
/// and puts the triggers and the journal mode back. The result is the database the same inserts would have made with
/// the triggers on. Only for a database nobody else has open and that can be made again if the load fails: without a
/// journal a crash can leave it corrupt, and explicit UNIQUE indexes are checked only when <see cref="Complete"/>
/// recreates them. Used by the benchmark's data generator.
/// </summary>
public sealed class BulkLoad
{
    private readonly SqliteConnection connection;
    private readonly IReadOnlyList<(string Type, string Name, string Sql)> dropped;
    private readonly string journalMode;
    private readonly string synchronous;

    private BulkLoad(SqliteConnection connection, IReadOnlyList<(string Type, string Name, string Sql)> dropped, string journalMode, string synchronous)
    {
        this.connection = connection;
        this.dropped = dropped;
        this.journalMode = journalMode;
        this.synchronous = synchronous;
    }

    /// <summary>The triggers and indexes dropped by <see cref="Begin"/>, as (type, name, CREATE statement).</summary>
    public IReadOnlyList<(string Type, string Name, string Sql)> Dropped => dropped;

    /// <param name="connection">An open connection, the only one to the database.</param>
    public static BulkLoad Begin(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // The rebuild calls the Chinese-text functions the triggers call.
        SearchFunctions.Register(connection);
        var journalMode = Scalar(connection, "PRAGMA journal_mode;");
        var synchronous = Scalar(connection, "PRAGMA synchronous;");

        // Indexes with no SQL are the ones SQLite makes for PRIMARY KEY and UNIQUE constraints: they stay.
        var dropped = new List<(string Type, string Name, string Sql)>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') AND sql IS NOT NULL ORDER BY rowid;";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                dropped.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (type, name, _) in dropped)
        {
            Execute(connection, $"DROP {type.ToUpperInvariant()} \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\";");
        }

        // The sorter may use the second core for CREATE INDEX; temporary b-trees stay in memory.
        Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY; PRAGMA threads=2;");
        return new BulkLoad(connection, dropped, journalMode, synchronous);
    }

    /// <summary>Recreates the indexes, rebuilds the derived tables, recreates the triggers and restores the journal.</summary>
    /// <param name="progress">Told what each phase took, for the generator's console.</param>
    public void Complete(Action<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        foreach (var (_, _, sql) in dropped.Where(d => d.Type == "index"))
        {
            Execute(connection, sql);
        }

        progress?.Invoke($"indexes recreated in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var step in DerivedData.RebuildSteps)
        {
            clock.Restart();
            Execute(connection, step);
            progress?.Invoke($"{clock.Elapsed.TotalSeconds:F1} s: {(step.Length > 90 ? step[..90] + "…" : step)}");
        }

        foreach (var (_, _, sql) in dropped.Where(d => d.Type == "trigger"))
        {
            Execute(connection, sql);
        }

        Execute(connection, $"PRAGMA journal_mode={journalMode}; PRAGMA synchronous={synchronous};");
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        // Rebuilding a full-text index over millions of rows takes minutes.
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
