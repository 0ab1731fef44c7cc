using System.Text;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Pages;

/// <summary>The import page: a labelled file field, "Check file", the table of rows, "Import N events" and undo.</summary>
public sealed class ImportEventsPage(IPage page)
{
    public IPage Page => page;

    public ILocator FileField => page.GetByLabel("Import file (CSV or JSON)");

    public ILocator CheckButton => page.GetByRole(AriaRole.Button, new() { Name = "Check file" });

    /// <summary>The table in the section headed "2. What the file holds".</summary>
    public ILocator RowsTable => page.GetByRole(AriaRole.Region, new() { Name = "2. What the file holds" }).GetByRole(AriaRole.Table);

    public ILocator TableRows => RowsTable.Locator("tbody tr");

    public ILocator ImportButton(int count) => page.GetByRole(AriaRole.Button, new() { Name = count == 1 ? "Import 1 event" : $"Import {count} events", Exact = true });

    public ILocator UndoButton => page.GetByRole(AriaRole.Button, new() { Name = "Undo this import" });

    public ILocator Status(string text) => page.GetByRole(AriaRole.Status).Filter(new() { HasText = text });

    /// <summary>The table row of a file row (its number) with the given outcome text.</summary>
    public ILocator Row(int number, string outcome) => TableRows.Filter(new() { HasText = outcome }).Filter(new() { Has = page.Locator("td", new() { HasTextString = number.ToString(System.Globalization.CultureInfo.InvariantCulture) }) });

    public async Task GotoAsync()
    {
        await page.GotoAsync("/import");
        await BrowserTest.WaitForCircuitAsync(page);
    }

    public async Task ChooseAsync(string fileName, string content)
    {
        await FileField.SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(content) });
        await Assertions.Expect(page.GetByText(fileName, new() { Exact = true })).ToBeVisibleAsync();
    }
}
