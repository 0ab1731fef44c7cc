using Deque.AxeCore.Playwright;
using DiplomacyTracker.BrowserTests.Pages;
using DiplomacyTracker.BrowserTests.Shell;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Editing;

/// <summary>The legs section asking for a new city's coordinates, at desktop and phone width.</summary>
public sealed class LegCoordinatesLookTests(EditingBrowserFixture fixture) : BrowserTest(fixture), IClassFixture<EditingBrowserFixture>
{
    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(PhoneWidth, "phone")]
    public Task A_city_not_on_the_map_is_asked_for_labelled_coordinates_and_Moscow_is_not(int width, string name) => WithPageAsync(async page =>
    {
        await EditingBrowserFixture.SignInAsync(page, "/events/new");
        await WaitForCircuitAsync(page);
        var leg = new EditorPage(page).Leg(1);

        await leg.City.FillAsync("Moscow");
        await leg.Country.FillAsync("Russia");
        await leg.Country.PressAsync("Tab");
        await Assertions.Expect(leg.Latitude).ToHaveCountAsync(0);

        await leg.City.FillAsync("Blagoveshchensk");
        await leg.City.PressAsync("Tab");
        await Assertions.Expect(leg.Latitude).ToBeVisibleAsync();
        await Assertions.Expect(leg.Longitude).ToBeVisibleAsync();
        await leg.Latitude.FillAsync("95");
        await leg.Latitude.PressAsync("Tab");
        await Assertions.Expect(page.GetByText("Latitude must be between −90 (south pole) and 90 (north pole).")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Group, new() { Name = "Leg 1", Exact = true }).ScrollIntoViewIfNeededAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Legs", Exact = true }).ScreenshotAsync(new() { Path = ScreenshotPath("editor-leg-coordinates-" + name) });
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
    }, width);

    private static string ScreenshotPath(string name)
    {
        var directory = Path.Combine(DiplomacyTracker.Testing.RepositoryPaths.Artifacts, "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name + ".png");
    }
}
