using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Pages;

/// <summary>The overview as a reader sees it: a section per chart, each with its table of figures.</summary>
public sealed class OverviewPage(IPage page)
{
    public IPage Page => page;

    public async Task GotoAsync(string query = "")
    {
        await page.GotoAsync("/overview" + query);
        await BrowserTest.WaitForCircuitAsync(page);
    }

    /// <summary>A chart's section, by its heading ("Events per year").</summary>
    public ILocator Section(string title) => page.GetByRole(AriaRole.Region, new() { Name = title, Exact = true });

    /// <summary>A row of a section's table, by its first cell ("2024", "Moscow, Russia").</summary>
    public ILocator Row(string section, string label) =>
        Section(section).GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = label, Exact = true }) });

    public async Task<int> CountInAsync(string section, string label) =>
        int.Parse(await Row(section, label).GetByRole(AriaRole.Cell).First.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The bars of a section's chart (links for the mouse, hidden from assistive technology), in the table's order.</summary>
    public ILocator Bars(string section) => Section(section).Locator("svg.bar-chart a");
}
