using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using DiplomacyTracker.BrowserTests.Shell;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Browse;

public sealed partial class TimelineBrowserTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Filtering_through_the_controls_updates_the_url_and_the_list_and_survives_back_and_reload() => WithPageAsync(async page =>
    {
        await page.GotoAsync("/");
        await WaitForCircuitAsync(page);
        var cards = page.Locator("article.event-card");
        var all = await cards.CountAsync();

        await page.GetByLabel("Venue (city or country)").SelectOptionAsync("Moscow");
        await Assertions.Expect(page).ToHaveURLAsync(VenueMoscow());
        await Assertions.Expect(cards).ToHaveCountAsync(2);
        await Assertions.Expect(cards.Filter(new() { HasText = "20–22 March 2023" })).ToHaveCountAsync(1);

        await page.GetByLabel("From year").FillAsync("2020");
        await page.GetByLabel("From year").PressAsync("Tab");
        await Assertions.Expect(page).ToHaveURLAsync(VenueAndYear());
        await Assertions.Expect(cards).ToHaveCountAsync(1);
        await SaveScreenshotAsync(page, "timeline-filtered-desktop");

        // Back restores the previous filter and its list; reload keeps the current one.
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(VenueMoscow());
        await Assertions.Expect(cards).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByLabel("From year")).ToHaveValueAsync(string.Empty);

        await page.ReloadAsync();
        await Assertions.Expect(cards).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByLabel("Venue (city or country)")).ToHaveValueAsync("Moscow");

        await WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Assertions.Expect(cards).ToHaveCountAsync(all);
    });

    [Fact]
    public Task Xi_Putin_switch_shows_only_their_meetings() => WithPageAsync(async page =>
    {
        await page.GotoAsync("/");
        await WaitForCircuitAsync(page);
        await page.GetByText("Only Xi–Putin meetings").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("xiputin=true"));
        await Assertions.Expect(page.Locator("article.event-card:not(.is-xiputin)")).ToHaveCountAsync(0);
        Assert.True(await page.Locator("article.event-card.is-xiputin").CountAsync() >= 3);
    });

    [Fact]
    public Task Text_search_with_search_syntax_characters_never_errors_and_an_empty_result_offers_to_clear() => WithPageAsync(async page =>
    {
        await page.GotoAsync("/");
        await WaitForCircuitAsync(page);
        var search = page.GetByLabel("Search text");
        await search.FillAsync("multipolar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("q=multipolar"));
        await Assertions.Expect(page.Locator("article.event-card").First).ToBeVisibleAsync();

        await search.FillAsync("\"zebra (NEAR* :x");
        await search.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("No events match these filters.");
        Assert.Contains("zebra", Uri.UnescapeDataString(page.Url), StringComparison.Ordinal);
        await SaveScreenshotAsync(page, "timeline-empty-phone-width-desktop");

        await page.GetByRole(AriaRole.Button, new() { Name = "Clear all filters" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Assertions.Expect(page.Locator("article.event-card").First).ToBeVisibleAsync();
    });

    [Fact]
    public Task Event_page_is_accessible_and_links_a_statement_to_its_place_in_the_article() => WithPageAsync(async page =>
    {
        await page.GotoAsync("/?year=2024");
        await WaitForCircuitAsync(page);
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

    [GeneratedRegex("venue=Moscow$")]
    private static partial Regex VenueMoscow();

    [GeneratedRegex("yearFrom=2020&venue=Moscow|venue=Moscow.*yearFrom=2020")]
    private static partial Regex VenueAndYear();
}
