using System.Diagnostics;
using System.Text;
using DiplomacyTracker.Data.Auditing;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Data.Events.Importing;
using DiplomacyTracker.Tests.Editing;
using DiplomacyTracker.Web.Features.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DiplomacyTracker.Tests.Importing;

/// <summary>
/// A file with good rows, bad rows and duplicates through the dry run, the import, a re-import and the undo, on the
/// seeded database; plus a failure part-way and a 10,000-row file.
/// </summary>
public sealed class EventImportsTests(EditingApp app, ITestOutputHelper output) : IClassFixture<EditingApp>
{
    public const string Header = "external_key,title,type,status,start,end,precision,host_side,summary,cities,countries,participants,participant_roles,topics,source_titles,source_urls,source_outlets,source_published";

    private EventImports Imports => app.Services.GetRequiredService<EventImports>();

    /// <summary>Two good rows (one with a key, one without, in Russian and Chinese names and a place alias), five bad
    /// rows, a likely duplicate of Putin's May 2024 visit, a seeded event again, and the first row repeated.</summary>
    public static string MixedFile(int year) => string.Join("\r\n",
        Header,
        $"mix-{year}-1,Summit in Moscow {year},StateVisit,Held,{year}-03-01,{year}-03-03,Day,Russia,Talks.,Moscow,Russia,Xi Jinping; Vladimir Putin,President of China; President of Russia,ukraine,Report of the summit,https://example.org/{year}/1,Example News,{year}-03-02",
        $",Talks in Beijing {year},OfficialVisit,Held,{year}-09-10,,Day,China,Talks.,Пекин,China,Владимир Путин; 习近平,,,Second report,https://example.org/{year}/2,Example News,unknown",
        $"mix-{year}-3,Bad date {year},StateVisit,Held,{year}-13-01,,Day,China,,Beijing,China,Xi Jinping,,,Report,https://example.org/x,Outlet,unknown",
        $"mix-{year}-4,Unknown person {year},StateVisit,Held,{year}-04-01,,Day,China,,Beijing,China,Nobody Atall,,,Report,https://example.org/y,Outlet,unknown",
        $"mix-{year}-5,Bad type {year},Summit,Held,{year}-05-01,,Day,China,,Beijing,China,Xi Jinping,,,Report,https://example.org/z,Outlet,unknown",
        $"mix-{year}-6,Unknown topic {year},StateVisit,Held,{year}-06-01,,Day,China,,Beijing,China,Xi Jinping,,no-such-topic,Report,https://example.org/t,Outlet,unknown",
        $"mix-{year}-7,,StateVisit,Held,{year}-07-01,,Day,China,,Beijing,China,Xi Jinping,,,Report,https://example.org/u,Outlet,unknown",
        $"mix-{year}-8,Putin in Beijing again,StateVisit,Held,2024-05-16,,Day,China,,Beijing,China,Vladimir Putin; Xi Jinping,,,Report,https://example.org/d,Outlet,2024-05-16",
        "mix-seeded,Xi Jinping's state visit to Moscow,StateVisit,Held,2023-03-20,2023-03-22,Day,Russia,,Moscow,Russia,Xi Jinping; Vladimir Putin,,,Report,https://example.org/s,Outlet,unknown",
        $"mix-{year}-1,Summit in Moscow {year},StateVisit,Held,{year}-03-01,{year}-03-03,Day,Russia,Talks.,Moscow,Russia,Xi Jinping; Vladimir Putin,,,Report,https://example.org/{year}/1,Example News,unknown");

