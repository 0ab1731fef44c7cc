using DiplomacyTracker.Data;
using DiplomacyTracker.Data.Operations;

namespace DiplomacyTracker.Web.Hosting;

/// <summary>
/// What the app does instead of serving when started with a command (docs/operations.md):
/// <list type="bullet">
/// <item><c>backup</c> writes a backup of the SQLite file now; <c>restore &lt;file&gt;</c> puts one in place (app stopped).</item>
/// <item><c>copy-database &lt;Sqlite|PostgreSQL&gt; &lt;connection string&gt;</c> copies the configured database into an
/// empty one of either kind and verifies every table (<see cref="DatabaseCopy"/>).</item>
/// </list>
/// </summary>
internal static class MaintenanceCommands
{
    /// <summary>Runs the command in <paramref name="args"/>, if any: true when one ran, so the app exits instead of serving.</summary>
    public static async Task<bool> RunMaintenanceCommandAsync(this WebApplication app, string[] args)
    {
        var backups = app.Services.GetRequiredService<DatabaseBackups>();
        switch (args)
        {
            case ["backup" or "restore", ..] when !backups.IsAvailable:
                Console.Error.WriteLine("The record is on PostgreSQL: back it up and restore it with pg_dump and pg_restore (docs/operations.md).");
                Environment.ExitCode = 2;
                return true;
            case ["backup", ..]:
                var file = await backups.CreateAsync("command line");
                Console.WriteLine($"Backup written: {file.Path} ({file.Bytes:N0} bytes)");
                return true;
            case ["restore", var path, ..]:
                var keptAs = await backups.RestoreAsync(path);
                Console.WriteLine($"Restored {path}. The database it replaced is kept as {keptAs}.");
                return true;
            case ["copy-database", var provider, var connectionString, ..]:
                Environment.ExitCode = await CopyDatabaseAsync(app, provider, connectionString);
                return true;
            case ["copy-database", ..]:
                Console.Error.WriteLine("Usage: copy-database <Sqlite|PostgreSQL> <connection string of an empty database>");
                Environment.ExitCode = 2;
                return true;
            default:
                return false;
        }
    }

    private static async Task<int> CopyDatabaseAsync(WebApplication app, string provider, string connectionString)
    {
        if (!Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var to))
        {
            Console.Error.WriteLine($"Unknown provider \"{provider}\": Sqlite or PostgreSQL.");
            return 2;
        }

        var data = app.Services.GetRequiredService<DiplomacyDataOptions>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseCopy));
        var result = await DatabaseCopy.CopyAsync(new DatabaseLocation(data.Provider, data.ConnectionString), new DatabaseLocation(to, connectionString), logger);
        switch (result)
        {
            case CopyResult.Copied copied:
                Console.WriteLine($"Copied {data.Provider} to {to}; every table read back the same:");
                foreach (var table in copied.Tables)
                {
                    Console.WriteLine($"  {table.Table,-24} {table.Rows,12:N0} rows  {table.Checksum}");
                }

                return 0;
            case CopyResult.SourceNotMigrated notMigrated:
                Console.Error.WriteLine($"The source database is not at the latest migration ({string.Join(", ", notMigrated.Pending)} pending): start the app on it once, then copy.");
                return 1;
            case CopyResult.TargetNotEmpty notEmpty:
                Console.Error.WriteLine($"The target already holds rows in {string.Join(", ", notEmpty.Tables)}; nothing was written. Copy into an empty database.");
                return 1;
            case CopyResult.Mismatch mismatch:
                Console.Error.WriteLine($"{mismatch.Table} read back {mismatch.TargetRows:N0} rows ({mismatch.TargetChecksum}) for {mismatch.SourceRows:N0} ({mismatch.SourceChecksum}); the target was rolled back.");
                return 1;
            default:
                throw new InvalidOperationException($"Unexpected result {result}.");
        }
    }
}
