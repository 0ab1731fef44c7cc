using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Places;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Data.Events;

/// <summary>
/// Counts over the filtered events: the facet counts beside each filter choice and the overview's charts.
/// Every count is of distinct events, with the same filter semantics as <see cref="EventQueries.SearchAsync"/>, so a
/// count agrees with the total the timeline and the API report for that choice.
/// Answers are kept in memory per filter until the next write (<see cref="ReadCache"/>): counting every event
/// takes a second at 100,000 events, and most readers ask the same few questions (docs/performance.md).
/// </summary>
public sealed class EventStatistics(IDbContextFactory<DiplomacyDbContext> contextFactory, NameIndex nameIndex, ReadCache cache)
{
    /// <summary>
    /// The facet counts that cost no more than a page (docs/performance.md): kept counts where the other filters are not
    /// set, counted where they match at most <see cref="TimelineIndex.CountLimit"/> events; a facet past that is null
    /// (not counted here) and <see cref="GetExactFacetsAsync"/> has it.
    /// </summary>
    public Task<EventFacets> GetFacetsAsync(EventFilter filter, CancellationToken cancellationToken = default) =>
        cache.GetOrReadAsync("facets", filter, () => CountFacetsQuicklyAsync(filter, cancellationToken));

    /// <summary>Every facet counted exactly, however many events match (a second or more at 1,000,000 events).</summary>
    public Task<EventFacets> GetExactFacetsAsync(EventFilter filter, CancellationToken cancellationToken = default) =>
        cache.GetOrReadAsync("facets-exact", filter, () => CountFacetsAsync(filter, cancellationToken));

    /// <summary>How many events match, exactly, however many that is.</summary>
    public Task<int> CountExactAsync(EventFilter filter, CancellationToken cancellationToken = default) =>
        cache.GetOrReadAsync("count-exact", filter, async () =>
        {
            var names = await nameIndex.GetAsync(cancellationToken);
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var plan = FilterPlan.For(filter, names);
            var (count, exact) = await TimelineIndex.CountAsync(db, plan, cancellationToken);
            return exact ? count : await plan.Apply(db, db.Events.AsNoTracking()).CountAsync(cancellationToken);
        });

    public Task<EventOverview> GetOverviewAsync(EventFilter filter, CancellationToken cancellationToken = default) =>
        cache.GetOrReadAsync("overview", filter, () => CountOverviewAsync(filter, cancellationToken));

    /// <summary>The facet value of events whose start date is unknown.</summary>
    public const string UnknownYear = "unknown";

    private static readonly int UnknownSortKey = PartialDate.Unknown.SortKey;

    /// <summary>
    /// For each filter, how many events each of its choices would match given the other active filters (the
    /// filter's own choice left out, so the reader sees what switching to another choice would give).
    /// </summary>
    private async Task<EventFacets> CountFacetsAsync(EventFilter filter, CancellationToken cancellationToken)
    {
        var names = await nameIndex.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<Event> Matching(EventFilter f) => FilterPlan.For(f, names).Apply(db, db.Events.AsNoTracking());

        var total = await Matching(filter).CountAsync(cancellationToken);
        var years = await CountByYearAsync(Matching(filter with { YearFrom = null, YearTo = null }), cancellationToken);
        var venues = await CountByVenueAsync(db, Matching(filter with { Venue = null }), filter.XiPutinOnly, cancellationToken);
        var people = await CountByPersonAsync(db, Matching(filter with { Participant = null }), top: null, cancellationToken);
        var types = await CountByTypeAsync(Matching(filter with { Type = null }), cancellationToken);
        var topics = await CountByTopicAsync(Matching(filter with { Topic = null }), cancellationToken);
        var xiPutin = await Matching(filter with { XiPutinOnly = true }).CountAsync(cancellationToken);
        return new EventFacets(total, xiPutin, years, venues, people, types, topics);
    }