    public static async Task<IReadOnlyList<ImportRow>> RowsAsync(string csv) =>
        Assert.IsType<ImportFileReadResult.Rows>(await ImportFile.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "mixed.csv", "text/csv")).Items;

    [Fact]
    public async Task Dry_run_says_row_by_row_what_would_be_created_refused_and_already_recorded_and_writes_nothing()
    {
        var before = await app.CountEventsAsync();
        var preview = await Imports.DryRunAsync(await RowsAsync(MixedFile(1991)));

        Assert.Equal(10, preview.Rows.Count);
        Assert.Equal([2, 3], preview.Rows.Where(r => r.Outcome is ImportRowOutcome.WouldCreate).Select(r => r.Row));
        Assert.Equal("start", Problem(preview, 4).Field);
        Assert.Contains("Nobody Atall", Problem(preview, 5).Message);
        Assert.Equal("type", Problem(preview, 6).Field);
        Assert.Equal("topics", Problem(preview, 7).Field);
        Assert.Equal("Title", Problem(preview, 8).Field);
        var duplicate = Assert.IsType<ImportRowOutcome.LikelyDuplicate>(preview.Rows.Single(r => r.Row == 9).Outcome);
        Assert.Contains(duplicate.Candidates, c => c.Title == "Putin's state visit to China");
        var seeded = Assert.IsType<ImportRowOutcome.AlreadyImported>(preview.Rows.Single(r => r.Row == 10).Outcome);
        Assert.Equal("Xi Jinping's state visit to Moscow", seeded.Title);
        Assert.Contains("same title and dates", seeded.Reason);
        Assert.Contains("Row 2", Problem(preview, 11).Message);
        Assert.Equal(before, await app.CountEventsAsync());
    }

    [Fact]
    public async Task Dry_run_lists_what_the_editor_would_confirm_and_takes_unknown_as_an_explicit_unknown_outlet_or_date()
    {
        var preview = await Imports.DryRunAsync(await RowsAsync(string.Join("\r\n",
            Header,
            "warn-1,Summit planned long ahead,StateVisit,Held,2099-05-01,,Day,Russia,,Moscow,Russia,Xi Jinping,,,Report,https://example.org/w1,unknown,unknown",
            "warn-2,Outlet left empty,StateVisit,Held,1993-05-01,,Day,Russia,,Moscow,Russia,Xi Jinping,,,Report,https://example.org/w2,,1993-05-02")));

        var held = Assert.IsType<ImportRowOutcome.WouldCreate>(preview.Rows[0].Outcome);
        Assert.Contains(held.Warnings, w => w.Message.Contains("future", StringComparison.OrdinalIgnoreCase));
        var refused = Assert.IsType<ImportRowOutcome.Refused>(preview.Rows[1].Outcome);
        Assert.Contains(refused.Problems, p => p.Field.Contains("Outlet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_creates_exactly_the_good_rows_under_one_import_id_then_a_reimport_creates_nothing_and_undo_removes_them_audited()
    {
        var rows = await RowsAsync(MixedFile(1992));
        var before = await app.CountEventsAsync();

        var applied = Assert.IsType<ImportCommandResult.Applied>(await Imports.ApplyAsync(rows, "mixed.csv", EditingApp.AdminEmail));

        Assert.Equal((2, 8), (applied.Created, applied.Skipped));
        Assert.Equal(before + 2, await app.CountEventsAsync());
        await using (var db = app.Db())
        {
            var created = await db.Events.Include(e => e.Legs).Include(e => e.Participants).ThenInclude(p => p.Person).Include(e => e.Sources)
                .Where(e => e.ImportId == applied.ImportId).OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(["Summit in Moscow 1992", "Talks in Beijing 1992"], created.Select(e => e.Title));
            Assert.Equal(["mix-1992-1", null], created.Select(e => e.ExternalKey));
            // Russian and Chinese names found the people; the Russian spelling of Beijing became the gazetteer's name.
            Assert.Equal(["vladimir-putin", "xi-jinping"], created[1].Participants.Select(p => p.Person!.Slug).Order());
            Assert.Equal("Beijing", Assert.Single(created[1].Legs).City);
            Assert.Equal(("Example News", "https://example.org/1992/1"), (created[0].Sources[0].Outlet, created[0].Sources[0].Url));
            var audits = await db.AuditEntries.Where(a => a.ImportId == applied.ImportId).ToListAsync();
            Assert.Equal(created.Select(e => e.Id).Order(), audits.Select(a => a.EventId).Order());
            Assert.All(audits, a => Assert.Equal((AuditAction.Created, EditingApp.AdminEmail), (a.Action, a.UserName)));
            var import = await db.Imports.SingleAsync(i => i.Id == applied.ImportId);
            Assert.Equal(("mixed.csv", 10, 2, 8), (import.FileName, import.RowCount, import.CreatedCount, import.SkippedCount));
        }

        // The same file again: both rows are recognised (by key, and by title and dates), nothing is written.
        var again = Assert.IsType<ImportCommandResult.NothingToImport>(await Imports.ApplyAsync(await RowsAsync(MixedFile(1992)), "mixed.csv", EditingApp.AdminEmail));
        Assert.Contains(again.Preview.Rows, r => r.Row == 2 && r.Outcome is ImportRowOutcome.AlreadyImported { Reason: var reason } && reason.Contains("mix-1992-1"));
        Assert.Contains(again.Preview.Rows, r => r.Row == 3 && r.Outcome is ImportRowOutcome.AlreadyImported);
        Assert.Equal(before + 2, await app.CountEventsAsync());

        var undone = Assert.IsType<UndoImportResult.Undone>(await Imports.UndoAsync(applied.ImportId, "undoer@example.org"));
        Assert.Equal(2, undone.Deleted);
        await using (var db = app.Db())
        {
            Assert.False(await db.Events.AnyAsync(e => e.ImportId == applied.ImportId));
            var deleted = await db.Events.IgnoreQueryFilters().Where(e => e.ImportId == applied.ImportId).ToListAsync();
            Assert.All(deleted, e => Assert.Equal((true, "undoer@example.org"), (e.IsDeleted, e.DeletedBy)));
            var deletions = await db.AuditEntries.Where(a => a.ImportId == applied.ImportId && a.Action == AuditAction.Deleted).ToListAsync();
            Assert.Equal(deleted.Select(e => e.Id).Order(), deletions.Select(a => a.EventId).Order());
            Assert.All(deletions, a => Assert.Equal("undoer@example.org", a.UserName));
            Assert.NotNull((await db.Imports.SingleAsync(i => i.Id == applied.ImportId)).UndoneAt);
        }

        Assert.IsType<UndoImportResult.AlreadyUndone>(await Imports.UndoAsync(applied.ImportId, "undoer@example.org"));
        // The undone events still count as imported (restorable from Recently deleted), so the file does not come back twice.
        Assert.IsType<ImportCommandResult.NothingToImport>(await Imports.ApplyAsync(await RowsAsync(MixedFile(1992)), "mixed.csv", EditingApp.AdminEmail));
    }

    [Fact]
    public async Task Undo_is_refused_and_deletes_nothing_when_an_imported_event_was_edited_since()
    {
        var applied = Assert.IsType<ImportCommandResult.Applied>(await Imports.ApplyAsync(await RowsAsync(MixedFile(1993)), "mixed.csv", EditingApp.AdminEmail));
        var ids = (await Imports.GetAsync(applied.ImportId))!.EventIds;
        var edit = (await app.Commands.GetForEditAsync(ids[0]))!;
        edit.Draft.Summary = "Corrected after the import.";
        Assert.IsType<EventCommandResult.Saved>(await app.Commands.UpdateAsync(edit.Id, edit.Draft, edit.Version, EditingApp.AdminEmail));

        var refused = Assert.IsType<UndoImportResult.EditedSince>(await Imports.UndoAsync(applied.ImportId, EditingApp.AdminEmail));

        Assert.Equal([ids[0]], refused.EventIds);
        await using var db = app.Db();
        Assert.Equal(2, await db.Events.CountAsync(e => e.ImportId == applied.ImportId));
        Assert.Null((await db.Imports.SingleAsync(i => i.Id == applied.ImportId)).UndoneAt);
    }

    [Fact]
    public async Task A_failure_part_way_through_writing_leaves_nothing_of_the_import()
    {
        var rows = await RowsAsync(GeneratedFile("fail", 1200, new DateOnly(1940, 1, 1)));
        var before = await app.CountEventsAsync();
        using var cancel = new CancellationTokenSource();

        // Stops the import once the first batch of 500 events is written, inside the transaction.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Imports.ApplyAsync(rows, "fail.csv", EditingApp.AdminEmail, new StopAfter(0.6, cancel), cancel.Token));

        Assert.Equal(before, await app.CountEventsAsync());
        await using var db = app.Db();
        Assert.False(await db.Imports.AnyAsync(i => i.FileName == "fail.csv"));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.ImportId != null && a.Action == AuditAction.Created && db.Events.IgnoreQueryFilters().Any(e => e.Id == a.EventId && e.Title.StartsWith("fail "))));
    }

    [Fact]
    public async Task A_10000_row_file_dry_runs_and_imports_with_progress()
    {
        var rows = await RowsAsync(GeneratedFile("bulk", 10_000, new DateOnly(1950, 1, 1)));
        var before = await app.CountEventsAsync();
        var reports = new List<double>();
        var clock = Stopwatch.StartNew();

        var preview = await Imports.DryRunAsync(rows, new Collect(reports));
        output.WriteLine($"Dry run of 10,000 rows: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(10_000, preview.WouldCreate);
        Assert.Equal(1.0, reports[^1]);
        Assert.True(reports.Count >= 10, "The dry run reports progress as it goes.");

        clock.Restart();
        var applied = Assert.IsType<ImportCommandResult.Applied>(await Imports.ApplyAsync(rows, "bulk.csv", EditingApp.AdminEmail));
        output.WriteLine($"Import of 10,000 rows: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(10_000, applied.Created);
        Assert.Equal(before + 10_000, await app.CountEventsAsync());
        await using var db = app.Db();
        Assert.Equal(10_000, await db.AuditEntries.CountAsync(a => a.ImportId == applied.ImportId));
        Assert.Equal(20_000, await db.EventLegs.CountAsync(l => l.Event!.ImportId == applied.ImportId));

        clock.Restart();
        Assert.IsType<UndoImportResult.Undone>(await Imports.UndoAsync(applied.ImportId, EditingApp.AdminEmail));
        output.WriteLine($"Undo of 10,000 events: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(before, await db.Events.CountAsync());
    }

    /// <summary>Distinct two-leg Xi–Putin meetings a day apart from <paramref name="from"/>, each with a source.</summary>
    public static string GeneratedFile(string prefix, int count, DateOnly from)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        for (var i = 0; i < count; i++)
        {
            var day = from.AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            text.Append($"{prefix}-{i},{prefix} meeting {i},OfficialVisit,Held,{day},,Day,China,Generated.,Beijing; Harbin,China,Xi Jinping; Vladimir Putin,,trade-energy,Report {i},https://example.org/{prefix}/{i},Example News,{day}\r\n");
        }

        return text.ToString();
    }

    private static ImportProblem Problem(ImportPreview preview, int row) =>
        Assert.IsType<ImportRowOutcome.Refused>(preview.Rows.Single(r => r.Row == row).Outcome).Problems[0];

    private sealed class Collect(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }

    private sealed class StopAfter(double at, CancellationTokenSource cancel) : IProgress<double>
    {
        public void Report(double value)
        {
            if (value >= at)
            {
                cancel.Cancel();
            }
        }
    }
}
