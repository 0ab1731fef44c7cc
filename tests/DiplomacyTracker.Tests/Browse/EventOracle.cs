using System.Text.RegularExpressions;
using DiplomacyTracker.Data;
using DiplomacyTracker.Data.Events;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Tests.Browse;

/// <summary>
/// An independent, in-memory reading of what each filter means, to check the SQL (indexes, subqueries, FTS5)
/// against: every event loaded whole, filtered with plain LINQ-to-objects.
/// </summary>
internal sealed partial class EventOracle
{
    private readonly List<Event> events;

    private EventOracle(List<Event> events) => this.events = events;

    public static async Task<EventOracle> LoadAsync(DiplomacyDbContext db) => new(await db.Events
        .Include(e => e.Legs)
        .Include(e => e.Participants).ThenInclude(p => p.Person)
        .Include(e => e.Topics)
        .Include(e => e.Statements)
        .AsSplitQuery()
        .AsNoTracking()
        .ToListAsync());

    public IReadOnlyList<Event> All => events;

    public List<int> Expected(EventFilter filter) => events
        .Where(e => filter.YearFrom is null || (e.Start.Year is { } y && y >= filter.YearFrom))
        .Where(e => filter.YearTo is null || (e.Start.Year is { } y && y <= filter.YearTo))
        .Where(e => filter.Venue is null || e.Legs.Any(l => Same(l.City, filter.Venue) || Same(l.Country, filter.Venue)))
        .Where(e => filter.Participant is null || e.Participants.Any(p => p.Person!.Slug == filter.Participant || Same(p.Person.NameEn, filter.Participant)))
        .Where(e => filter.Type is null || e.Type == filter.Type)
        .Where(e => filter.Topic is null || e.Topics.Any(t => t.Slug == filter.Topic))
        .Where(e => !filter.XiPutinOnly || (e.Participants.Any(p => p.Person!.Slug == "xi-jinping") && e.Participants.Any(p => p.Person!.Slug == "vladimir-putin")))
        .Where(e => filter.Text is null || TextMatches(e, filter.Text))
        .OrderBy(e => e.SortKey).ThenBy(e => e.Id)
        .Select(e => e.Id)
        .ToList();

    /// <summary>Per city and country (ignoring case) of the matching events' legs: how many distinct events were held there.</summary>
    public Dictionary<(string City, string Country), int> VenueCounts(EventFilter filter)
    {
        var ids = Expected(filter).ToHashSet();
        return events.Where(e => ids.Contains(e.Id))
            .SelectMany(e => e.Legs.Select(l => (City: l.City.ToUpperInvariant(), Country: l.Country.ToUpperInvariant(), EventId: e.Id)))
            .GroupBy(l => (l.City, l.Country))
            .ToDictionary(g => g.Key, g => g.Select(l => l.EventId).Distinct().Count());
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    // FTS5 semantics as the app uses them: every word must occur in one row (the event's title+summary, or one
    // statement), the last word as a prefix.
    private static bool TextMatches(Event e, string text)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return true;
        }

        return RowMatches(e.Title + " " + e.Summary, words) || e.Statements.Any(s => RowMatches(s.Text, words));
    }

    private static bool RowMatches(string row, List<string> words)
    {
        var tokens = Words(row);
        return words.Select((w, i) => i == words.Count - 1
                ? tokens.Any(t => t.StartsWith(w, StringComparison.Ordinal))
                : tokens.Contains(w))
            .All(match => match);
    }

    private static List<string> Words(string text) => Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
