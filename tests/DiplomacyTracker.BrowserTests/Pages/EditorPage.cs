using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Pages;

/// <summary>
/// The event editor, found the way a person finds things: each section and row is a named group ("Basics", "Leg 2"),
/// each field is found inside it by its visible label.
/// </summary>
public sealed class EditorPage(IPage page)
{
    public IPage Page => page;

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Section(string name) => page.GetByRole(AriaRole.Group, new() { Name = name, Exact = true });

    // Basics
    public ILocator Title => Section("Basics").GetByLabel("Title");

    public ILocator Type => Section("Basics").GetByLabel("Type");

    public ILocator Status => Section("Basics").GetByLabel("Status");

    public ILocator HostSide => Section("Basics").GetByLabel("Host side");

    public ILocator Summary => Section("Basics").GetByLabel("Summary");

    // Dates
    public ILocator StartDate => Section("Dates").GetByLabel("Start date");

    public ILocator EndDate => Section("Dates").GetByLabel("End date (optional)");

    public ILocator DatePrecision => Section("Dates").GetByLabel("Date precision");

    public ILocator DatesApproximate => Section("Dates").GetByLabel("The dates are approximate (inferred, not printed in the source)");

    public ILocator MentionedOnly => Section("Dates").GetByLabel("Only mentioned in passing by a source (place and people may be unknown)");

    public ILocator DateNote => Section("Dates").GetByLabel("Date note");

    public ILocator Topics => Section("Topics").GetByLabel("Topics");

    public ParticipantRow Participant(int n) => new(Section($"Participant {n}"));

    public LegRow Leg(int n) => new(Section($"Leg {n}"));

    public SourceRow Source(int n) => new(Section($"Source {n}"));

    public StatementRow Statement(int n) => new(Section($"Statement {n}"));

    public DocumentRow Document(int n) => new(Section($"Document {n}"));

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Alert(string text) => page.GetByRole(AriaRole.Alert).Filter(new() { HasText = text });

    /// <summary>The field is marked invalid and its validation message is what a screen reader reads with it.</summary>
    public static async Task ExpectMessageAsync(ILocator field, string message)
    {
        await Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(field).ToHaveAccessibleDescriptionAsync(message);
        await Assertions.Expect(field.Page.GetByText(message, new() { Exact = true }).First).ToBeVisibleAsync();
    }

    public static Task ExpectNoMessageAsync(ILocator field) =>
        Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "false");

    public async Task GotoNewAsync()
    {
        await page.GotoAsync("/events/new");
        await BrowserTest.WaitForCircuitAsync(page);
    }

    public async Task GotoEditAsync(int id)
    {
        await page.GotoAsync($"/events/{id}/edit");
        await BrowserTest.WaitForCircuitAsync(page);
    }

    /// <summary>Types a date as yyyy-mm-dd into a date field and leaves it.</summary>
    public static async Task FillDateAsync(ILocator field, string isoDate)
    {
        await field.FillAsync(isoDate);
        await field.PressAsync("Tab");
    }

    public Task SaveAsync(bool isNew) => Button(isNew ? "Save visit" : "Save changes").ClickAsync();
}

public sealed class ParticipantRow(ILocator row)
{
    public ILocator Group => row;

    public ILocator SomeoneRecorded => row.GetByLabel("Someone already recorded");

    public ILocator NewPerson => row.GetByLabel("A new person");

    public ILocator Person => row.GetByLabel("Person", new() { Exact = true });

    public ILocator NameEn => row.GetByLabel("Name in English");

    public ILocator NameZh => row.GetByLabel("Name in Chinese");

    public ILocator NameRu => row.GetByLabel("Name in Russian");

    public ILocator Country => row.GetByLabel("Country");

    public ILocator Role => row.GetByLabel("Role at the event");

    public ILocator Remove => row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Remove") });

    public Task PickPersonAsync(string typed, string name) => MudControls.AutocompleteAsync(Person, typed, name);
}

public sealed class LegRow(ILocator row)
{
    public ILocator City => row.GetByLabel("City");

    public ILocator Country => row.GetByLabel("Country");

    public ILocator Site => row.GetByLabel("Site (optional)");

    public ILocator From => row.GetByLabel("From", new() { Exact = true });

    public ILocator To => row.GetByLabel("To", new() { Exact = true });

    public ILocator Attended(string name) => row.GetByRole(AriaRole.Group, new() { Name = "Who attended" }).GetByLabel(name, new() { Exact = true });

    /// <summary>Asked only for a city and country no place is recorded for.</summary>
    public ILocator Latitude => row.GetByLabel("Latitude");

    public ILocator Longitude => row.GetByLabel("Longitude");
}

public sealed class SourceRow(ILocator row)
{
    public ILocator Group => row;

    public ILocator Title => row.GetByLabel("Title");

    public ILocator Url => row.GetByLabel("URL");

    public ILocator Outlet => row.GetByLabel("Outlet", new() { Exact = true });

    public ILocator OutletUnknown => row.GetByLabel("Outlet unknown");

    public ILocator PublishedOn => row.GetByLabel("Published on");

    public ILocator PublishedUnknown => row.GetByLabel("Publication date unknown");

    public ILocator Text => row.GetByLabel("Article text");

    public ILocator SavedLink => row.Locator("a[href^='/sources/']");
}

public sealed class StatementRow(ILocator row)
{
    public ILocator Speaker => row.GetByLabel("Speaker");

    public ILocator AttributedTo => row.GetByLabel("Or attributed to");

    public ILocator Kind => row.GetByLabel("Kind");

    public ILocator Source => row.GetByLabel("Source", new() { Exact = true });

    public ILocator Text => row.GetByLabel("Text", new() { Exact = true });
}

public sealed class DocumentRow(ILocator row)
{
    public ILocator Title => row.GetByLabel("Title");

    public ILocator Kind => row.GetByLabel("Kind");

    public ILocator Source => row.GetByLabel("Source", new() { Exact = true });

    public ILocator Summary => row.GetByLabel("Summary");
}
