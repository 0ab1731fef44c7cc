using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using DiplomacyTracker.BrowserTests.Pages;
using DiplomacyTracker.BrowserTests.Shell;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Map;

/// <summary>/map on the seed: Beijing has four events, Moscow two, Harbin one.</summary>
public sealed partial class MapBrowserTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(PhoneWidth, "phone")]
    public Task Map_shows_each_venue_as_a_named_link_with_a_table_and_no_serious_accessibility_violations(int width, string name) => WithPageAsync(async page =>
    {
        var map = new MapPage(page);
        await map.GotoAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Map of venues", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(map.Markers).ToHaveCountAsync(3);
        await Assertions.Expect(map.Marker("Beijing, China: 4 events")).ToHaveCountAsync(1);
        await Assertions.Expect(map.Marker("Moscow, Russia: 2 events")).ToHaveCountAsync(1);
        await Assertions.Expect(map.Marker("Harbin, China: 1 event")).ToHaveCountAsync(1);
        // The tooltip says the same.
        Assert.Equal("Beijing, China: 4 events", (await map.Marker("Beijing, China: 4 events").Locator("title").TextContentAsync())?.Trim());

        // The bigger the count, the bigger the circle (area ∝ count).
        static async Task<double> RadiusAsync(ILocator marker) =>
            double.Parse((await marker.Locator("circle").GetAttributeAsync("r"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(4.0, Math.Pow(await RadiusAsync(map.Marker("Beijing, China: 4 events")) / await RadiusAsync(map.Marker("Harbin, China: 1 event")), 2), 2);

        // The map fits the page width; the table lists the venues, most events first.
        var box = await map.Map.BoundingBoxAsync();
        Assert.True(box!.Width <= width, $"The map is {box.Width} px wide on a {width} px page.");
        Assert.Equal(["Beijing, China", "Moscow, Russia", "Harbin, China"], await map.TableRows.Locator("th a").AllTextContentsAsync());
        Assert.Equal(["4", "2", "1"], (await map.TableRows.Locator("td").AllTextContentsAsync()).Select(t => t.Trim()));

        await SaveScreenshotAsync(page, "map-" + name);
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
    }, width);

    [Fact]
    public Task Filters_are_in_the_url_and_a_circle_leads_to_the_timeline_for_that_city_keeping_them() => WithPageAsync(async page =>
    {
        var map = new MapPage(page);
        await map.GotoAsync("?yearFrom=2023");

        // 2023 onwards: Beijing (October 2023, May 2024), Moscow (March 2023), Harbin (May 2024).
        await Assertions.Expect(map.Markers).ToHaveCountAsync(3);
        await Assertions.Expect(map.Marker("Beijing, China: 2 events")).ToHaveCountAsync(1);
        await Assertions.Expect(new TimelinePage(page).FromYear).ToHaveValueAsync("2023");

        await map.Marker("Beijing, China: 2 events").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(TimelineBeijingFrom2023());
        var timeline = new TimelinePage(page);
        await Assertions.Expect(timeline.Cards).ToHaveCountAsync(2);
        await Assertions.Expect(timeline.Venue).ToHaveValueAsync("Beijing");
    });

    [Fact]
    public Task Changing_a_filter_redraws_the_map_and_the_address() => WithPageAsync(async page =>
    {
        var map = new MapPage(page);
        await map.GotoAsync();
        var timeline = new TimelinePage(page);

        await timeline.FromYear.FillAsync("2024");
        await timeline.FromYear.PressAsync("Tab");

        await Assertions.Expect(page).ToHaveURLAsync(MapFrom2024());
        await Assertions.Expect(map.Markers).ToHaveCountAsync(2);
        await Assertions.Expect(map.Marker("Harbin, China: 1 event")).ToHaveCountAsync(1);
        await Assertions.Expect(map.Marker("Beijing, China: 1 event")).ToHaveCountAsync(1);
        await Assertions.Expect(map.TableRows).ToHaveCountAsync(2);
    });

    [Fact]
    public Task Circles_are_reached_with_the_keyboard_show_a_focus_ring_and_open_with_Enter() => WithPageAsync(async page =>
    {
        var map = new MapPage(page);
        await map.GotoAsync();
        var moscow = map.Marker("Moscow, Russia: 2 events");
        var circle = moscow.Locator("circle");
        var before = await circle.EvaluateAsync<string>("c => getComputedStyle(c).strokeWidth");

        // Tab from the first circle (the biggest, drawn first) to the next.
        await map.Marker("Beijing, China: 4 events").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(moscow).ToBeFocusedAsync();
        var focused = await circle.EvaluateAsync<string>("c => getComputedStyle(c).strokeWidth");
        Assert.NotEqual(before, focused);
        await SaveScreenshotAsync(page, "map-keyboard-focus");

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(TimelineMoscow());
        await Assertions.Expect(new TimelinePage(page).Cards).ToHaveCountAsync(2);
    });

    [GeneratedRegex(@"/\?yearFrom=2023&venue=Beijing$")]
    private static partial Regex TimelineBeijingFrom2023();

    [GeneratedRegex(@"/map\?yearFrom=2024$")]
    private static partial Regex MapFrom2024();

    [GeneratedRegex(@"/\?venue=Moscow$")]
    private static partial Regex TimelineMoscow();
}
