using System.Text.RegularExpressions;
using DiplomacyTracker.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Editing;

public sealed partial class EditorFlowTests(EditingBrowserFixture fixture) : BrowserTest(fixture), IClassFixture<EditingBrowserFixture>
{
    [Fact]
    public Task Editor_adds_a_two_leg_visit_with_a_new_person_finds_it_edits_it_and_is_told_about_a_conflict() => WithPageAsync(async page =>
    {
        await EditingBrowserFixture.SignInAsync(page, "/events/new");
        await WaitForCircuitAsync(page);

        await page.Locator("#title").FillAsync("Browser test visit to Harbin");
        await FillDateAsync(page, "#start", "2030-06-10");
        await FillDateAsync(page, "#end", "2030-06-12");
        await PickAsync(page, "participant-1-person", "Xi Jinping", filter: "Xi");
        await page.Locator("#participant-1-role").FillAsync("President of China");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add participant" }).ClickAsync();
        await PickAsync(page, "participant-2-mode", "A new person");
        await page.Locator("#participant-2-name-en").FillAsync("Pavel Browserov");
        await page.Locator("#participant-2-name-ru").FillAsync("Павел Браузеров");
        await page.Locator("#participant-2-role").FillAsync("Governor of Amur Oblast");

        await page.Locator("#leg-1-city").FillAsync("Beijing");
        await page.Locator("#leg-1-country").FillAsync("China");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add leg" }).ClickAsync();
        await page.Locator("#leg-2-city").FillAsync("Harbin");
        await page.Locator("#leg-2-country").FillAsync("China");
        await FillDateAsync(page, "#leg-2-start", "2030-06-12");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add source" }).ClickAsync();
        await page.Locator("#source-1-title").FillAsync("Report on the Harbin visit");
        await page.Locator("#source-1-url").FillAsync("https://example.org/harbin");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save visit" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/events/\\d+$"));
        var id = int.Parse(EventIdPattern().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        await using (var db = Fixture.KestrelServices.GetRequiredService<IDbContextFactory<DiplomacyDbContext>>().CreateDbContext())
        {
            var saved = await db.Events.Include(e => e.Legs).Include(e => e.Participants).ThenInclude(p => p.Person).SingleAsync(e => e.Id == id);
            Assert.Equal(["Beijing", "Harbin"], saved.Legs.OrderBy(l => l.Position).Select(l => l.City));
            Assert.Contains(saved.Participants, p => p.Person!.NameEn == "Pavel Browserov" && p.Person.NameRu == "Павел Браузеров");
        }

        // On the timeline, filtered to the new leg's city.
        await page.GotoAsync("/?venue=Harbin");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Browser test visit to Harbin" })).ToBeVisibleAsync();

        // Edit it.
        await page.GotoAsync($"/events/{id}/edit");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("#title")).ToHaveValueAsync("Browser test visit to Harbin");
        await page.Locator("#title").FillAsync("Browser test visit to Beijing and Harbin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/events/{id}$"));

        // Two editors: this page opens the editor, a second session saves first, then this save is told.
        await page.GotoAsync($"/events/{id}/edit");
        await WaitForCircuitAsync(page);
        await using (var other = await Fixture.NewContextAsync())
        {
            var second = await other.NewPageAsync();
            await EditingBrowserFixture.SignInAsync(second, $"/events/{id}/edit");
            await WaitForCircuitAsync(second);
            await second.Locator("#summary").FillAsync("Summary written by the second editor.");
            await second.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
            await Assertions.Expect(second).ToHaveURLAsync(new Regex($"/events/{id}$"));
        }

        await page.Locator("#title").FillAsync("Title from the first editor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        var conflict = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Someone else saved this event" });
        await Assertions.Expect(conflict).ToBeVisibleAsync();
        await Assertions.Expect(conflict).ToBeInViewportAsync();
        await Assertions.Expect(conflict.GetByRole(AriaRole.Row).Filter(new() { HasText = "Summary written by the second editor." })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#title")).ToHaveValueAsync("Title from the first editor");
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
        await WaitForCircuitAsync(page);

        await FillDateAsync(page, "#start", "2030-06-10");
        await FillDateAsync(page, "#end", "2030-06-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add source" }).ClickAsync();
        await page.Locator("#source-1-title").FillAsync("A source");
        await page.Locator("#source-1-url").FillAsync("not a web address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save visit" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Please correct the fields marked below.")).ToBeInViewportAsync();
        await Assertions.Expect(FieldMessage(page, "#title")).ToHaveTextAsync("Title is required.");
        await Assertions.Expect(FieldMessage(page, "#end")).ToHaveTextAsync("End date cannot be before the start date.");
        await Assertions.Expect(FieldMessage(page, "#leg-1-city")).ToHaveTextAsync("City is required.");
        await Assertions.Expect(FieldMessage(page, "#source-1-url")).ToHaveTextAsync("Enter a full web address starting with http:// or https://.");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/events/new$"));
        await SaveScreenshotAsync(page, "editor-invalid");

        // Fixing a field clears its message as the editor goes; nothing was saved.
        await page.Locator("#title").FillAsync("Now with a title");
        await page.Locator("#title").PressAsync("Tab");
        await Assertions.Expect(FieldMessage(page, "#title")).ToHaveCountAsync(0);
        Assert.Equal(before, await CountEventsAsync());
    });

    [Fact]
    public Task A_draft_survives_a_reload_and_is_offered_back() => WithPageAsync(async page =>
    {
        await EditingBrowserFixture.SignInAsync(page, "/events/new");
        await WaitForCircuitAsync(page);
        await page.Locator("#title").FillAsync("Draft that must not be lost");
        await page.Locator("#leg-1-city").FillAsync("Vladivostok");
        await page.Locator("#leg-1-city").PressAsync("Tab");
        await page.WaitForFunctionAsync("() => (localStorage.getItem('diplomacy-draft:new') || '').includes('Vladivostok')");

        await page.ReloadAsync();
        await WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("#title")).ToHaveValueAsync("Draft that must not be lost");
        await Assertions.Expect(page.Locator("#leg-1-city")).ToHaveValueAsync("Vladivostok");
    });

    [Fact]
    public Task A_likely_duplicate_is_listed_before_saving_and_can_be_saved_anyway() => WithPageAsync(async page =>
    {
        var commands = Fixture.KestrelServices.GetRequiredService<Data.Events.Editing.EventCommands>();
        await using (var db = Fixture.KestrelServices.GetRequiredService<IDbContextFactory<DiplomacyDbContext>>().CreateDbContext())
        {
            var xi = await db.People.Where(p => p.Slug == "xi-jinping").Select(p => p.Id).SingleAsync();
            var existing = await commands.CreateAsync(new Data.Events.Editing.EventDraft
            {
                Title = "Already recorded summit",
                StartDate = new DateOnly(2032, 9, 1),
                EndDate = new DateOnly(2032, 9, 3),
                Participants = [new Data.Events.Editing.ParticipantDraft { Key = "xi", PersonId = xi }],
                Legs = [new Data.Events.Editing.LegDraft { City = "Astana", Country = "Kazakhstan" }],
            }, EditingBrowserFixture.AdminEmail);
            Assert.IsType<Data.Events.Editing.EventCommandResult.Saved>(existing);
        }

        var before = await CountEventsAsync();
        await EditingBrowserFixture.SignInAsync(page, "/events/new");
        await WaitForCircuitAsync(page);
        await page.Locator("#title").FillAsync("Summit typed in again");
        await FillDateAsync(page, "#start", "2032-09-02");
        await PickAsync(page, "participant-1-person", "Xi Jinping", filter: "Xi");
        await page.Locator("#leg-1-city").FillAsync("Astana");
        await page.Locator("#leg-1-country").FillAsync("Kazakhstan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save visit" }).ClickAsync();

        var warning = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "This may already be recorded" });
        await Assertions.Expect(warning).ToBeInViewportAsync();
        await Assertions.Expect(warning.GetByRole(AriaRole.Link, new() { Name = "Already recorded summit" })).ToBeVisibleAsync();
        Assert.Equal(before, await CountEventsAsync());

        await warning.GetByRole(AriaRole.Button, new() { Name = "Save anyway" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/events/\\d+$"));
        Assert.Equal(before + 1, await CountEventsAsync());
    });

    [Fact]
    public Task Leaving_with_unsaved_changes_asks_first() => WithPageAsync(async page =>
    {
        await EditingBrowserFixture.SignInAsync(page, "/events/new");
        await WaitForCircuitAsync(page);
        await page.Locator("#title").FillAsync("Half-typed visit");
        await page.Locator("#title").PressAsync("Tab");
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
        await Assertions.Expect(page.Locator("#title")).ToHaveValueAsync("Half-typed visit");
        Assert.EndsWith("/events/new", page.Url, StringComparison.Ordinal);
    });

    [Fact]
    public Task Add_visit_from_an_edit_page_starts_an_empty_visit() => WithPageAsync(async page =>
    {
        var id = await SeededEventIdAsync("2023-03-xi-state-visit-moscow");
        await EditingBrowserFixture.SignInAsync(page, $"/events/{id}/edit");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("#title")).Not.ToHaveValueAsync(string.Empty);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Edit visit");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByText("Add visit").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/events/new$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Add a visit");
        await Assertions.Expect(page.Locator("#title")).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(page.Locator("#leg-1-city")).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(page.Locator("#statement-1-text")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task A_speaker_who_is_not_a_participant_is_shown_and_kept_when_the_event_is_saved() => WithPageAsync(async page =>
    {
        var id = await SeededEventIdAsync("2024-05-putin-state-visit-china");
        await EditingBrowserFixture.SignInAsync(page, $"/events/{id}/edit");
        await WaitForCircuitAsync(page);
        var speakers = page.Locator(".rz-dropdown:has([name^='statement-'][name$='-speaker'])");
        await Assertions.Expect(speakers.Filter(new() { HasText = "Hua Chunying (not a participant)" })).ToHaveCountAsync(1);
        await Assertions.Expect(speakers.Filter(new() { HasText = "Sergey Lavrov (not a participant)" })).ToHaveCountAsync(1);

        var title = await page.Locator("#title").InputValueAsync();
        await page.Locator("#title").FillAsync(title + " (edited in the browser)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
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
        await WaitForCircuitAsync(page);

        var saved = page.Locator("#source-1-saved");
        await Assertions.Expect(saved.Locator("a[href^='/sources/']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#source-1-title")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove source 1" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add source" }).ClickAsync();
        var count = await page.Locator("[id$='-saved']").CountAsync();
        await Assertions.Expect(page.Locator($"#source-{count + 1}-title")).ToBeEditableAsync();
    });

    private async Task<int> SeededEventIdAsync(string seedKey)
    {
        await using var db = Fixture.KestrelServices.GetRequiredService<IDbContextFactory<DiplomacyDbContext>>().CreateDbContext();
        return await db.Events.Where(e => e.SeedKey == seedKey).Select(e => e.Id).SingleAsync();
    }

    private static ILocator FieldMessage(IPage page, string input) =>
        page.Locator($".editor-field:has({input}) .validation-message");

    private static async Task FillDateAsync(IPage page, string selector, string value)
    {
        var input = page.Locator(selector);
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    /// <summary>Opens a Radzen drop-down by its name and picks an item (optionally typing into its search box first).</summary>
    private static async Task PickAsync(IPage page, string name, string item, string? filter = null)
    {
        var dropdown = page.Locator($".rz-dropdown:has([name='{name}']), .rz-dropdown:has(#{name})").First;
        await dropdown.ClickAsync();
        var popup = page.Locator(".rz-dropdown-panel:visible, .rz-popup:visible").Last;
        if (filter is not null)
        {
            await popup.Locator("input").First.FillAsync(filter);
        }

        await popup.Locator(".rz-dropdown-item").Filter(new() { HasText = item }).First.ClickAsync();
    }

    private async Task<int> CountEventsAsync()
    {
        await using var db = Fixture.KestrelServices.GetRequiredService<IDbContextFactory<DiplomacyDbContext>>().CreateDbContext();
        return await db.Events.IgnoreQueryFilters().CountAsync();
    }

    [GeneratedRegex("/events/(\\d+)$")]
    private static partial Regex EventIdPattern();
}
