using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Pages;

/// <summary>The map of venues: its circles are links named "City, Country: N events"; the table lists the same venues.</summary>
public sealed class MapPage(IPage page)
{
    public IPage Page => page;

    public ILocator Map => page.Locator("figure.venue-map svg");

    /// <summary>A venue's circle, by its accessible name.</summary>
    public ILocator Marker(string name) => Map.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public ILocator Markers => Map.GetByRole(AriaRole.Link);

    public ILocator Table => page.GetByRole(AriaRole.Table, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Events held in each city") });

    public ILocator TableRows => Table.Locator("tbody tr");

    public ILocator TableLink(string venue) => Table.GetByRole(AriaRole.Link, new() { Name = venue, Exact = true });

    public async Task GotoAsync(string query = "")
    {
        await page.GotoAsync("/map" + query);
        await BrowserTest.WaitForCircuitAsync(page);
    }
}
