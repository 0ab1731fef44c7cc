using System.Collections.Concurrent;
using DiplomacyTracker.Data;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Data.Operations;
using DiplomacyTracker.Testing;
using DiplomacyTracker.Tests.Editing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiplomacyTracker.Tests.Hardening;

public sealed class BackupTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "diplomacy-backups", Guid.NewGuid().ToString("N"));

    [SqliteFact("backups are copies of the SQLite file (PostgreSQL is backed up with pg_dump)")]
    public async Task A_backup_taken_while_editors_write_restores_into_a_fresh_app_with_every_write_acknowledged_before_it()
    {
        Directory.CreateDirectory(directory);
        var live = Path.Combine(directory, "live", "diplomacy.db");
        Directory.CreateDirectory(Path.GetDirectoryName(live)!);
        var acknowledged = new ConcurrentQueue<int>();
        BackupFile backup;
        int[] beforeBackup;
        await using (var app = new SharedDatabaseApp(live, new Dictionary<string, string?> { ["Backups:Directory"] = Path.Combine(directory, "backups") }))
        {
            await app.InitializeAsync();
            var template = await app.ValidDraftAsync("Written during a backup", year: 2080);
            template.IgnoreDuplicates = true;
            using var stop = new CancellationTokenSource();

            // Two editors keep saving, before, during and after the backup.
            async Task WriteAsync(string editor)
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var draft = System.Text.Json.JsonSerializer.Deserialize<EventDraft>(System.Text.Json.JsonSerializer.Serialize(template))!;
                    draft.Title = $"{editor} #{i}";
                    if (await app.Commands.CreateAsync(draft, editor) is EventCommandResult.Saved saved)
                    {
                        acknowledged.Enqueue(saved.EventId);
                    }
                }
            }

            var writers = new[] { Task.Run(() => WriteAsync("one@example.org")), Task.Run(() => WriteAsync("two@example.org")) };
            while (acknowledged.Count < 20)
            {
                await Task.Delay(20);
            }

            beforeBackup = [.. acknowledged];
            backup = await app.Services.GetRequiredService<DatabaseBackups>().CreateAsync("test");
            while (acknowledged.Count < beforeBackup.Length + 20)
            {
                await Task.Delay(20);
            }

            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        SqliteConnection.ClearAllPools();
        Assert.True(File.Exists(backup.Path));
        Assert.True(acknowledged.Count > beforeBackup.Length, "Writes went on after the backup started.");

        // Restore into a fresh place and start a new app on it.
        var restored = Path.Combine(directory, "restored", "diplomacy.db");
        Directory.CreateDirectory(Path.GetDirectoryName(restored)!);
        var restorer = new DatabaseBackups(null!, new DiplomacyDataOptions($"Data Source={restored}", string.Empty), new BackupOptions(string.Empty, 14), NullLogger<DatabaseBackups>.Instance);
        await restorer.RestoreAsync(backup.Path);
        await using var fresh = new SharedDatabaseApp(restored);
        await fresh.InitializeAsync();
        await using var db = fresh.CreateDbContext();
        var present = await db.Events.Where(e => beforeBackup.Contains(e.Id)).Select(e => e.Id).ToListAsync();
        Assert.Equal(beforeBackup.Order(), present.Order());
        Assert.Equal(["ok"], await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync());
    }

    [SqliteFact("backups are copies of the SQLite file (PostgreSQL is backed up with pg_dump)")]
    public async Task Only_the_newest_backups_are_kept_and_a_damaged_backup_is_never_restored()
    {
        Directory.CreateDirectory(directory);
        var live = Path.Combine(directory, "live", "diplomacy.db");
        Directory.CreateDirectory(Path.GetDirectoryName(live)!);
        await using var app = new SharedDatabaseApp(live, new Dictionary<string, string?> { ["Backups:Directory"] = Path.Combine(directory, "backups"), ["Backups:Keep"] = "3" });
        await app.InitializeAsync();
        var backups = app.Services.GetRequiredService<DatabaseBackups>();
        for (var i = 0; i < 5; i++)
        {
            await backups.CreateAsync("test");
        }

        Assert.Equal(3, backups.List().Count);

        var damaged = Path.Combine(directory, "damaged.db");
        await File.WriteAllBytesAsync(damaged, [.. System.Text.Encoding.ASCII.GetBytes("SQLite format 3\0"), .. new byte[5000]]);
        var restorer = new DatabaseBackups(null!, new DiplomacyDataOptions($"Data Source={live}", string.Empty), new BackupOptions(string.Empty, 3), NullLogger<DatabaseBackups>.Instance);
        await Assert.ThrowsAnyAsync<Exception>(() => restorer.RestoreAsync(damaged));
        Assert.True(File.Exists(live), "The database must be left in place when a backup is refused.");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
