using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using DiplomacyTracker.BrowserTests.Pages;
using DiplomacyTracker.BrowserTests.Shell;
using DiplomacyTracker.Data;
using DiplomacyTracker.Data.Documents;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Data.Statements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Editing;

public sealed partial class EditorFlowTests(EditingBrowserFixture fixture) : BrowserTest(fixture), IClassFixture<EditingBrowserFixture>
{
    [Fact]
    public Task Every_field_of_every_section_is_filled_through_its_visible_label_and_saved() => WithPageAsync(async page =>
    {
        await EditingBrowserFixture.SignInAsync(page, "/events/new");
        var editor = new EditorPage(page);
        await WaitForCircuitAsync(page);

        // Basics
        await editor.Title.FillAsync("Every field through its label");
        await MudControls.ChooseAsync(editor.Type, "Official visit");
        await MudControls.ChooseAsync(editor.Status, "Announced");
        await MudControls.ChooseAsync(editor.HostSide, "Russia");
        await editor.Summary.FillAsync("A visit entered field by field, as a screen-reader user would find the fields.");

        // Dates
        await EditorPage.FillDateAsync(editor.StartDate, "2031-04-07");
        await EditorPage.FillDateAsync(editor.EndDate, "2031-04-09");
        await MudControls.ChooseAsync(editor.DatePrecision, "Exact days");
        await editor.DatesApproximate.CheckAsync();
        await editor.DateNote.FillAsync("The report gives the week; the days are the programme's.");

        // Participants: one recorded person, one new person.
        await editor.Participant(1).PickPersonAsync("Putin", "Vladimir Putin");
        await editor.Participant(1).Role.FillAsync("President of Russia");
        await editor.Button("Add participant").ClickAsync();
        var guest = editor.Participant(2);
        await guest.NewPerson.CheckAsync();
        await guest.NameEn.FillAsync("Liu Fieldtest");
        await guest.NameZh.FillAsync("刘测试");
        await guest.NameRu.FillAsync("Лю Тест");
        await MudControls.ChooseAsync(guest.Country, "China");
        await guest.Role.FillAsync("Vice Premier of China");

        // Legs
        var leg = editor.Leg(1);
        await leg.City.FillAsync("Kazan");
        await leg.Country.FillAsync("Russia");
        await leg.Site.FillAsync("Kazan Kremlin");
        await EditorPage.FillDateAsync(leg.From, "2031-04-07");
        await EditorPage.FillDateAsync(leg.To, "2031-04-08");
        await leg.Attended("Vladimir Putin").CheckAsync();
        await leg.Attended("Liu Fieldtest").CheckAsync();

        // Sources
        await editor.Button("Add source").ClickAsync();
        var source = editor.Source(1);
        await source.Title.FillAsync("Field test report");
        await source.Url.FillAsync("https://example.org/field-test");
        await source.Outlet.FillAsync("Example Wire");
        await EditorPage.FillDateAsync(source.PublishedOn, "2031-04-09");
        await source.Text.FillAsync("Putin said the talks were useful.");

        // Statements
        await editor.Button("Add statement").ClickAsync();
        var statement = editor.Statement(1);
        await MudControls.ChooseAsync(statement.Speaker, "Vladimir Putin");
        await statement.AttributedTo.FillAsync("at the joint press conference");
        await MudControls.ChooseAsync(statement.Kind, "Quotation (their words)");
        await MudControls.ChooseAsync(statement.Source, "Field test report");
        await statement.Text.FillAsync("the talks were useful");

        // Documents
        await editor.Button("Add document").ClickAsync();
        var document = editor.Document(1);
        await document.Title.FillAsync("Field test memorandum");
        await MudControls.ChooseAsync(document.Kind, "Agreement");
        await MudControls.ChooseAsync(document.Source, "Field test report");
        await document.Summary.FillAsync("A memorandum signed for the test.");

        // Topics
        await MudControls.ChooseManyAsync(editor.Topics, "Trade & energy", "Technology & innovation");

        await SaveScreenshotAsync(page, "editor-filled-desktop");
        await editor.SaveAsync(isNew: true);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/events/\\d+$"));
        var id = int.Parse(EventIdPattern().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        await using var db = Fixture.KestrelServices.GetRequiredService<IDbContextFactory<DiplomacyDbContext>>().CreateDbContext();
        var saved = await db.Events
            .Include(e => e.Legs).ThenInclude(l => l.Attendees)
            .Include(e => e.Participants).ThenInclude(p => p.Person)
            .Include(e => e.Statements).ThenInclude(s => s.Speaker)
            .Include(e => e.Statements).ThenInclude(s => s.Source)
            .Include(e => e.Documents).ThenInclude(d => d.Source)
            .Include(e => e.Sources).Include(e => e.Topics)
            .AsSplitQuery().SingleAsync(e => e.Id == id);
        Assert.Equal((EventType.OfficialVisit, EventStatus.Announced, Data.Common.Side.Russia), (saved.Type, saved.Status, saved.HostSide));
        Assert.Equal("c. 7–9 April 2031", Data.Common.PartialDate.FormatRange(saved.Start, saved.End));
        Assert.Equal("The report gives the week; the days are the programme's.", saved.DateNote);
        var newPerson = Assert.Single(saved.Participants, p => p.Person!.NameEn == "Liu Fieldtest").Person!;
        Assert.Equal(("刘测试", "Лю Тест", Data.Common.Side.China), (newPerson.NameZh, newPerson.NameRu, newPerson.Country));
        Assert.Contains(saved.Participants, p => p.Person!.Slug == "vladimir-putin" && p.Role == "President of Russia");
        var savedLeg = Assert.Single(saved.Legs);
        Assert.Equal(("Kazan", "Russia", "Kazan Kremlin"), (savedLeg.City, savedLeg.Country, savedLeg.Site));
        Assert.Equal(2, savedLeg.Attendees.Count);
        var savedSource = Assert.Single(saved.Sources);
        Assert.Equal(("https://example.org/field-test", "Example Wire", "9 April 2031"), (savedSource.Url, savedSource.Outlet, savedSource.PublishedOn.ToString()));
        var savedStatement = Assert.Single(saved.Statements);
        Assert.Equal(("vladimir-putin", "at the joint press conference", StatementKind.Quotation, "Field test report"),
            (savedStatement.Speaker!.Slug, savedStatement.Attribution, savedStatement.Kind, savedStatement.Source!.Title));
        var savedDocument = Assert.Single(saved.Documents);
        Assert.Equal(("Field test memorandum", DocumentKind.Agreement, "Field test report", "A memorandum signed for the test."),
            (savedDocument.Title, savedDocument.Kind, savedDocument.Source!.Title, savedDocument.Summary));
        Assert.Equal(["technology", "trade-energy"], saved.Topics.Select(t => t.Slug).Order());
    });

    [Fact]
    public Task Editor_adds_a_two_leg_visit_with_a_new_person_finds_it_edits_it_and_is_told_about_a_conflict() => WithPageAsync(async page =>
    {
        await EditingBrowserFixture.SignInAsync(page, "/events/new");
        var editor = new EditorPage(page);
        await WaitForCircuitAsync(page);

        await editor.Title.FillAsync("Browser test visit to Harbin");
        await EditorPage.FillDateAsync(editor.StartDate, "2030-06-10");
        await EditorPage.FillDateAsync(editor.EndDate, "2030-06-12");
        await editor.Participant(1).PickPersonAsync("Xi", "Xi Jinping");
        await editor.Participant(1).Role.FillAsync("President of China");

        await editor.Button("Add participant").ClickAsync();
        await editor.Participant(2).NewPerson.CheckAsync();
        await editor.Participant(2).NameEn.FillAsync("Pavel Browserov");
        await editor.Participant(2).NameRu.FillAsync("Павел Браузеров");
        await editor.Participant(2).Role.FillAsync("Governor of Amur Oblast");

        await editor.Leg(1).City.FillAsync("Beijing");
        await editor.Leg(1).Country.FillAsync("China");
        await editor.Button("Add leg").ClickAsync();
        await editor.Leg(2).City.FillAsync("Harbin");
        await editor.Leg(2).Country.FillAsync("China");
        await EditorPage.FillDateAsync(editor.Leg(2).From, "2030-06-12");

        await editor.Button("Add source").ClickAsync();
        await editor.Source(1).Title.FillAsync("Report on the Harbin visit");
        await editor.Source(1).Url.FillAsync("https://example.org/harbin");
        await editor.Source(1).Outlet.FillAsync("Example Wire");
        await editor.Source(1).PublishedUnknown.CheckAsync();

        // Held (the default) in 2030 looks like a slip: the editor is asked, and confirms.
        await editor.SaveAsync(isNew: true);
        var confirm = editor.Alert("Please confirm before saving");
        await Assertions.Expect(confirm).ToBeInViewportAsync();
        await Assertions.Expect(confirm).ToContainTextAsync("Marked as held, but it starts on 10 June 2030, in the future.");
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
        await SaveScreenshotAsync(page, "editor-confirm-warnings-desktop");
        await page.SetViewportSizeAsync(PhoneWidth, 900);
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "editor-confirm-warnings-phone");
        await page.SetViewportSizeAsync(1280, 900);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Save anyway" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/events/\\d+$"));
        await Assertions.Expect(page.GetByText("Visit saved.")).ToBeVisibleAsync();
        var id = int.Parse(EventIdPattern().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        await using (var db = Fixture.KestrelServices.GetRequiredService<IDbContextFactory<DiplomacyDbContext>>().CreateDbContext())
        {
            var saved = await db.Events.Include(e => e.Legs).Include(e => e.Participants).ThenInclude(p => p.Person).SingleAsync(e => e.Id == id);
            Assert.Equal(["Beijing", "Harbin"], saved.Legs.OrderBy(l => l.Position).Select(l => l.City));
            Assert.Contains(saved.Participants, p => p.Person!.NameEn == "Pavel Browserov" && p.Person.NameRu == "Павел Браузеров");
        }

        // On the timeline, filtered to the new leg's city.
        var timeline = new TimelinePage(page);
        await timeline.GotoAsync("?venue=Harbin");
        await Assertions.Expect(timeline.Card("Browser test visit to Harbin")).ToBeVisibleAsync();

        // Edit it.
        await editor.GotoEditAsync(id);
        await Assertions.Expect(editor.Title).ToHaveValueAsync("Browser test visit to Harbin");
        await editor.Title.FillAsync("Browser test visit to Beijing and Harbin");
        await editor.SaveAsync(isNew: false);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/events/{id}$"));

        // Two editors: this page opens the editor, a second session saves first, then this save is told.
        await editor.GotoEditAsync(id);
        await using (var other = await Fixture.NewContextAsync())
        {
            var second = new EditorPage(await other.NewPageAsync());
            await EditingBrowserFixture.SignInAsync(second.Page, $"/events/{id}/edit");
            await WaitForCircuitAsync(second.Page);
            await second.Summary.FillAsync("Summary written by the second editor.");
            await second.SaveAsync(isNew: false);
            await Assertions.Expect(second.Page).ToHaveURLAsync(new Regex($"/events/{id}$"));
        }

        await editor.Title.FillAsync("Title from the first editor");
        await editor.SaveAsync(isNew: false);
        var conflict = editor.Alert("Someone else saved this event");
        await Assertions.Expect(conflict).ToBeVisibleAsync();
        await Assertions.Expect(conflict).ToBeInViewportAsync();
        await Assertions.Expect(conflict.GetByRole(AriaRole.Row).Filter(new() { HasText = "Summary written by the second editor." })).ToBeVisibleAsync();
        await Assertions.Expect(editor.Title).ToHaveValueAsync("Title from the first editor");
        await SaveScreenshotAsync(page, "editor-conflict");
        await using (var db = Fixture.KestrelServices.GetRequiredService<IDbContextFactory<DiplomacyDbContext>>().CreateDbContext())
        {
            Assert.Equal("Browser test visit to Beijing and Harbin", (await db.Events.SingleAsync(e => e.Id == id)).Title);
        }
    });

    [Fact]
    public Task Bad_input_shows_messages_next_to_the_fields_and_saves_nothing() => WithPageAsync(async page =>
    {
        var before = await CountEventsAsync();
        await EditingBrowserFixture.SignInAsync(page, "/events/new");
        var editor = new EditorPage(page);
        await WaitForCircuitAsync(page);

        await EditorPage.FillDateAsync(editor.StartDate, "2030-06-10");
        await EditorPage.FillDateAsync(editor.EndDate, "2030-06-01");
        await editor.Button("Add source").ClickAsync();
        await editor.Source(1).Title.FillAsync("A source");
        await editor.Source(1).Url.FillAsync("not a web address");
        await editor.SaveAsync(isNew: true);

        await Assertions.Expect(page.GetByText("Please correct the fields marked below.")).ToBeInViewportAsync();
        await EditorPage.ExpectMessageAsync(editor.Title, "Title is required.");
        await EditorPage.ExpectMessageAsync(editor.EndDate, "End date cannot be before the start date.");
        await EditorPage.ExpectMessageAsync(editor.Leg(1).City, "City is required.");
        await EditorPage.ExpectMessageAsync(editor.Source(1).Url, "Enter a full web address starting with http:// or https://.");
        await EditorPage.ExpectMessageAsync(editor.Source(1).Outlet, "Give the outlet that published it, or tick \"Outlet unknown\".");
        await EditorPage.ExpectMessageAsync(editor.Source(1).PublishedOn, "Give the publication date, or tick \"Publication date unknown\".");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/events/new$"));
        await SaveScreenshotAsync(page, "editor-invalid");

        // Fixing a field clears its message as the editor goes; nothing was saved.
        await editor.Title.FillAsync("Now with a title");
        await editor.Title.PressAsync("Tab");
        await EditorPage.ExpectNoMessageAsync(editor.Title);
        Assert.Equal(before, await CountEventsAsync());
    });

    [Fact]
    public Task A_title_over_the_limit_is_kept_whole_and_refused_with_the_true_limit() => WithPageAsync(async page =>
    {
        await EditingBrowserFixture.SignInAsync(page, "/events/new");
        var editor = new EditorPage(page);
        await WaitForCircuitAsync(page);
        var longTitle = string.Concat(Enumerable.Repeat("Very long title ", 313))[..5000];

        await editor.Title.FillAsync(longTitle);
        await editor.Title.PressAsync("Tab");

        // Nothing is cut silently: the field keeps all 5,000 characters and says what the limit is.
        Assert.Equal(5000, (await editor.Title.InputValueAsync()).Length);
        await EditorPage.ExpectMessageAsync(editor.Title, $"Title must be at most {Event.TitleMaxLength} characters (it has 5000).");
    });

    [Fact]
    public Task A_draft_survives_a_reload_and_is_offered_back() => WithPageAsync(async page =>
    {
        await EditingBrowserFixture.SignInAsync(page, "/events/new");
        var editor = new EditorPage(page);
        await WaitForCircuitAsync(page);
        await editor.Title.FillAsync("Draft that must not be lost");
        await editor.Leg(1).City.FillAsync("Vladivostok");
        await editor.Leg(1).City.PressAsync("Tab");
        await page.WaitForFunctionAsync("() => (localStorage.getItem('diplomacy-draft:new') || '').includes('Vladivostok')");

        await page.ReloadAsync();
        await WaitForCircuitAsync(page);
        await editor.Button("Restore draft").ClickAsync();
        await Assertions.Expect(editor.Title).ToHaveValueAsync("Draft that must not be lost");
        await Assertions.Expect(editor.Leg(1).City).ToHaveValueAsync("Vladivostok");
    });

    [Fact]
    public Task A_likely_duplicate_is_listed_before_saving_and_can_be_saved_anyway() => WithPageAsync(async page =>
    {
        var commands = Fixture.KestrelServices.GetRequiredService<EventCommands>();
        await using (var db = Fixture.KestrelServices.GetRequiredService<IDbContextFactory<DiplomacyDbContext>>().CreateDbContext())
        {
            var xi = await db.People.Where(p => p.Slug == "xi-jinping").Select(p => p.Id).SingleAsync();
            var existing = await commands.CreateAsync(new EventDraft
            {
                Title = "Already recorded summit",
                StartDate = new DateOnly(2032, 9, 1),
                EndDate = new DateOnly(2032, 9, 3),
                Participants = [new ParticipantDraft { Key = "xi", PersonId = xi }],
                Legs = [new LegDraft { City = "Astana", Country = "Kazakhstan" }],
                Sources = [new SourceDraft { Title = "Summit report", Url = "https://example.org/summit", OutletUnknown = true, PublishedUnknown = true }],
                ConfirmWarnings = true,
            }, EditingBrowserFixture.AdminEmail);
            Assert.IsType<EventCommandResult.Saved>(existing);
        }

        var before = await CountEventsAsync();
        await EditingBrowserFixture.SignInAsync(page, "/events/new");
        var editor = new EditorPage(page);
        await WaitForCircuitAsync(page);
        await editor.Title.FillAsync("Summit typed in again");
        await EditorPage.FillDateAsync(editor.StartDate, "2032-09-02");
        await editor.Participant(1).PickPersonAsync("Xi", "Xi Jinping");
        await editor.Leg(1).City.FillAsync("Astana");
        await editor.Leg(1).Country.FillAsync("Kazakhstan");
        await editor.Button("Add source").ClickAsync();
        await editor.Source(1).Title.FillAsync("Second summit report");
        await editor.Source(1).Url.FillAsync("https://example.org/summit-2");
        await editor.Source(1).OutletUnknown.CheckAsync();
        await editor.Source(1).PublishedUnknown.CheckAsync();
        await editor.SaveAsync(isNew: true);

        // First the date (held, but in 2032) is confirmed; then the duplicate is shown with why it looks like one.
        await editor.Alert("Please confirm before saving").GetByRole(AriaRole.Button, new() { Name = "Save anyway" }).ClickAsync();
        var warning = editor.Alert("This may already be recorded");
        await Assertions.Expect(warning).ToBeInViewportAsync();
        await Assertions.Expect(warning.GetByRole(AriaRole.Link, new() { Name = "Already recorded summit" })).ToBeVisibleAsync();
        await Assertions.Expect(warning).ToContainTextAsync("same city (Astana)");
        await Assertions.Expect(warning).ToContainTextAsync("1 of 1 participants in common");
        await SaveScreenshotAsync(page, "editor-duplicate-reasons");
        Assert.Equal(before, await CountEventsAsync());

        await warning.GetByRole(AriaRole.Button, new() { Name = "Save anyway" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/events/\\d+$"));
        Assert.Equal(before + 1, await CountEventsAsync());
    });

    [Fact]
    public Task Leaving_with_unsaved_changes_asks_first() => WithPageAsync(async page =>
    {
        await EditingBrowserFixture.SignInAsync(page, "/events/new");
        var editor = new EditorPage(page);
        await WaitForCircuitAsync(page);
        await editor.Title.FillAsync("Half-typed visit");
        await editor.Title.PressAsync("Tab");
        await Assertions.Expect(page.GetByText("Unsaved changes")).ToBeVisibleAsync();

        var asked = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Dialog += async (_, dialog) =>
        {
            asked.TrySetResult(dialog.Message);
            await dialog.DismissAsync();
        };
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByText("Participants").ClickAsync();
        // The question comes from the circuit, a moment after the click.
        var question = await asked.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Contains("unsaved changes", question, StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(editor.Title).ToHaveValueAsync("Half-typed visit");
        Assert.EndsWith("/events/new", page.Url, StringComparison.Ordinal);
    });

    [Fact]
    public Task Add_visit_from_an_edit_page_starts_an_empty_visit() => WithPageAsync(async page =>
    {
        var id = await SeededEventIdAsync("2023-03-xi-state-visit-moscow");
        await EditingBrowserFixture.SignInAsync(page, $"/events/{id}/edit");
        var editor = new EditorPage(page);
        await WaitForCircuitAsync(page);
        await Assertions.Expect(editor.Title).Not.ToHaveValueAsync(string.Empty);
        await Assertions.Expect(editor.Heading).ToHaveTextAsync("Edit visit");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByText("Add visit").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/events/new$"));
        await Assertions.Expect(editor.Heading).ToHaveTextAsync("Add a visit");
        await Assertions.Expect(editor.Title).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(editor.Leg(1).City).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(editor.Section("Statement 1")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task A_speaker_who_is_not_a_participant_is_shown_and_kept_when_the_event_is_saved() => WithPageAsync(async page =>
    {
        var id = await SeededEventIdAsync("2024-05-putin-state-visit-china");
        await EditingBrowserFixture.SignInAsync(page, $"/events/{id}/edit");
        var editor = new EditorPage(page);
        await WaitForCircuitAsync(page);
        var speakers = page.GetByRole(AriaRole.Combobox, new() { Name = "Speaker" });
        await Assertions.Expect(speakers.Filter(new() { HasText = "Hua Chunying (not a participant)" })).ToHaveCountAsync(1);
        await Assertions.Expect(speakers.Filter(new() { HasText = "Sergey Lavrov (not a participant)" })).ToHaveCountAsync(1);

        var title = await editor.Title.InputValueAsync();
        await editor.Title.FillAsync(title + " (edited in the browser)");
        await editor.SaveAsync(isNew: false);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/events/{id}$"));

        await using var db = Fixture.KestrelServices.GetRequiredService<IDbContextFactory<DiplomacyDbContext>>().CreateDbContext();
        var speakerSlugs = await db.Statements.Where(s => s.EventId == id && s.Speaker != null).Select(s => s.Speaker!.Slug).ToListAsync();
        Assert.Contains("hua-chunying", speakerSlugs);
        Assert.Contains("sergey-lavrov", speakerSlugs);
    });

    [Fact]
    public Task A_saved_source_is_shown_read_only_with_a_link_and_can_be_removed_while_a_new_one_is_typed_in() => WithPageAsync(async page =>
    {
        var id = await SeededEventIdAsync("2023-10-putin-visit-beijing");
        await EditingBrowserFixture.SignInAsync(page, $"/events/{id}/edit");
        var editor = new EditorPage(page);
        await WaitForCircuitAsync(page);

        var saved = editor.Source(1);
        await Assertions.Expect(saved.SavedLink).ToBeVisibleAsync();
        await Assertions.Expect(saved.Title).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove source 1" })).ToBeVisibleAsync();

        await editor.Button("Add source").ClickAsync();
        var count = await page.Locator("[data-saved-source]").CountAsync();
        await Assertions.Expect(editor.Source(count + 1).Title).ToBeEditableAsync();
    });

    private async Task<int> SeededEventIdAsync(string seedKey)
    {
        await using var db = Fixture.KestrelServices.GetRequiredService<IDbContextFactory<DiplomacyDbContext>>().CreateDbContext();
        return await db.Events.Where(e => e.SeedKey == seedKey).Select(e => e.Id).SingleAsync();
    }

    private async Task<int> CountEventsAsync()
    {
        await using var db = Fixture.KestrelServices.GetRequiredService<IDbContextFactory<DiplomacyDbContext>>().CreateDbContext();
        return await db.Events.IgnoreQueryFilters().CountAsync();
    }

    [GeneratedRegex("/events/(\\d+)$")]
    private static partial Regex EventIdPattern();
}