    private async Task<EventFacets> CountFacetsQuicklyAsync(EventFilter filter, CancellationToken cancellationToken)
    {
        var names = await nameIndex.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Most facets share their "other filters" (all of them, when that facet's own filter is not set): count each once.
        var counted = new Dictionary<EventFilter, (int Count, bool IsExact)>();
        async Task<(int Count, bool IsExact)> CountAsync(EventFilter f)
        {
            if (!counted.TryGetValue(f, out var count))
            {
                counted[f] = count = await TimelineIndex.CountAsync(db, FilterPlan.For(f, names), cancellationToken);
            }

            return count;
        }

        Task<Dictionary<string, int>?> Facet(EventFilter others, string kind) => CountValuesAsync(db, FilterPlan.For(others, names), kind, () => CountAsync(others), cancellationToken);

        var (total, totalIsExact) = await CountAsync(filter);
        var years = await Facet(filter with { YearFrom = null, YearTo = null }, FacetKind.Year);
        var venues = await Facet(filter with { Venue = null }, filter.XiPutinOnly ? FacetKind.XiPutinVenue : FacetKind.Venue);
        var people = await Facet(filter with { Participant = null }, FacetKind.Person);
        var types = await Facet(filter with { Type = null }, FacetKind.Type);
        var topics = await Facet(filter with { Topic = null }, FacetKind.Topic);
        var (xiPutin, xiPutinIsExact) = await CountAsync(filter with { XiPutinOnly = true });

        var personIds = people?.Keys.Select(k => int.Parse(k, System.Globalization.CultureInfo.InvariantCulture)).ToList() ?? [];
        var persons = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.Slug, p.NameEn }).ToListAsync(cancellationToken);
        var topicNames = topics is null ? [] : await db.Topics.AsNoTracking().ToDictionaryAsync(t => t.Slug, t => t.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
        return new EventFacets(
            total,
            xiPutinIsExact ? xiPutin : null,
            years?.Select(y => y.Key == UnknownYear ? new CountedValue(UnknownYear, "Date unknown", y.Value) : new CountedValue(y.Key, y.Key, y.Value))
                .OrderBy(y => y.Value == UnknownYear ? int.MaxValue : int.Parse(y.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            venues?.Select(v => new CountedValue(v.Key, v.Key, v.Value)).OrderBy(v => v.Label, StringComparer.OrdinalIgnoreCase).ToList(),
            people is null ? null : persons.Select(p => new CountedValue(p.Slug, p.NameEn, people[p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.OrdinalIgnoreCase).ToList(),
            types?.Select(t => (Type: (EventType)int.Parse(t.Key, System.Globalization.CultureInfo.InvariantCulture), Count: t.Value))
                .OrderByDescending(t => t.Count).ThenBy(t => t.Type).Select(t => new CountedValue(t.Type.ToString(), t.Type.ToString(), t.Count)).ToList(),
            topics?.Where(t => topicNames.ContainsKey(t.Key)).Select(t => new CountedValue(t.Key, topicNames[t.Key], t.Value))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.OrdinalIgnoreCase).ToList(),
            totalIsExact);
    }

    /// <summary>
    /// How many of the events <paramref name="others"/> matches have each value of <paramref name="kind"/>: the kept
    /// counts when nothing else is set, a count over their EventFacets rows when they are few; null past that.
    /// </summary>
    private static async Task<Dictionary<string, int>?> CountValuesAsync(DiplomacyDbContext db, FilterPlan others, string kind, Func<Task<(int Count, bool IsExact)>> countOthers, CancellationToken cancellationToken)
    {
        // With "only Xi–Putin meetings" and nothing else, the venues where they met are kept counts too.
        var onlyXiPutin = others.Facets is [{ Kind: FacetKind.XiPutin }] && !others.HasRange && others.TextMatch is null && kind == FacetKind.XiPutinVenue;
        if (others.IsEmpty || onlyXiPutin)
        {
            return await db.FilterCounts.AsNoTracking()
                .Where(c => c.Kind == kind && c.Count > 0)
                .ToDictionaryAsync(c => c.Value, c => c.Count, StringComparer.OrdinalIgnoreCase, cancellationToken);
        }

        var (count, exact) = await countOthers();
        if (!exact || count > FacetCountLimit)
        {
            return null;
        }

        var ids = await TimelineIndex.MatchingIdsAsync(db, others, cancellationToken);
        if (ids is null)
        {
            return new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        }

        var rows = await db.EventFacets.AsNoTracking()
            .Where(f => f.Kind == kind && ids.Contains(f.EventId))
            .GroupBy(f => f.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Key, r => r.Count, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Facets are counted on the spot over at most this many events.</summary>
    public const int FacetCountLimit = TimelineIndex.CountLimit;

    /// <summary>The overview of the filtered events: per year, place, type and person, and the visits with several legs.</summary>
    private async Task<EventOverview> CountOverviewAsync(EventFilter filter, CancellationToken cancellationToken)
    {
        var names = await nameIndex.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var plan = FilterPlan.For(filter, names);
        var matching = plan.Apply(db, db.Events.AsNoTracking());
        if (plan.IsEmpty)
        {
            return await ReadKeptOverviewAsync(db, matching, cancellationToken);
        }

        // The matching events are found once, then counted here from three reads by their ids (OverviewTally).
        var tally = new OverviewTally(MultiLegVisitsShown);
        // Streamed: only each event's id and date are kept (8 bytes an event), for the reads below and for dating the
        // visits with several legs.
        var ids = new List<int>();
        var sortKeys = new List<int>();
        await foreach (var e in matching.Select(e => new { e.Id, e.SortKey, e.Type, e.HostSide }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            tally.AddEvent(e.SortKey, e.Type, e.HostSide);
            ids.Add(e.Id);
            sortKeys.Add(e.SortKey);
        }

        // In id order, so each event's rows come together (and SQLite walks the EventId indexes in order).
        var idOrder = ids.ToArray();
        var sortKeyById = sortKeys.ToArray();
        Array.Sort(idOrder, sortKeyById);
        var legs = db.EventLegs.IgnoreQueryFilters().AsNoTracking()
            .Where(l => EF.Parameter(idOrder).Contains(l.EventId))
            .OrderBy(l => l.EventId);
        // With "only Xi–Putin meetings" the places are where they met, as the venue filter then reads them.
        var meetingLegs = EventQueries.XiPutinLegs(db);
        var legRows = filter.XiPutinOnly
            ? legs.Select(l => new LegPlace(l.EventId, l.City, l.Country, meetingLegs.Contains(l.Id)))
            : legs.Select(l => new LegPlace(l.EventId, l.City, l.Country, true));
        await foreach (var (eventId, eventLegs) in ByEvent(legRows.AsAsyncEnumerable(), l => l.EventId, cancellationToken))
        {
            tally.AddLegs(eventId, sortKeyById[Array.BinarySearch(idOrder, eventId)], eventLegs.ConvertAll(l => (l.City, l.Country, l.Counted)));
        }

        var participations = db.EventParticipants.IgnoreQueryFilters().AsNoTracking()
            .Where(p => EF.Parameter(idOrder).Contains(p.EventId))
            .OrderBy(p => p.EventId)
            .Select(p => new Participation(p.EventId, p.PersonId));
        await foreach (var (_, eventPeople) in ByEvent(participations.AsAsyncEnumerable(), p => p.EventId, cancellationToken))
        {
            tally.AddParticipants(eventPeople.Select(p => p.PersonId));
        }

        var topPeople = tally.TopPeople(TopPeople);
        var topPairs = tally.TopPairs(TopPairs);
        var personIds = topPeople.Select(p => p.PersonId).Concat(topPairs.SelectMany(p => new[] { p.First, p.Second })).Distinct().ToList();
        var persons = await db.People.AsNoTracking()
            .Where(p => personIds.Contains(p.Id))
            .Select(p => new PersonRef(p.Id, p.Slug, p.NameEn, p.Country))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var latestMultiLegIds = tally.LatestMultiLegVisits.ToList();

        return new EventOverview(
            tally.Total,
            tally.Years(),
            tally.HostSides(),
            tally.Countries(),
            tally.Cities(),
            tally.Types(),
            topPeople.Where(p => persons.ContainsKey(p.PersonId)).Select(p => new CountedValue(persons[p.PersonId].Slug, persons[p.PersonId].Name, p.Events))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.OrdinalIgnoreCase).ToList(),
            topPairs.Where(p => persons.ContainsKey(p.First) && persons.ContainsKey(p.Second))
                .Select(p => new PersonPairCount(persons[p.First], persons[p.Second], p.Events)).ToList(),
            tally.MultiLegVisits,
            await MultiLegVisitsAsync(db.Events.AsNoTracking().Where(e => EF.Parameter(latestMultiLegIds).Contains(e.Id)), cancellationToken));
    }

    private sealed record LegPlace(int EventId, string City, string Country, bool Counted);

    private sealed record Participation(int EventId, int PersonId);

    // Rows ordered by event, handed on one event at a time.
    private static async IAsyncEnumerable<(int EventId, List<T> Rows)> ByEvent<T>(IAsyncEnumerable<T> rows, Func<T, int> eventOf,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var current = new List<T>();
        var currentId = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var id = eventOf(row);
            if (current.Count > 0 && id != currentId)
            {
                yield return (currentId, current);
                current = [];
            }

            currentId = id;
            current.Add(row);
        }

        if (current.Count > 0)
        {
            yield return (currentId, current);
        }
    }

    /// <summary>The overview of every live event, from the kept counts (<see cref="KeptCounts"/>).</summary>
    private static async Task<EventOverview> ReadKeptOverviewAsync(DiplomacyDbContext db, IQueryable<Event> events, CancellationToken cancellationToken)
    {
        var years = await KeptCounts.OfKindAsync(db, FacetKind.Year, cancellationToken);
        var types = await KeptCounts.OfKindAsync(db, FacetKind.Type, cancellationToken);
        var hosts = await KeptCounts.OfKindAsync(db, FacetKind.Host, cancellationToken);
        var countries = await KeptCounts.OfKindAsync(db, FacetKind.Country, cancellationToken);
        var people = (await KeptCounts.OfKindAsync(db, FacetKind.Person, cancellationToken))
            .Select(p => (Id: int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture), Count: p.Value))
            .OrderByDescending(p => p.Count).ThenBy(p => p.Id).Take(TopPeople).ToList();
        var pairs = await KeptCounts.TopPairsAsync(db, TopPairs, cancellationToken);
        var personIds = people.Select(p => p.Id).Concat(pairs.SelectMany(p => new[] { p.First, p.Second })).Distinct().ToList();
        var persons = await db.People.AsNoTracking()
            .Where(p => personIds.Contains(p.Id))
            .Select(p => new PersonRef(p.Id, p.Slug, p.NameEn, p.Country))
            .ToDictionaryAsync(p => p.Id, cancellationToken);

        return new EventOverview(
            await KeptCounts.TotalAsync(db, FacetKind.All, cancellationToken),
            years.Select(y => (Year: y.Key == UnknownYear ? (int?)null : int.Parse(y.Key, System.Globalization.CultureInfo.InvariantCulture), Count: y.Value))
                .OrderBy(y => y.Year ?? int.MaxValue)
                .Select(y => y.Year is { } n ? new CountedValue(n.ToString(System.Globalization.CultureInfo.InvariantCulture), n.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Count) : new CountedValue(UnknownYear, "Date unknown", y.Count))
                .ToList(),
            hosts.Select(h => (Side: (Side)int.Parse(h.Key, System.Globalization.CultureInfo.InvariantCulture), Count: h.Value))
                .OrderByDescending(h => h.Count).ThenBy(h => h.Side).Select(h => new CountedValue(h.Side.ToString(), h.Side.ToString(), h.Count)).ToList(),
            KeptCounts.MostFirst(countries, c => c),
            await KeptCounts.CitiesAsync(db, cancellationToken),
            types.Select(t => (Type: (EventType)int.Parse(t.Key, System.Globalization.CultureInfo.InvariantCulture), Count: t.Value))
                .OrderByDescending(t => t.Count).ThenBy(t => t.Type).Select(t => new CountedValue(t.Type.ToString(), t.Type.ToString(), t.Count)).ToList(),
            people.Where(p => persons.ContainsKey(p.Id)).Select(p => new CountedValue(persons[p.Id].Slug, persons[p.Id].Name, p.Count))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.OrdinalIgnoreCase).ToList(),
            pairs.Where(p => persons.ContainsKey(p.First) && persons.ContainsKey(p.Second))
                .Select(p => new PersonPairCount(persons[p.First], persons[p.Second], p.Count)).ToList(),
            await KeptCounts.TotalAsync(db, FacetKind.MultiLeg, cancellationToken),
            await MultiLegVisitsAsync(events, cancellationToken));
    }

    /// <summary>The latest visits with more than one leg, newest first.</summary>
    private static Task<List<MultiLegVisit>> MultiLegVisitsAsync(IQueryable<Event> events, CancellationToken cancellationToken) =>
        events
            .Where(e => e.Legs.Count > 1)
            .OrderByDescending(e => e.SortKey).ThenByDescending(e => e.Id)
            .Take(MultiLegVisitsShown)
            .Select(e => new MultiLegVisit(
                e.Id,
                e.Title,
                e.Start,
                e.End,
                e.Legs.OrderBy(l => l.Position).Select(l => new LegSummary(l.Position, l.City, l.Country, l.Site, l.Start, l.End)).ToList()))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

    private const int TopPeople = 15;
    private const int TopPairs = 10;
    private const int MultiLegVisitsShown = 20;

    private static async Task<IReadOnlyList<CountedValue>> CountByYearAsync(IQueryable<Event> events, CancellationToken cancellationToken)
    {
        var rows = await events
            .GroupBy(e => e.SortKey == UnknownSortKey ? (int?)null : e.SortKey / 10000)
            .Select(g => new { Year = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // Timeline order: known years ascending, the unknown date last (where the timeline files it).
        return rows.OrderBy(r => r.Year ?? int.MaxValue)
            .Select(r => r.Year is { } y
                ? new CountedValue(y.ToString(System.Globalization.CultureInfo.InvariantCulture), y.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Count)
                : new CountedValue(UnknownYear, "Date unknown", r.Count))
            .ToList();
    }

    private static async Task<IReadOnlyList<CountedValue>> CountByTypeAsync(IQueryable<Event> events, CancellationToken cancellationToken)
    {
        var rows = await events.GroupBy(e => e.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.Count).ThenBy(r => r.Key).Select(r => new CountedValue(r.Key.ToString(), r.Key.ToString(), r.Count)).ToList();
    }

    private static async Task<IReadOnlyList<CountedValue>> CountByTopicAsync(IQueryable<Event> events, CancellationToken cancellationToken)
    {
        var rows = await events.SelectMany(e => e.Topics)
            .GroupBy(t => new { t.Slug, t.Name })
            .Select(g => new { g.Key.Slug, g.Key.Name, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Select(r => new CountedValue(r.Slug, r.Name, r.Count)).ToList();
    }

    private static async Task<IReadOnlyList<CountedValue>> CountByPersonAsync(DiplomacyDbContext db, IQueryable<Event> events, int? top, CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.Id);
        var counts = db.EventParticipants.IgnoreQueryFilters().AsNoTracking()
            .Where(p => ids.Contains(p.EventId))
            .GroupBy(p => p.PersonId)
            .Select(g => new { PersonId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.PersonId);
        var rows = await (top is { } n ? counts.Take(n) : counts).ToListAsync(cancellationToken);
        var personIds = rows.Select(r => r.PersonId).ToList();
        var people = await db.People.AsNoTracking()
            .Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Slug, p.NameEn })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        return rows.Where(r => people.ContainsKey(r.PersonId))
            .Select(r => new CountedValue(people[r.PersonId].Slug, people[r.PersonId].NameEn, r.Count))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    // The venue filter matches a leg's city or its country, so a venue's count is of events with a leg in that city,
    // or in that country: both kinds of name are counted, each event once per name. With "only Xi–Putin meetings"
    // only the legs both attended count, as the venue filter then matches only those.
    private static async Task<IReadOnlyList<CountedValue>> CountByVenueAsync(DiplomacyDbContext db, IQueryable<Event> events, bool xiPutinOnly, CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.Id);
        var legs = db.EventLegs.IgnoreQueryFilters().AsNoTracking().Where(l => ids.Contains(l.EventId));
        if (xiPutinOnly)
        {
            var meetingLegs = EventQueries.XiPutinLegs(db);
            legs = legs.Where(l => meetingLegs.Contains(l.Id));
        }

        var byCity = await legs.Select(l => new { l.EventId, l.City }).Distinct()
            .GroupBy(l => l.City).Select(g => new { Name = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byCountry = await legs.Select(l => new { l.EventId, l.Country }).Distinct()
            .GroupBy(l => l.Country).Select(g => new { Name = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // A name that is both a city and a country (Singapore) matches an event through either: count those events once.
        var both = byCity.Select(c => c.Name).Intersect(byCountry.Select(c => c.Name), StringComparer.OrdinalIgnoreCase).ToList();
        var exact = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in both)
        {
            exact[name] = await legs.Where(l => l.City == name || l.Country == name).Select(l => l.EventId).Distinct().CountAsync(cancellationToken);
        }

        return byCountry.Concat(byCity)
            .GroupBy(v => v.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new CountedValue(g.First().Name, g.First().Name, exact.TryGetValue(g.Key, out var n) ? n : g.Sum(v => v.Count)))
            .OrderBy(v => v.Label, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}

/// <summary>One choice and how many events it matches. <see cref="Value"/> is what the filter takes (a slug, a year,
/// a type's name), <see cref="Label"/> what a reader sees.</summary>
public sealed record CountedValue(string Value, string Label, int Count);

/// <summary>
/// Facet counts for every filter, each given the other active filters. A facet (or <see cref="XiPutinMeetings"/>) that
/// was not counted because too many events match is null; <see cref="Total"/> is then perhaps a lower bound
/// (<see cref="TotalIsExact"/>).
/// </summary>
public sealed record EventFacets(
    int Total,
    int? XiPutinMeetings,
    IReadOnlyList<CountedValue>? Years,
    IReadOnlyList<CountedValue>? Venues,
    IReadOnlyList<CountedValue>? Participants,
    IReadOnlyList<CountedValue>? Types,
    IReadOnlyList<CountedValue>? Topics,
    bool TotalIsExact = true)
{
    public static EventFacets Empty { get; } = new(0, 0, [], [], [], [], []);

    /// <summary>Whether every facet was counted.</summary>
    public bool IsComplete => TotalIsExact && XiPutinMeetings is not null && Years is not null && Venues is not null && Participants is not null && Types is not null && Topics is not null;

    /// <summary>The count of <paramref name="value"/> in <paramref name="facet"/> (0 when absent); null when the facet was not counted.</summary>
    public static int? CountOf(IReadOnlyList<CountedValue>? facet, string? value) =>
        value is null || facet is null ? null : facet.FirstOrDefault(v => string.Equals(v.Value, value, StringComparison.OrdinalIgnoreCase))?.Count ?? 0;
}

public sealed record CityCount(string City, string Country, int Events, int Legs);

public sealed record PersonPairCount(PersonRef First, PersonRef Second, int Events);

public sealed record MultiLegVisit(int Id, string Title, PartialDate Start, PartialDate End, IReadOnlyList<LegSummary> Legs);

/// <summary>The filtered events counted several ways, for the overview page and GET /api/overview.</summary>
public sealed record EventOverview(
    int Total,
    IReadOnlyList<CountedValue> Years,
    IReadOnlyList<CountedValue> HostSides,
    IReadOnlyList<CountedValue> Countries,
    IReadOnlyList<CityCount> Cities,
    IReadOnlyList<CountedValue> Types,
    IReadOnlyList<CountedValue> TopParticipants,
    IReadOnlyList<PersonPairCount> TopPairs,
    int MultiLegVisitCount,
    IReadOnlyList<MultiLegVisit> MultiLegVisits);
