using System.Runtime.CompilerServices;
using DiplomacyTracker.Data.Events;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Caching.Memory;

namespace DiplomacyTracker.Web.Features.Timeline;

/// <summary>
/// The timeline's event cards and compact rows rendered once to HTML and shared by every circuit that shows them.
/// As components, the 50 cards of a page were half of what a live circuit holds (each card keeps two render trees of
/// about a hundred frames, ~15 KB a card, per reader); as one markup frame each, a circuit holds a reference to a
/// string that every reader of the same page shares. EventCard and EventRow stay the one source of the markup.
/// Nothing in a card reacts to events in the circuit: its links are plain links the router intercepts.
/// </summary>
public sealed class EventMarkup(IServiceProvider services, ILoggerFactory loggerFactory) : IDisposable
{
    // Per summary object: the read cache hands every reader of a page the same objects, so this is usually all it takes.
    private readonly ConditionalWeakTable<EventSummary, Rendered> bySummary = [];

    // Per HTML text: the same event rendered from another copy of its summary (a circuit's first page comes from the
    // prerendered state, deserialized per circuit) shares the string already kept. Bounded like the read cache.
    private readonly MemoryCache byText = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    /// <summary>The card's HTML, if <see cref="PrepareAsync"/> rendered it for this summary.</summary>
    public MarkupString? Card(EventSummary summary) => bySummary.TryGetValue(summary, out var rendered) ? rendered.Card : null;

    /// <summary>The compact row's HTML, if <see cref="PrepareAsync"/> rendered it for this summary.</summary>
    public MarkupString? Row(EventSummary summary) => bySummary.TryGetValue(summary, out var rendered) ? rendered.Row : null;

    /// <summary>Renders the cards and rows of the summaries not rendered yet (a few milliseconds for a page of 50).</summary>
    public async Task PrepareAsync(IReadOnlyList<EventSummary> summaries)
    {
        var missing = summaries.Where(s => !bySummary.TryGetValue(s, out _)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        // A renderer per batch: an HtmlRenderer keeps every root component it rendered until it is disposed.
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        var rendered = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var result = new List<(EventSummary Summary, Rendered Html)>(missing.Count);
            foreach (var summary in missing)
            {
                var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(EventCard.Event)] = summary });
                var card = (await renderer.RenderComponentAsync<EventCard>(parameters)).ToHtmlString();
                var row = (await renderer.RenderComponentAsync<EventRow>(parameters)).ToHtmlString();
                result.Add((summary, new Rendered(new MarkupString(Shared(card)), new MarkupString(Shared(row)))));
            }

            return result;
        });
        foreach (var (summary, html) in rendered)
        {
            bySummary.AddOrUpdate(summary, html);
        }
    }

    private string Shared(string html) =>
        byText.GetOrCreate(html, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            return html;
        })!;

    public void Dispose() => byText.Dispose();

    private sealed record Rendered(MarkupString Card, MarkupString Row);
}
