using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using DiplomacyTracker.BrowserTests.Pages;
using DiplomacyTracker.BrowserTests.Shell;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Browse;

/// <summary>The timeline at more than a screenful: counts beside every choice and year, a compact view, page sizes,
/// pagers above and below the list, and a jump list of years.</summary>
public sealed partial class TimelineCountsBrowserTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Filter_choices_show_how_many_events_they_would_match_and_empty_ones_are_dimmed() => WithPageAsync(async page =>
    {
        var timeline = new TimelinePage(page);
        await timeline.GotoAsync("?venue=Harbin");
        await Assertions.Expect(timeline.XiPutinOnly).ToBeAttachedAsync();
        Assert.Matches(@"^Only Xi–Putin meetings \(\d+\)$", (await page.GetByText(XiPutinLabel()).InnerTextAsync()).Trim());

        await timeline.EventType.ClickAsync();
        // Harbin saw one state visit and nothing else: the other types are there, dimmed, and cannot be chosen.
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "State visit (1)", Exact = true })).ToBeVisibleAsync();
        var partyTalks = page.GetByRole(AriaRole.Option, new() { Name = "Party-to-party talks (0)", Exact = true });
        await Assertions.Expect(partyTalks).ToBeVisibleAsync();
        await Assertions.Expect(partyTalks).ToHaveAttributeAsync("aria-disabled", "true");
        await SaveScreenshotAsync(page, "timeline-type-counts-desktop");
        await page.Keyboard.PressAsync("Escape");

        // Venue suggestions leave out the venues no event would match with the other filters.
        await timeline.GotoAsync("?participant=dmitry-medvedev");
        await timeline.Venue.FillAsync("B");
        await Assertions.Expect(MudControls.Option(page, "Beijing")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex(@"^Beijing \(\d+\)$") })).ToBeVisibleAsync();
    });

    [Fact]
    public Task The_type_list_opens_and_chooses_with_the_keyboard_alone_and_shows_its_choice_when_closed() => WithPageAsync(async page =>
    {
        var timeline = new TimelinePage(page);
        await timeline.GotoAsync();
        await timeline.EventType.FocusAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex(@"^State visit \(\d+\)$") })).ToBeVisibleAsync();
        // Down from "Any type" to the first type, and Enter chooses it.
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/\?type=StateVisit$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
        await Assertions.Expect(timeline.EventType).ToHaveValueAsync("State visit");
    });

    [Fact]
    public Task Year_headings_and_the_jump_list_count_events_and_a_year_opens_its_page() => WithPageAsync(async page =>
    {
        var timeline = new TimelinePage(page);
        await timeline.GotoAsync("?pageSize=3");
        await Assertions.Expect(timeline.YearHeading("1949")).ToContainTextAsync("1 event");
        await Assertions.Expect(timeline.Pager("top")).ToBeVisibleAsync();
        await Assertions.Expect(timeline.Pager("bottom")).ToBeVisibleAsync();

        // Nine events come before 2024 (1949, 2013, 2019, 2021, 3 in 2022, 2 in 2023): at three a page, 2024 starts on page 4.
        await timeline.YearJump.GetByRole(AriaRole.Link, new() { Name = "2024 (1)" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/\?page=4&pageSize=3#year-2024$"));
        await Assertions.Expect(timeline.YearHeading("2024")).ToBeInViewportAsync();
        await Assertions.Expect(timeline.Card("Putin's state visit to China")).ToBeVisibleAsync();

        // The pager at the top moves pages too, keeping the page size.
        await timeline.Pager("top").GetByRole(AriaRole.Link, new() { Name = "First page" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/\?pageSize=3$"));
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());

        // The pages are links: the keyboard reaches them and Enter follows one.
        await timeline.Pager("bottom").GetByRole(AriaRole.Link, new() { Name = "Next page" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/\?page=2&pageSize=3$"));
        await Assertions.Expect(timeline.Pager("top").GetByRole(AriaRole.Link, new() { Name = "Page 2", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
    });

    [Fact]
    public Task Page_size_is_chosen_from_a_labelled_list_and_kept_in_the_address() => WithPageAsync(async page =>
    {
        var timeline = new TimelinePage(page);
        await timeline.GotoAsync("?xiputin=true");
        await MudControls.ChooseAsync(timeline.PageSize, "20");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/\?xiputin=true&pageSize=20$"));
        await Assertions.Expect(timeline.Summary).ToHaveTextAsync("Showing 1–4 of 4 events matching the filters.");
    });

    [Fact]
    public Task The_compact_list_shows_one_line_per_event_and_is_remembered() => WithPageAsync(async page =>
    {
        var timeline = new TimelinePage(page);
        await timeline.GotoAsync();
        var cards = await timeline.Cards.CountAsync();
        await timeline.CompactButton.ClickAsync();
        await Assertions.Expect(timeline.CompactButton).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(timeline.Rows).ToHaveCountAsync(cards);
        await Assertions.Expect(timeline.Cards).ToHaveCountAsync(0);

        // Each line is one line high on a desktop: far shorter than a card.
        var row = await timeline.Rows.First.BoundingBoxAsync();
        Assert.True(row!.Height < 60, $"A compact line is {row.Height}px high");
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
        await SaveScreenshotAsync(page, "timeline-compact-desktop");

        // The server renders the next visit in the compact view already.
        await timeline.GotoAsync("?xiputin=true");
        await Assertions.Expect(timeline.CompactButton).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(timeline.Rows.First).ToBeVisibleAsync();
        await timeline.CardsButton.ClickAsync();
        await Assertions.Expect(timeline.Cards.First).ToBeVisibleAsync();
    });

    [Fact]
    public Task The_compact_list_works_at_phone_width() => WithPageAsync(async page =>
    {
        var timeline = new TimelinePage(page);
        await timeline.GotoAsync();
        await timeline.CompactButton.ClickAsync();
        await Assertions.Expect(timeline.Rows.First).ToBeVisibleAsync();
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The compact list scrolls sideways on a phone");
        await SaveScreenshotAsync(page, "timeline-compact-phone");
    }, width: PhoneWidth);

    [GeneratedRegex(@"^Only Xi–Putin meetings")]
    private static partial Regex XiPutinLabel();
}
