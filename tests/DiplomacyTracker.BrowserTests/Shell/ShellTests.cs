using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Shell;

public sealed class ShellTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Page_becomes_interactive_and_the_dark_theme_is_switched_on_and_remembered() => WithPageAsync(async page =>
    {
        var script = await page.GotoAsync("/_framework/blazor.web.js");
        Assert.True(script!.Ok);

        await page.GotoAsync("/");
        await WaitForCircuitAsync(page);
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" });
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.True(await BackgroundLuminanceAsync(page) > 0.5, "The light theme should have a light background.");

        // The click travels over the circuit; the theme switches and the choice is kept in a cookie.
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await page.WaitForFunctionAsync($"() => ({LuminanceScript})() < 0.2");
        await SaveScreenshotAsync(page, "timeline-dark-desktop");

        // The next page comes from the server already dark (no flash of the light theme).
        var response = await page.Context.APIRequest.GetAsync("/");
        Assert.Contains("--mud-palette-background: rgba(21,19,18,1)", await response.TextAsync(), StringComparison.Ordinal);
        AssertNoSeriousViolations(await page.RunAxe());
    });

    // Relative luminance (0 black … 1 white) of the page background.
    private const string LuminanceScript =
        "() => { const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number); return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; }";

    private static async Task<double> BackgroundLuminanceAsync(IPage page) => await page.EvaluateAsync<double>(LuminanceScript);

    [Fact]
    public Task Shell_has_banner_navigation_and_main_landmarks_and_a_skip_link() => WithPageAsync(async page =>
    {
        await page.GotoAsync("/");
        await WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Banner).WaitForAsync();
        Assert.Equal(1, await page.GetByRole(AriaRole.Main).CountAsync());
        Assert.True(await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).CountAsync() >= 1);
        Assert.Equal(1, await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).CountAsync());

        // The skip link is the first thing in the tab order and takes keyboard users to the main content.
        var first = await page.EvaluateAsync<string>("() => document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])').textContent.trim()");
        Assert.Equal("Skip to main content", first);
        await page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    });

    [Fact]
    public Task Phone_width_collapses_navigation_behind_the_toggle() => WithPageAsync(async page =>
    {
        await page.GotoAsync("/");
        await WaitForCircuitAsync(page);
        var timelineLink = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByText("Participants");
        await SaveScreenshotAsync(page, "timeline-phone");
        await Assertions.Expect(timelineLink).Not.ToBeInViewportAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Assertions.Expect(timelineLink).ToBeInViewportAsync();
        await SaveScreenshotAsync(page, "navigation-phone-open");

        // Picking a destination closes the navigation again.
        await timelineLink.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Participants");
        await Assertions.Expect(timelineLink).Not.ToBeInViewportAsync();
    }, width: PhoneWidth);

    [Fact]
    public Task Timeline_has_no_serious_accessibility_violations() => WithPageAsync(async page =>
    {
        await page.GotoAsync("/");
        await WaitForCircuitAsync(page);
        await SaveScreenshotAsync(page, "timeline-desktop");
        AssertNoSeriousViolations(await page.RunAxe());
    });

    internal static void AssertNoSeriousViolations(AxeResult result)
    {
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}
