using DiplomacyTracker.Data.Common;

namespace DiplomacyTracker.Data.Events;

/// <summary>
/// A filtered overview, counted in memory from one pass over the matching events, their legs and their participants,
/// each row seen once (<see cref="EventStatistics"/>). Counted in SQL, each of a dozen counts found the matching events
/// again: at a million events, tens of thousands of lookups into Events per count (docs/performance.md). Places group
/// ignoring case, as the columns compare: "moscow" and "Moscow" are one city, named as first seen. Ordinal
/// ignore-case is the same approximation of the columns' collations as TimelineIndex makes (SQLite's NOCASE folds
/// ASCII letters only; PostgreSQL's ICU collation also equates composed and decomposed accents).
/// </summary>
internal sealed class OverviewTally(int multiLegVisitsKept = 20)
{
    // The latest visits with several legs, as few as are shown: the earliest is dropped past that.
    private readonly SortedSet<(int SortKey, int Id)> latestMultiLeg = [];
    private readonly Dictionary<int, int> years = [];
    private readonly Dictionary<EventType, int> types = [];
    private readonly Dictionary<Side, int> hosts = [];
    private readonly Dictionary<string, int> countries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string City, string Country), (int Events, int Legs)> cities = new(PlaceComparer.Instance);
    private readonly Dictionary<int, int> people = [];
    private readonly Dictionary<(int First, int Second), int> pairs = [];
    private int unknownYear;

    public int Total { get; private set; }

    public int MultiLegVisits { get; private set; }

    public void AddEvent(int sortKey, EventType type, Side host)
    {
        Total++;
        if (sortKey == PartialDate.Unknown.SortKey)
        {
            unknownYear++;
        }
        else
        {
            Increment(years, sortKey / 10000);
        }

        Increment(types, type);
        Increment(hosts, host);
    }

    /// <summary>The ids of the latest visits with several legs (by date, then id), newest first.</summary>
    public IReadOnlyList<int> LatestMultiLegVisits => latestMultiLeg.Reverse().Select(v => v.Id).ToList();

    /// <summary>All the legs of one event; the places count those marked (with "only Xi–Putin meetings", where they met).</summary>
    public void AddLegs(int eventId, int sortKey, IReadOnlyList<(string City, string Country, bool Counted)> legs)
    {
        if (legs.Count > 1)
        {
            MultiLegVisits++;
            latestMultiLeg.Add((sortKey, eventId));
            if (latestMultiLeg.Count > multiLegVisitsKept)
            {
                latestMultiLeg.Remove(latestMultiLeg.Min);
            }
        }

        var counted = legs.Where(l => l.Counted).ToList();
        foreach (var country in counted.Select(l => l.Country).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            Increment(countries, country);
        }

        foreach (var city in counted.GroupBy(l => (l.City, l.Country), PlaceComparer.Instance))
        {
            // Setting an entry keeps the key already there: the spelling first seen names the city.
            var (events, legCount) = cities.GetValueOrDefault(city.Key);
            cities[city.Key] = (events + 1, legCount + city.Count());
        }
    }

    /// <summary>The people who took part in one event: each counts once, and so does every pair of them.</summary>
    public void AddParticipants(IEnumerable<int> personIds)
    {
        var persons = personIds.Distinct().Order().ToArray();
        for (var i = 0; i < persons.Length; i++)
        {
            Increment(people, persons[i]);
            for (var j = i + 1; j < persons.Length; j++)
            {
                Increment(pairs, (persons[i], persons[j]));
            }
        }
    }

    /// <summary>Known years ascending, the unknown date last (where the timeline files it).</summary>
    public IReadOnlyList<CountedValue> Years()
    {
        var result = years.OrderBy(y => y.Key)
            .Select(y => new CountedValue(y.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Value))
            .ToList();
        if (unknownYear > 0)
        {
            result.Add(new CountedValue(EventStatistics.UnknownYear, "Date unknown", unknownYear));
        }

        return result;
    }

    public IReadOnlyList<CountedValue> Types() =>
        types.OrderByDescending(t => t.Value).ThenBy(t => t.Key).Select(t => new CountedValue(t.Key.ToString(), t.Key.ToString(), t.Value)).ToList();

    public IReadOnlyList<CountedValue> HostSides() =>
        hosts.OrderByDescending(h => h.Value).ThenBy(h => h.Key).Select(h => new CountedValue(h.Key.ToString(), h.Key.ToString(), h.Value)).ToList();

    public IReadOnlyList<CountedValue> Countries() =>
        countries.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.OrdinalIgnoreCase).Select(c => new CountedValue(c.Key, c.Key, c.Value)).ToList();

    public IReadOnlyList<CityCount> Cities() =>
        cities.OrderByDescending(c => c.Value.Events).ThenBy(c => c.Key.City, StringComparer.OrdinalIgnoreCase)
            .Select(c => new CityCount(c.Key.City, c.Key.Country, c.Value.Events, c.Value.Legs)).ToList();

    /// <summary>The ids of the <paramref name="top"/> people at the most events (ties: the lower id).</summary>
    public IReadOnlyList<(int PersonId, int Events)> TopPeople(int top) =>
        people.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(top).Select(p => (p.Key, p.Value)).ToList();

    /// <summary>The <paramref name="top"/> pairs who took part in the most events together (ties: the lower ids).</summary>
    public IReadOnlyList<(int First, int Second, int Events)> TopPairs(int top) =>
        pairs.OrderByDescending(p => p.Value).ThenBy(p => p.Key.First).ThenBy(p => p.Key.Second).Take(top)
            .Select(p => (p.Key.First, p.Key.Second, p.Value)).ToList();

    private sealed class PlaceComparer : IEqualityComparer<(string City, string Country)>
    {
        public static PlaceComparer Instance { get; } = new();

        public bool Equals((string City, string Country) x, (string City, string Country) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.City, y.City) && StringComparer.OrdinalIgnoreCase.Equals(x.Country, y.Country);

        public int GetHashCode((string City, string Country) place) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(place.City), StringComparer.OrdinalIgnoreCase.GetHashCode(place.Country));
    }

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
