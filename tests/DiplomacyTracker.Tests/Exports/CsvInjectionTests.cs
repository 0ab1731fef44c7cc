using CsvHelper;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Tests.Editing;

namespace DiplomacyTracker.Tests.Exports;

/// <summary>Its own app: the crafted event must not show up in the other export tests' comparisons.</summary>
public sealed class CsvInjectionTests(EditingApp app) : IClassFixture<EditingApp>
{
    [Fact]
    public async Task A_cell_a_spreadsheet_would_run_as_a_formula_is_escaped()
    {
        const string title = "=HYPERLINK(\"https://example.org/leak\",\"Click\")";
        var draft = await app.ValidDraftAsync(title, 2077);
        draft.IgnoreDuplicates = true;
        Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(draft, EditingApp.AdminEmail));

        using var client = app.CreateClient();
        using var reader = new StreamReader(await client.GetStreamAsync("/api/exports/events.csv?year=2077"));
        using var csv = new CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        await csv.ReadAsync();
        csv.ReadHeader();
        Assert.True(await csv.ReadAsync());
        // Shown as text in a spreadsheet, never evaluated; the page and the API keep the title as typed.
        Assert.Equal("'" + title, csv.GetField("title"));
        Assert.False(await csv.ReadAsync());
    }
}
