using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiplomacyTracker.Data.Operations;

/// <param name="Directory">Where backups are written; empty means "backups" beside the database file.</param>
/// <param name="Keep">How many backups to keep (the oldest beyond that are deleted).</param>
public sealed record BackupOptions(string Directory, int Keep);

public sealed record BackupFile(string Path, string Name, DateTime TakenAt, long Bytes);

/// <summary>
/// Online, consistent copies of the live SQLite database. <c>VACUUM INTO</c> reads one snapshot of the database (a
/// read transaction, so writers carry on under WAL) and writes it as a compact, standalone file: everything committed
/// before the backup started is in it. A backup is written under a temporary name, checked, and only then given its
/// final name, so a crash mid-backup never leaves a file that looks complete.
/// </summary>
public sealed class DatabaseBackups(IDbContextFactory<DiplomacyDbContext> contextFactory, DiplomacyDataOptions data, BackupOptions options, ILogger<DatabaseBackups> logger)
{
    private const string Prefix = "diplomacy-";
    private const string Extension = ".db";
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public string Directory => ResolveDirectory(data, options);

    /// <summary>
    /// Backups here are copies of the SQLite file. A PostgreSQL server is backed up with its own tools (pg_dump, or
    /// its continuous archiving), which the app neither replaces nor schedules (docs/operations.md).
    /// </summary>
    public bool IsAvailable => data.Provider == DatabaseProvider.Sqlite;

    public async Task<BackupFile> CreateAsync(string requestedBy, CancellationToken cancellationToken = default)
    {
        if (!IsAvailable)
        {
            throw new InvalidOperationException("The record is on PostgreSQL: back it up with pg_dump (docs/operations.md).");
        }

        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var takenAt = DateTime.UtcNow;
            var name = $"{Prefix}{takenAt.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}{Extension}";
            var final = Path.Combine(Directory, name);
            var partial = final + ".partial";
            File.Delete(partial);

            await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
            {
                await db.Database.ExecuteSqlAsync($"VACUUM INTO {partial}", cancellationToken);
            }

            var check = await CheckAsync(partial, cancellationToken);
            if (check != "ok")
            {
                File.Delete(partial);
                throw new InvalidOperationException($"The backup failed its integrity check: {check}");
            }

            File.Move(partial, final);
            var file = Describe(final);
            logger.LogInformation("Backup {Backup} written ({Bytes} bytes) for {RequestedBy}", name, file.Bytes, requestedBy);
            Prune();
            return file;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>The backups there are, newest first.</summary>
    public IReadOnlyList<BackupFile> List() =>
        !IsAvailable || !System.IO.Directory.Exists(Directory)
            ? []
            : System.IO.Directory.EnumerateFiles(Directory, Prefix + "*" + Extension).Select(Describe).OrderByDescending(b => b.Name, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Puts a backup in place of the database. Run only while the app is stopped: checks the backup, keeps the
    /// current database (and its WAL) beside it as "*.before-restore-{time}", then copies the backup into place.
    /// </summary>
    public async Task<string> RestoreAsync(string backupPath, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(backupPath))
        {
            throw new FileNotFoundException("No such backup.", backupPath);
        }

        var check = await CheckAsync(backupPath, cancellationToken);
        if (check != "ok")
        {
            throw new InvalidOperationException($"The backup is damaged ({check}); the database was left as it is.");
        }

        var database = DatabaseFile(data);
        SqliteConnection.ClearAllPools();
        var keptAs = $"{database}.before-restore-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            if (File.Exists(database + suffix))
            {
                File.Move(database + suffix, keptAs + suffix);
            }
        }

        File.Copy(backupPath, database);
        logger.LogWarning("Restored {Backup} into {Database}; the previous database is kept as {KeptAs}", backupPath, database, keptAs);
        return keptAs;
    }

    public static string DatabaseFile(DiplomacyDataOptions data) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(data.ConnectionString).DataSource);

    private static string ResolveDirectory(DiplomacyDataOptions data, BackupOptions options) =>
        string.IsNullOrWhiteSpace(options.Directory)
            ? Path.Combine(Path.GetDirectoryName(DatabaseFile(data))!, "backups")
            : Path.GetFullPath(options.Directory);

    private static async Task<string> CheckAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string?)await command.ExecuteScalarAsync(cancellationToken) ?? "no answer";
    }

    private void Prune()
    {
        foreach (var old in List().Skip(Math.Max(1, options.Keep)))
        {
            File.Delete(old.Path);
            logger.LogInformation("Deleted old backup {Backup}", old.Name);
        }
    }

    private static BackupFile Describe(string path)
    {
        var info = new FileInfo(path);
        return new BackupFile(path, info.Name, info.LastWriteTimeUtc, info.Length);
    }
}
