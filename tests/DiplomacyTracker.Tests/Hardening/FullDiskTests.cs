using System.Net;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Testing;
using DiplomacyTracker.Tests.Editing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Tests.Hardening;

/// <summary>The editing app whose disk can be made "full".</summary>
public sealed class FullDiskApp : EditingApp
{
    public DiskLimit Disk { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Disk.AddTo(builder);
    }
}

public sealed class FullDiskTests(FullDiskApp app) : IClassFixture<FullDiskApp>
{
    private static readonly string[] Tables = ["Events", "EventLegs", "EventParticipants", "People", "Statements", "Documents", "Sources", "AuditEntries", "EventSources"];

    [SqliteFact("fills the disk through SQLite's page limit")]
    public async Task A_save_on_a_full_disk_fails_cleanly_with_nothing_half_written_and_works_once_space_returns()
    {
        var draft = await BigDraftAsync("Saved once the disk has room", 2101);
        var before = await CountRowsAsync();
        await using (var db = app.CreateDbContext())
        {
            app.Disk.MaxPages = DiskLimit.PageCount(db) + 2;
        }

        try
        {
            var refused = await app.Commands.CreateAsync(draft, EditingApp.AdminEmail);
            Assert.Equal(new EventCommandResult.StorageFailed(DiskFull: true), refused);

            // The write API says so in problem details (507), and nothing of either attempt is in the database.
            using var client = app.CreateApiClient();
            var response = await client.PostAsync("/api/events", EditingApp.JsonBody(await BigDraftAsync("Also refused", 2102)));
            Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(before, await CountRowsAsync());
        }
        finally
        {
            app.Disk.MaxPages = null;
        }

        // Space returns: the very same draft saves.
        var saved = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(draft, EditingApp.AdminEmail));
        await using var check = app.CreateDbContext();
        Assert.Equal("Saved once the disk has room", (await check.Events.SingleAsync(e => e.Id == saved.EventId)).Title);
        Assert.Equal(["ok"], await check.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync());
    }

    // A visit with a long pasted article: more pages than a nearly full disk has left.
    private async Task<EventDraft> BigDraftAsync(string title, int year)
    {
        var draft = await app.ValidDraftAsync(title, year);
        draft.Sources[0].Text = string.Concat(Enumerable.Repeat("The talks covered energy, trade and security. ", 4000));
        return draft;
    }

    private async Task<Dictionary<string, long>> CountRowsAsync()
    {
        await using var db = app.CreateDbContext();
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables)
        {
            // The table names are the constants above, not input.
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"";
            counts[table] = await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
        }

        return counts;
    }
}
