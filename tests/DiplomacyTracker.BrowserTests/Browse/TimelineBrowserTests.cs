using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using DiplomacyTracker.BrowserTests.Pages;
using DiplomacyTracker.BrowserTests.Shell;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Browse;

public sealed partial class TimelineBrowserTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Filtering_through_the_controls_updates_the_url_and_the_list_and_survives_back_and_reload() => WithPageAsync(async page =>
    {
        var timeline = new TimelinePage(page);
        await timeline.GotoAsync();
        var all = await timeline.Cards.CountAsync();

        await timeline.ChooseVenueAsync("Moscow");
        await Assertions.Expect(page).ToHaveURLAsync(VenueMoscow());
        await Assertions.Expect(timeline.Cards).ToHaveCountAsync(2);
        await Assertions.Expect(timeline.Cards.Filter(new() { HasText = "20–22 March 2023" })).ToHaveCountAsync(1);

        await timeline.FromYear.FillAsync("2020");
        await timeline.FromYear.PressAsync("Tab");
        await Assertions.Expect(page).ToHaveURLAsync(VenueAndYear());
        await Assertions.Expect(timeline.Cards).ToHaveCountAsync(1);
        await SaveScreenshotAsync(page, "timeline-filtered-desktop");

        // Back restores the previous filter and its list; reload keeps the current one.
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(VenueMoscow());
        await Assertions.Expect(timeline.Cards).ToHaveCountAsync(2);
        await Assertions.Expect(timeline.FromYear).ToHaveValueAsync(string.Empty);

        await page.ReloadAsync();
        await Assertions.Expect(timeline.Cards).ToHaveCountAsync(2);
        await Assertions.Expect(timeline.Venue).ToHaveValueAsync("Moscow");

        await WaitForCircuitAsync(page);
        await timeline.ClearFiltersButton.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Assertions.Expect(timeline.Cards).ToHaveCountAsync(all);
    });

    [Theory]
    [InlineData("Enter")]
    [InlineData("Search")]
    public Task A_year_typed_and_applied_before_leaving_the_field_is_kept(string how) => WithPageAsync(async page =>
    {
        var timeline = new TimelinePage(page);
        await timeline.GotoAsync();

        // The reader types and applies at once, without leaving the field first.
        await timeline.FromYear.FillAsync("2023");
        await timeline.ToYear.FillAsync("2023");
        if (how == "Enter")
        {
            await timeline.ToYear.PressAsync("Enter");
        }
        else
        {
            await timeline.SearchButton.ClickAsync();
        }

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]year=2023$"));
        await Assertions.Expect(timeline.FromYear).ToHaveValueAsync("2023");
        await Assertions.Expect(timeline.Cards.First).ToBeVisibleAsync();
        // Every card shown is from 2023 (retried until the list has followed the URL).
        await Assertions.Expect(timeline.Cards.Filter(new() { HasNot = page.Locator(".event-card-date", new() { HasText = "2023" }) })).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Choosing_a_type_and_a_participant_filters_by_them() => WithPageAsync(async page =>
    {
        var timeline = new TimelinePage(page);
        await timeline.GotoAsync();
        await timeline.ChooseEventTypeAsync("State visit");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("type=StateVisit"));
        await timeline.ChooseParticipantAsync("Vladimir Putin");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("participant=vladimir-putin"));
        await Assertions.Expect(timeline.Card("Putin's state visit to China")).ToBeVisibleAsync();
        await Assertions.Expect(timeline.Cards.Filter(new() { HasNotText = "State visit" })).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Xi_Putin_switch_shows_only_their_meetings() => WithPageAsync(async page =>
    {
        var timeline = new TimelinePage(page);
        await timeline.GotoAsync();
        await timeline.XiPutinOnly.CheckAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("xiputin=true"));
        await Assertions.Expect(page.Locator("article.event-card:not(.is-xiputin)")).ToHaveCountAsync(0);
        Assert.True(await timeline.XiPutinCards.CountAsync() >= 3);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Xi–Putin meetings" }))
            .ToHaveAttributeAsync("aria-current", "page");
    });

    [Fact]
    public Task Text_search_with_search_syntax_characters_never_errors_and_an_empty_result_offers_to_clear() => WithPageAsync(async page =>
    {
        var timeline = new TimelinePage(page);
        await timeline.GotoAsync();
        await timeline.SearchText.FillAsync("multipolar");
        await timeline.SearchButton.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("q=multipolar"));
        await Assertions.Expect(timeline.Cards.First).ToBeVisibleAsync();

        await timeline.SearchText.FillAsync("\"zebra (NEAR* :x");
        await timeline.SearchText.PressAsync("Enter");
        await Assertions.Expect(timeline.Summary).ToContainTextAsync("No events match these filters.");
        Assert.Contains("zebra", Uri.UnescapeDataString(page.Url), StringComparison.Ordinal);
        await SaveScreenshotAsync(page, "timeline-empty-desktop");

        await page.GetByRole(AriaRole.Button, new() { Name = "Clear all filters" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Assertions.Expect(timeline.Cards.First).ToBeVisibleAsync();
    });

    [Fact]
    public Task On_a_phone_the_filters_fold_behind_a_button_that_counts_them_and_events_come_first() => WithPageAsync(async page =>
    {
        var timeline = new TimelinePage(page);
        await timeline.GotoAsync("?venue=Beijing&xiputin=true");

        // The first screen shows events, not the form; the button says two filters are on.
        await Assertions.Expect(timeline.Filters).ToBeHiddenAsync();
        await Assertions.Expect(timeline.FiltersToggle).ToHaveTextAsync("Filters (2 active)");
        await Assertions.Expect(timeline.Cards.First).ToBeInViewportAsync();
        await SaveScreenshotAsync(page, "timeline-filters-folded-phone");

        await timeline.FiltersToggle.ClickAsync();
        await Assertions.Expect(timeline.FiltersToggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(timeline.Venue).ToBeVisibleAsync();
        await Assertions.Expect(timeline.Venue).ToHaveValueAsync("Beijing");
        await SaveScreenshotAsync(page, "timeline-filters-open-phone");
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
    }, width: PhoneWidth);

    [Fact]
    public Task Year_fields_hold_no_placeholder_that_could_pass_for_a_value() => WithPageAsync(async page =>
    {
        var timeline = new TimelinePage(page);
        await timeline.GotoAsync();
        foreach (var year in new[] { timeline.FromYear, timeline.ToYear })
        {
            await Assertions.Expect(year).ToHaveValueAsync(string.Empty);
            Assert.True(string.IsNullOrEmpty(await year.GetAttributeAsync("placeholder")), "A year field shows a placeholder that reads like a value.");
        }

        // The range of the record is said in words under the fields instead.
        await Assertions.Expect(page.GetByText("The earliest event is from 1949")).ToBeVisibleAsync();
    });

    [Fact]
    public Task Event_page_is_accessible_and_links_a_statement_to_its_place_in_the_article() => WithPageAsync(async page =>
    {
        var timeline = new TimelinePage(page);
        await timeline.GotoAsync("?year=2024");
        await page.GetByRole(AriaRole.Link, new() { Name = "Putin's state visit to China" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Putin's state visit to China");
        await WaitForCircuitAsync(page);
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
        await SaveScreenshotAsync(page, "event-desktop");

        await page.Locator("figure.statement").First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("mark.quote.selected")).ToBeVisibleAsync();
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
        await SaveScreenshotAsync(page, "source-highlight-desktop");
    });

    [Theory]
    [InlineData("/", "timeline")]
    [InlineData("/events/10", "event")]
    [InlineData("/participants", "participants")]
    [InlineData("/participants/xi-jinping", "participant")]
    [InlineData("/sources", "sources")]
    [InlineData("/sources/5", "source")]
    [InlineData("/api-docs", "api-docs")]
    public Task Pages_work_at_phone_width_without_serious_accessibility_violations(string path, string name) => WithPageAsync(async page =>
    {
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
        // Nothing forces sideways scrolling on a phone.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"{path} scrolls sideways at {PhoneWidth}px");
        await SaveScreenshotAsync(page, name + "-phone");
    }, width: PhoneWidth);

    [Theory]
    [InlineData("/participants", "participants")]
    [InlineData("/participants/xi-jinping", "participant")]
    [InlineData("/sources", "sources")]
    [InlineData("/api-docs", "api-docs")]
    public Task Pages_at_desktop_width_have_no_serious_accessibility_violations(string path, string name) => WithPageAsync(async page =>
    {
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
        await SaveScreenshotAsync(page, name + "-desktop");
    });

    [GeneratedRegex("venue=Moscow$")]
    private static partial Regex VenueMoscow();

    [GeneratedRegex("yearFrom=2020&venue=Moscow|venue=Moscow.*yearFrom=2020")]
    private static partial Regex VenueAndYear();
}
