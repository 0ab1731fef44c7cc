using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Places;
using DiplomacyTracker.Web.Features.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace DiplomacyTracker.Web.Features.Events;

/// <summary>
/// A page that follows the timeline's filters in its URL (the timeline, the overview, the map): it reads them through
/// <see cref="EventFilterQuery"/>, loads the filter panel's choices, and loads its own data once per distinct query,
/// taking what prerendering loaded instead of loading it a second time when the circuit starts.
/// </summary>
public abstract class FilteredPage<TData> : ComponentBase, IDisposable
    where TData : class
{
    private readonly CancellationTokenSource disposed = new();
    private PersistingComponentStateSubscription persisting;
    private string? loadedQuery;

    // Declared so Blazor re-runs OnParametersSetAsync when the query changes (back/forward, links); the values
    // themselves are read through EventFilterQuery, the one parser shared with the API.
    [SupplyParameterFromQuery(Name = "year")] public string? Year { get; set; }
    [SupplyParameterFromQuery(Name = "yearFrom")] public string? YearFrom { get; set; }
    [SupplyParameterFromQuery(Name = "yearTo")] public string? YearTo { get; set; }
    [SupplyParameterFromQuery(Name = "venue")] public string? Venue { get; set; }
    [SupplyParameterFromQuery(Name = "participant")] public string? Participant { get; set; }
    [SupplyParameterFromQuery(Name = "type")] public string? Type { get; set; }
    [SupplyParameterFromQuery(Name = "topic")] public string? Topic { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }
    [SupplyParameterFromQuery(Name = "xiputin")] public string? XiPutin { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public string? Page { get; set; }
    [SupplyParameterFromQuery(Name = "pageSize")] public string? PageSize { get; set; }

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    [Inject] private EventQueries Events { get; set; } = default!;

    [Inject] private PersistentComponentState ApplicationState { get; set; } = default!;

    [Inject] private EventStatistics FacetCounts { get; set; } = default!;

    [Inject] private NameIndex NameIndex { get; set; } = default!;

    [Inject] private ILogger<FilteredPage<TData>> Logger { get; set; } = default!;

    /// <summary>People, places and topics by any of their names, for the search box's suggestions (from memory).</summary>
    protected Names? Names { get; private set; }

    /// <summary>The filters, page and page size of the current URL.</summary>
    protected EventFilterQuery Query { get; private set; } = EventFilterQuery.Parse([]);

    /// <summary>The filter panel's choices.</summary>
    protected FilterChoices? Options { get; private set; }

    /// <summary>How many events each choice of the filter panel would match.</summary>
    protected EventFacets? Facets { get; private set; }

    /// <summary>What the page shows for <see cref="Query"/>; null while it loads.</summary>
    protected TData? Data { get; private set; }

    /// <summary>
    /// The URL query (as in the address, "" for none) whose data and counts the page has finished loading: the page
    /// renders its previous data while a new query loads, so this says which query is on screen (the timeline marks it
    /// for the live-circuits benchmark, tests/perf/blazor-circuit.mjs, and for tests).
    /// </summary>
    protected string? CompletedQuery { get; private set; }

    /// <summary>Names this page's data in the state prerendering hands to the circuit.</summary>
    protected abstract string StateKey { get; }

    /// <summary>Loads the page's data for a query.</summary>
    protected abstract Task<TData> LoadAsync(EventFilterQuery query);

    // The first page is handed from prerendering to the circuit even with the read cache on: reading it again when the
    // circuit starts re-rendered the filters just as a fast reader began typing, and wiped what they typed (seen in
    // SearchSuggestionsBrowserTests under load). It costs ~100 KB a circuit (docs/performance.md, live circuits), and is
    // compressed before it goes into the page (CompressedState).
    protected override void OnInitialized() =>
        persisting = ApplicationState.RegisterOnPersisting(() =>
        {
            ApplicationState.PersistCompressed(StateKey, new LoadedState(loadedQuery, Data));
            return Task.CompletedTask;
        });

    protected override async Task OnParametersSetAsync()
    {
        var currentQuery = new Uri(Navigation.Uri).Query;
        Query = EventFilterQuery.Parse(QueryHelpers.ParseQuery(currentQuery));

        // The choices are a few cheap index reads: loading them again is cheaper than sending them back from the
        // browser in the circuit's first message (docs/performance.md).
        Options ??= await Events.GetFilterChoicesAsync();
        Names = await NameIndex.GetAsync();

        if (loadedQuery is null && ApplicationState.TryTakeCompressed<LoadedState>(StateKey, out var state) && state.Data is not null && state.Query == currentQuery)
        {
            (loadedQuery, Data) = (state.Query, state.Data);
        }
        else if (loadedQuery != currentQuery || Data is null)
        {
            Data = await LoadAsync(Query);
            loadedQuery = currentQuery;
        }

        // Not handed over from prerendering like Data: that state is encrypted, so it does not compress, and the counts
        // for every venue and person made the first page 160 KB at 100,000 events; they come from memory instead.
        Facets = await FacetCounts.GetFacetsAsync(Query.Filter);
        CompletedQuery = currentQuery;
        if (!Facets.IsComplete && RendererInfo.IsInteractive)
        {
            // Too many matches to count before the page is shown: the page goes out with what was cheap, and the rest
            // follows when counted (docs/performance.md).
            _ = CountExactlyAsync(Query.Filter);
        }
    }

    private async Task CountExactlyAsync(EventFilter filter)
    {
        try
        {
            var exact = await FacetCounts.GetExactFacetsAsync(filter, disposed.Token);
            if (!disposed.IsCancellationRequested && Query.Filter == filter)
            {
                Facets = exact;
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
            // The reader left the page.
        }
        catch (Exception exception)
        {
            // The page stays as shown, without these counts.
            Logger.LogError(exception, "Counting the facets exactly failed for {Filter}", filter);
        }
    }

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
        persisting.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed record LoadedState(string? Query, TData? Data);
}
