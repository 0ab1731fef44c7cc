using Deque.AxeCore.Playwright;
using DiplomacyTracker.BrowserTests.Pages;
using DiplomacyTracker.BrowserTests.Shell;
using DiplomacyTracker.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Editing;

public sealed class ImportPageTests(EditingBrowserFixture fixture) : BrowserTest(fixture), IClassFixture<EditingBrowserFixture>
{
    private const string Header = "external_key,title,type,status,start,end,precision,host_side,summary,cities,countries,participants,participant_roles,topics,source_titles,source_urls,source_outlets,source_published";

    /// <summary>Two good rows, a bad date, an unknown person, and a seeded event again.</summary>
    private static string File(int year) => string.Join("\r\n",
        Header,
        $"b-{year}-1,Summit in Moscow {year},StateVisit,Held,{year}-03-01,{year}-03-03,Day,Russia,Talks.,Moscow,Russia,Xi Jinping; Vladimir Putin,,,Report of the summit,https://example.org/{year}/1,Example News,{year}-03-02",
        $",Talks in Beijing {year},OfficialVisit,Held,{year}-09-10,,Day,China,Talks.,Пекин,China,Владимир Путин; 习近平,,,Second report,https://example.org/{year}/2,Example News,unknown",
        $"b-{year}-3,Bad date {year},StateVisit,Held,{year}-13-01,,Day,China,,Beijing,China,Xi Jinping,,,Report,https://example.org/x,Outlet,unknown",
        $"b-{year}-4,Unknown person {year},StateVisit,Held,{year}-04-01,,Day,China,,Beijing,China,Nobody Atall,,,Report,https://example.org/y,Outlet,unknown",
        "b-seeded,Xi Jinping's state visit to Moscow,StateVisit,Held,2023-03-20,2023-03-22,Day,Russia,,Moscow,Russia,Xi Jinping; Vladimir Putin,,,Report,https://example.org/s,Outlet,unknown");

    [Fact]
    public Task Editor_checks_a_file_imports_the_good_rows_and_undoes_the_import() => WithPageAsync(async page =>
    {
        await EditingBrowserFixture.SignInAsync(page, "/import");
        var import = new ImportEventsPage(page);
        await import.GotoAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Import events" })).ToBeVisibleAsync();
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());

        await import.ChooseAsync("visits.csv", File(1996));
        await import.CheckButton.ClickAsync();

        await Assertions.Expect(import.RowsTable).ToBeVisibleAsync();
        await Assertions.Expect(import.Status("5 rows: 2 new, 2 refused, 0 likely duplicates, 1 already recorded")).ToBeVisibleAsync();
        await Assertions.Expect(import.Row(4, "Refused")).ToContainTextAsync("start");
        await Assertions.Expect(import.Row(5, "Refused")).ToContainTextAsync("Nobody Atall");
        await Assertions.Expect(import.Row(6, "Already recorded").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/events/\\d+$"));
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
        await SaveScreenshotAsync(page, "import-checked-desktop");

        await import.ImportButton(2).ClickAsync();
        await Assertions.Expect(import.Status("Imported: 2 events created, 3 rows left out.")).ToBeVisibleAsync();
        await using (var db = Fixture.KestrelServices.GetRequiredService<IDbContextFactory<DiplomacyDbContext>>().CreateDbContext())
        {
            Assert.Equal(2, await db.Events.CountAsync(e => e.Title.EndsWith(" 1996") && e.ImportId != null));
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Import \\d+$") })).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "import-done-desktop");

        await import.UndoButton.ClickAsync();
        await Assertions.Expect(import.Status("undone: 2 events deleted")).ToBeVisibleAsync();
        await using (var db = Fixture.KestrelServices.GetRequiredService<IDbContextFactory<DiplomacyDbContext>>().CreateDbContext())
        {
            Assert.Equal(0, await db.Events.CountAsync(e => e.Title.EndsWith(" 1996")));
        }

        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
    });

    [Fact]
    public Task Import_page_at_phone_width_shows_the_checked_rows_without_accessibility_violations() => WithPageAsync(
        async page =>
        {
            await EditingBrowserFixture.SignInAsync(page, "/import");
            var import = new ImportEventsPage(page);
            await import.GotoAsync();
            await import.ChooseAsync("phone.csv", File(1997));
            await import.CheckButton.ClickAsync();
            await Assertions.Expect(import.Status("5 rows: 2 new")).ToBeVisibleAsync();
            await Assertions.Expect(import.ImportButton(2)).ToBeVisibleAsync();
            ShellTests.AssertNoSeriousViolations(await page.RunAxe());
            await SaveScreenshotAsync(page, "import-checked-phone");
        },
        width: PhoneWidth);
}
