using System.Text.RegularExpressions;
using DiplomacyTracker.Data;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Places;
using DiplomacyTracker.Testing;
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
        .Include(e => e.Legs).ThenInclude(l => l.Attendees)
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
        .Where(e => filter.Venue is null || e.Legs.Any(l => InVenue(l, filter.Venue) && (!filter.XiPutinOnly || BothAttended(e, l))))
        .Where(e => filter.Participant is null || e.Participants.Any(p => p.Person!.Slug == filter.Participant || Same(p.Person.NameEn, filter.Participant)))
        .Where(e => filter.Type is null || e.Type == filter.Type)
        .Where(e => filter.Topic is null || e.Topics.Any(t => t.Slug == filter.Topic))
        .Where(e => !filter.XiPutinOnly || IsXiPutinMeeting(e))
        .Where(e => filter.Text is null || TextMatches(e, filter.Text))
        .OrderBy(e => e.SortKey).ThenBy(e => e.Id)
        .Select(e => e.Id)
        .ToList();

    /// <summary>Per city and country (ignoring case) of the matching events' legs: how many distinct events were held there.</summary>
    public Dictionary<(string City, string Country), int> VenueCounts(EventFilter filter)
    {
        var ids = Expected(filter).ToHashSet();
        return events.Where(e => ids.Contains(e.Id))
            .SelectMany(e => e.Legs.Where(l => !filter.XiPutinOnly || BothAttended(e, l))
                .Select(l => (City: l.City.ToUpperInvariant(), Country: l.Country.ToUpperInvariant(), EventId: e.Id)))
            .GroupBy(l => (l.City, l.Country))
            .ToDictionary(g => g.Key, g => g.Select(l => l.EventId).Distinct().Count());
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static readonly Gazetteer Places = Gazetteer.Load(RepositoryPaths.Data);

    // The venue as typed, in any of its names, is the leg's city or country.
    private static bool InVenue(EventLeg leg, string venue) =>
        Same(leg.City, Places.CityFor(venue) ?? venue.Trim()) || Same(leg.Country, Places.CountryFor(venue) ?? venue.Trim());

    // A Xi–Putin meeting is a leg both attended (a leg with no attendees on record: the event's participants); an
    // event with no legs, when both took part.
    public static bool IsXiPutinMeeting(Event e) =>
        e.Legs.Count == 0 ? Takes(e, "xi-jinping") && Takes(e, "vladimir-putin") : e.Legs.Any(l => BothAttended(e, l));

    public static bool BothAttended(Event e, EventLeg leg) => leg.Attendees.Count == 0
        ? Takes(e, "xi-jinping") && Takes(e, "vladimir-putin")
        : leg.Attendees.Any(a => a.Slug == "xi-jinping") && leg.Attendees.Any(a => a.Slug == "vladimir-putin");

    private static bool Takes(Event e, string slug) => e.Participants.Any(p => p.Person!.Slug == slug);

    // FTS5 semantics as the app uses them: every clause must match in one row (the event's title+summary, or one
    // statement), a clause when any of its alternatives does; a term's words are a phrase (consecutive tokens), a
    // prefix term's last word a prefix. The parse is the app's (FullTextQueryTests check it); the matching is this.
    private static bool TextMatches(Event e, string text)
    {
        var clauses = FullTextQuery.Parse(text);
        if (clauses.Count == 0)
        {
            return true;
        }

        return RowMatches(e.Title + " " + e.Summary, clauses) || e.Statements.Any(s => RowMatches(s.Text, clauses));
    }

    private static bool RowMatches(string row, List<List<FullTextQuery.Term>> clauses)
    {
        var tokens = Words(row);
        return clauses.All(alternatives => alternatives.Any(term => PhraseAt(tokens, term)));
    }

    private static bool PhraseAt(List<string> tokens, FullTextQuery.Term term)
    {
        var words = term.Words.Select(w => w.ToLowerInvariant()).ToList();
        for (var i = 0; i + words.Count <= tokens.Count; i++)
        {
            var match = true;
            for (var j = 0; j < words.Count && match; j++)
            {
                var last = j == words.Count - 1;
                match = last && term.Prefix ? tokens[i + j].StartsWith(words[j], StringComparison.Ordinal) : tokens[i + j] == words[j];
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Words(string text) => Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
