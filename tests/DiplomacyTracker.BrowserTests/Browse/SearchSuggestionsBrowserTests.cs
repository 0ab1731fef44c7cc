using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using DiplomacyTracker.BrowserTests.Pages;
using DiplomacyTracker.BrowserTests.Shell;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Browse;

/// <summary>The search box suggests people and places by any name as you type; a suggestion is picked with the keyboard.</summary>
public sealed partial class SearchSuggestionsBrowserTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(PhoneWidth)]
    public Task Typing_Putin_in_Russian_suggests_him_and_Enter_on_the_suggestion_filters_by_him(int width) => WithPageAsync(async page =>
    {
        var timeline = new TimelinePage(page);
        await timeline.GotoAsync();
        if (width == PhoneWidth)
        {
            await timeline.FiltersToggle.ClickAsync();
            // Typing has no wait of its own: keys sent before the form has opened went nowhere.
            await Assertions.Expect(timeline.SearchText).ToBeVisibleAsync();
        }

        await timeline.SearchText.PressSequentiallyAsync("Путин");
        var suggestion = timeline.Suggestion("Participant: Vladimir Putin (Владимир Путин)");
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
        await SaveScreenshotAsync(page, $"timeline-suggestions-{width}");

        await timeline.SearchText.PressAsync("Tab");
        await Assertions.Expect(suggestion).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(ParticipantPutin());
        await Assertions.Expect(timeline.SearchText).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(timeline.Cards.First).ToBeVisibleAsync();
    }, width);

    [Fact]
    public Task Free_text_in_Chinese_still_searches_on_Enter() => WithPageAsync(async page =>
    {
        var timeline = new TimelinePage(page);
        await timeline.GotoAsync();
        await timeline.SearchText.PressSequentiallyAsync("北京");
        await Assertions.Expect(timeline.Suggestion("Venue: Beijing (北京)")).ToBeVisibleAsync();
        await timeline.SearchText.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]q=%E5%8C%97%E4%BA%AC"));
        await Assertions.Expect(timeline.Cards.First).ToBeVisibleAsync();
    });

    [GeneratedRegex("[?&]participant=vladimir-putin")]
    private static partial Regex ParticipantPutin();
}
