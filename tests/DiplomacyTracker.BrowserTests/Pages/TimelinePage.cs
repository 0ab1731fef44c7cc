using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Pages;

/// <summary>The timeline as a reader sees it: the filter form, the result summary, the event cards.</summary>
public sealed class TimelinePage(IPage page)
{
    public IPage Page => page;

    public ILocator Filters => page.GetByRole(AriaRole.Search, new() { Name = "Filter events" });

    public ILocator FiltersToggle => page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Filters") });

    public ILocator SearchText => page.GetByLabel("Search text");

    /// <summary>What the search box suggests as you type: people, places and topics by any of their names.</summary>
    public ILocator Suggestions => page.GetByRole(AriaRole.Group, new() { Name = "Suggestions" });

    public ILocator Suggestion(string text) => Suggestions.GetByRole(AriaRole.Button, new() { Name = text, Exact = true });

    public ILocator FromYear => page.GetByLabel("From year");

    public ILocator ToYear => page.GetByLabel("To year");

    public ILocator Venue => page.GetByLabel("Venue (city or country)");

    public ILocator Participant => page.GetByLabel("Participant", new() { Exact = true });

    public ILocator EventType => page.GetByLabel("Event type");

    public ILocator Topic => page.GetByLabel("Topic", new() { Exact = true });

    public ILocator XiPutinOnly => page.GetByLabel("Only Xi–Putin meetings");

    public ILocator SearchButton => page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true });

    public ILocator ClearFiltersButton => page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" });

    public ILocator Summary => page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("event|page") });

    public ILocator Cards => page.Locator("article.event-card");

    /// <summary>Events in the compact view: one line each.</summary>
    public ILocator Rows => page.Locator("article.event-row");

    public ILocator CardsButton => page.GetByRole(AriaRole.Button, new() { Name = "Cards", Exact = true });

    public ILocator CompactButton => page.GetByRole(AriaRole.Button, new() { Name = "Compact list", Exact = true });

    public ILocator PageSize => page.GetByLabel("Events per page");

    public ILocator YearJump => page.GetByRole(AriaRole.Navigation, new() { Name = "Go to a year" });

    public ILocator Pager(string position) => page.GetByRole(AriaRole.Navigation, new() { Name = $"Pages of events ({position})" });

    /// <summary>A year's heading, with its count ("2022 3 events").</summary>
    public ILocator YearHeading(string year) => page.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = new System.Text.RegularExpressions.Regex("^" + year + @"\b") });

    public ILocator XiPutinCards => page.Locator("article.event-card.is-xiputin");

    public ILocator Card(string title) => Cards.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });

    public async Task GotoAsync(string query = "")
    {
        await page.GotoAsync("/" + query);
        await BrowserTest.WaitForCircuitAsync(page);
    }

    public Task ChooseVenueAsync(string venue) => MudControls.AutocompleteAsync(Venue, venue, venue);

    public Task ChooseParticipantAsync(string name) => MudControls.AutocompleteAsync(Participant, name, name);

    public Task ChooseEventTypeAsync(string type) => MudControls.ChooseAsync(EventType, type);

    public Task ChooseTopicAsync(string topic) => MudControls.ChooseAsync(Topic, topic);
}
