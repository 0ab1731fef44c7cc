using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Data.Events;

/// <summary>A page of event ids in timeline order and how many events match: exactly, or at least <see cref="Total"/>.</summary>
public sealed record IndexedPage(IReadOnlyList<int> Ids, int Total, bool TotalIsExact);

/// <summary>
/// Reads a filter's page from the derived tables (<see cref="DerivedTables"/>) so the work is the page's, not the
/// matches': the rarest condition's index range is walked in timeline order and every other condition is a primary-key
/// probe, so 50 rows come out after about 50 reads whether 100 or 800,000 events match. Totals are a lookup in
/// FilterCounts where one condition is set; for a combination they are counted only up to <see cref="CountLimit"/>
/// ("more than 1,000"), and the exact figure is left to <see cref="EventStatistics.CountExactAsync"/>.
/// </summary>
public static class TimelineIndex
{
    /// <summary>A combination's total is counted up to this many (past the page asked for); beyond it the total is a lower bound.</summary>
    public const int CountLimit = 1000;

    /// <summary>A combination's count looks at no more than this many rows of its walk, or twice the count asked for (work bounded like a page's).</summary>
    public const int ExaminedLimit = 2000;

    /// <summary>PostgreSQL: a search's walk in timeline order gives up after this many events (or ten per row asked for).</summary>
    private const int WalkCap = 500;

    /// <summary>
    /// The same with other filters probed too. Most rows walked then fail a filter's probe (an index lookup) before the
    /// search is tried, so a longer walk stays cheap: 5,000 rows in 25–80 ms at 1,000,000 events, where sorting every
    /// match of a common word instead took 1.5 s (Putin, Moscow, 2015–2024 and "energy": 45 hits in the first 500).
    /// </summary>
    private const int WalkCapWithFilters = 5000;

    private const long Factor = DerivedTables.OrderKeyFactor;

    public static async Task<IndexedPage> ReadAsync(DiplomacyDbContext db, FilterPlan plan, int skip, int take, CancellationToken cancellationToken)
    {
        var (narrowed, counts) = await NarrowAsync(db, plan, cancellationToken);
        if (narrowed is null)
        {
            return new IndexedPage([], 0, true);
        }

        var exact = await ExactTotalAsync(db, narrowed, counts, cancellationToken);
        var ordered = Ordered(db, narrowed, counts);
        if (exact is { } total)
        {
            return new IndexedPage(skip >= total || take == 0 ? [] : await ordered.PageAsync(db, skip, take, cancellationToken), total, true);
        }

        var bound = Math.Max(CountLimit, skip + take) + 1;
        var (ids, counted, isExact) = await ordered.PageAndCountAsync(db, skip, take, bound, cancellationToken);
        // Never less than what the reader can see is there.
        return isExact ? new IndexedPage(ids, counted, true) : new IndexedPage(ids, Math.Max(Math.Min(counted, bound - 1), skip + ids.Count), false);
    }

    /// <summary>How many events match, exactly if that is a lookup or at most <see cref="CountLimit"/> reads away.</summary>
    public static async Task<(int Count, bool IsExact)> CountAsync(DiplomacyDbContext db, FilterPlan plan, CancellationToken cancellationToken)
    {
        var page = await ReadAsync(db, plan, 0, 0, cancellationToken);
        return (page.Total, page.TotalIsExact);
    }

    /// <summary>The ids of the events <paramref name="plan"/> matches, in timeline order, to be paged or counted.</summary>
    public static async Task<IQueryable<int>?> MatchingIdsAsync(DiplomacyDbContext db, FilterPlan plan, CancellationToken cancellationToken)
    {
        var (narrowed, counts) = await NarrowAsync(db, plan, cancellationToken);
        return narrowed is null ? null : Ordered(db, narrowed, counts).All(db);
    }

    // The counts of the plan's facet values; values no live event has are dropped (Пекин resolves to both a city and
    // a "country" of that name, only one of which exists), and a condition left with none matches nothing (null).
    private static async Task<(FilterPlan? Plan, Dictionary<(string Kind, string Value), int> Counts)> NarrowAsync(DiplomacyDbContext db, FilterPlan plan, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(string, string), int>(KeyComparer.Instance);
        if (plan.MatchesNothing)
        {
            return (null, counts);
        }

        var kinds = plan.Facets.Select(f => f.Kind).Distinct().ToList();
        var values = plan.Facets.SelectMany(f => f.Values).Distinct().ToList();
        if (kinds.Count > 0)
        {
            var rows = await db.FilterCounts.AsNoTracking()
                .Where(c => kinds.Contains(c.Kind) && values.Contains(c.Value))
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                counts[(row.Kind, row.Value)] = row.Count;
            }
        }

        var facets = plan.Facets
            .Select(f => f with { Values = f.Values.Where(v => counts.GetValueOrDefault((f.Kind, v)) > 0).ToList() })
            .ToList();
        if (facets.Any(f => f.Values.Count == 0))
        {
            return (null, counts);
        }

        // SQLite: the search's prefixes as the words they stand for, so the walk in rowid order starts at once.
        var text = plan.TextMatch is { } match && !db.Database.IsNpgsql() ? await SearchPrefixes.ExpandAsync(db, match, cancellationToken) : plan.TextMatch;
        return (plan with { Facets = facets, TextMatch = text }, counts);
    }

    private static async Task<int?> ExactTotalAsync(DiplomacyDbContext db, FilterPlan plan, Dictionary<(string Kind, string Value), int> counts, CancellationToken cancellationToken)
    {
        if (plan.TextMatch is not null)
        {
            return null;
        }

        if (plan.Facets.Count == 1 && plan.Facets[0].Values.Count == 1 && !plan.HasRange)
        {
            return counts[(plan.Facets[0].Kind, plan.Facets[0].Values[0])];
        }

        if (plan.Facets.Count > 0)
        {
            return null;
        }

        if (!plan.HasRange)
        {
            return await db.FilterCounts.AsNoTracking().Where(c => c.Kind == FacetKind.All).Select(c => (int?)c.Count).SingleOrDefaultAsync(cancellationToken) ?? 0;
        }

        // A year range: the sum of its years (ranges are whole years; an unknown date is in none).
        var years = await db.FilterCounts.AsNoTracking().Where(c => c.Kind == FacetKind.Year && c.Value != EventStatistics.UnknownYear).ToListAsync(cancellationToken);
        var (from, to) = (plan.FromKey ?? int.MinValue, plan.ToKey ?? int.MaxValue);
        return years.Where(y => int.TryParse(y.Value, System.Globalization.CultureInfo.InvariantCulture, out var year) && year * 10000 >= from && year * 10000 <= to).Sum(y => y.Count);
    }

    /// <summary>A filter's event ids in timeline order: a LINQ query over Events, or SQL over EventFacets / EventText.</summary>
    private sealed class OrderedIds
    {
        private readonly IQueryable<int>? linq;
        private readonly string driver = string.Empty;
        private readonly string probes = string.Empty;
        private readonly string order = string.Empty;
        private readonly object[] arguments = [];

        // PostgreSQL with a search: the walk is capped, and when the cap is reached without a full page the search's
        // own matches (GIN) are read and sorted instead; set once the page needed them, so the count goes there too.
        private readonly OrderedIds? fallback;
        private readonly int walkCap = WalkCap;
        private bool walkFellShort;

        // PostgreSQL, the search's matches: read through the GIN index, never by a scan (see ReadAsync).
        private readonly bool byIndex;

        public OrderedIds(IQueryable<int> linq) => this.linq = linq;

        // SQL, not LINQ, where the plan matters most: EF Core would order the full-text rowids through a CAST (a
        // temporary B-tree over every match) and turn a probe into an IN list of every match. driver: "SELECT key
        // AS k, id AS Value FROM … WHERE …" in the order of its index; probes: the other conditions on k and Value.
        public OrderedIds(string driver, string probes, string order, object[] arguments, OrderedIds? fallback = null, bool byIndex = false, int walkCap = WalkCap) =>
            (this.driver, this.probes, this.order, this.arguments, this.fallback, this.byIndex, this.walkCap) = (driver, probes, order, arguments, fallback, byIndex, walkCap);

        private string Where => probes.Length == 0 ? "" : " WHERE " + probes;

        private string Matching => $"SELECT d.\"Value\" AS \"Value\" FROM ({driver} ORDER BY {order}) d{Where}";

        public async Task<IReadOnlyList<int>> PageAsync(DiplomacyDbContext db, int skip, int take, CancellationToken cancellationToken)
        {
            if (linq is not null)
            {
                return await linq.Skip(skip).Take(take).ToListAsync(cancellationToken);
            }

            if (fallback is null)
            {
                return (await PageRowsAsync(db, skip, take, cancellationToken)).ConvertAll(r => r.Value);
            }

            // Ten rows walked for each one shown is a search in a tenth of the events; sparser than that (or all in
            // another era: "Putin" is in no event before 2000), the search's own matches are cheaper.
            var cap = Math.Max(walkCap, (skip + take) * 10);
            var ids = await db.Database.SqlQuery<int>(Sql(
                $"SELECT d.\"Value\" AS \"Value\" FROM ({driver} ORDER BY {order} LIMIT {{{arguments.Length}}}) d{Where} LIMIT {{{arguments.Length + 1}}} OFFSET {{{arguments.Length + 2}}}",
                cap, take, skip)).ToListAsync(cancellationToken);
            if (ids.Count == take || await WalkedAsync(db, cap, cancellationToken) < cap)
            {
                return ids;
            }

            walkFellShort = true;
            return await fallback.PageAsync(db, skip, take, cancellationToken);
        }

        // How many rows the walk has, up to cap: the driver alone, an index-only range.
        private Task<int> WalkedAsync(DiplomacyDbContext db, int cap, CancellationToken cancellationToken) =>
            db.Database.SqlQuery<int>(Sql($"SELECT COUNT(*) AS \"Value\" FROM ({driver} LIMIT {{{arguments.Length}}}) d", cap)).SingleAsync(cancellationToken);

        /// <summary>
        /// A page and the count of <see cref="CountAsync"/>, with the count left out where the page already says it:
        /// a page that is not full ends the walk (the total is exact), and a full page whose last row lies beyond the
        /// rows the count would examine means that count could only say "at least the page". The first page of a
        /// combination whose matches are sparse in its walk is then the page and one index-only count, not the page
        /// and a second walk over the same rows.
        /// </summary>
        public async Task<(IReadOnlyList<int> Ids, int Count, bool IsExact)> PageAndCountAsync(DiplomacyDbContext db, int skip, int take, int limit, CancellationToken cancellationToken)
        {
            if (linq is not null || fallback is not null || probes.Length == 0 || take == 0)
            {
                IReadOnlyList<int> page = take == 0 ? [] : await PageAsync(db, skip, take, cancellationToken);
                var (count, exact) = await CountAsync(db, limit, cancellationToken);
                return (page, count, exact);
            }

            var rows = await PageRowsAsync(db, skip, take, cancellationToken);
            var ids = rows.ConvertAll(r => r.Value);
            if (rows.Count > 0 && rows.Count < take)
            {
                return (ids, skip + rows.Count, true);
            }

            var examinedLimit = Math.Max(ExaminedLimit, 2 * limit);
            if (rows.Count == take)
            {
                var last = rows[^1];
                var walkedToLast = await ReadAsync(db, () => db.Database.SqlQuery<int>(Sql(
                    $"SELECT COUNT(*) AS \"Value\" FROM ({driver} ORDER BY {order} LIMIT {{{arguments.Length}}}) d WHERE d.k < {{{arguments.Length + 1}}} OR (d.k = {{{arguments.Length + 1}}} AND d.\"Value\" <= {{{arguments.Length + 2}}})",
                    examinedLimit, last.Key, last.Value)).SingleAsync(cancellationToken), cancellationToken);
                if (walkedToLast >= examinedLimit)
                {
                    return (ids, skip + ids.Count, false);
                }
            }

            var (counted, isExact) = await CountAsync(db, limit, cancellationToken);
            return (ids, counted, isExact);
        }

        /// <summary>A row of a walk: its position in timeline order (the driver's key) and the event's id.</summary>
        private sealed record WalkedRow(long Key, int Value);

        // The page's rows of the whole walk (no cap), each with its key, so that the caller can tell how far it went.
        private Task<List<WalkedRow>> PageRowsAsync(DiplomacyDbContext db, int skip, int take, CancellationToken cancellationToken) =>
            ReadAsync(db, () => db.Database.SqlQuery<WalkedRow>(Sql(
                $"SELECT CAST(d.k AS bigint) AS \"Key\", d.\"Value\" AS \"Value\" FROM ({driver} ORDER BY {order}) d{Where} LIMIT {{{arguments.Length}}} OFFSET {{{arguments.Length + 1}}}",
                take, skip)).ToListAsync(cancellationToken), cancellationToken);

        /// <summary>
        /// Counts up to <paramref name="limit"/> matches among the first <see cref="ExaminedLimit"/> rows (or twice
        /// the limit, so that the last page of a deep walk can know its total) of the
        /// walk; the count is exact when neither bound was reached.
        /// </summary>
        public async Task<(int Count, bool IsExact)> CountAsync(DiplomacyDbContext db, int limit, CancellationToken cancellationToken)
        {
            if (linq is not null)
            {
                var count = await linq.Take(limit).CountAsync(cancellationToken);
                return (count, count < limit);
            }

            // The walk could not fill the page: count the search's matches (bounded by them, not by the events).
            if (fallback is not null && walkFellShort)
            {
                return await fallback.CountAsync(db, limit, cancellationToken);
            }

            // Without probes every row walked is a match: the walk is bounded by the limit alone.
            var examinedLimit = Math.Max(ExaminedLimit, 2 * limit);
            var walked = $"({driver} ORDER BY {order} LIMIT {{{arguments.Length}}}) d";
            var hits = await ReadAsync(db, () => db.Database.SqlQuery<int>(Sql(
                $"SELECT COUNT(*) AS \"Value\" FROM (SELECT 1 FROM {walked}{Where} LIMIT {{{arguments.Length + 1}}}) c",
                probes.Length == 0 ? limit : examinedLimit, limit)).SingleAsync(cancellationToken), cancellationToken);
            if (hits >= limit || probes.Length == 0)
            {
                return (hits, hits < limit);
            }

            return (hits, await ExaminedAsync(db, walked, examinedLimit, cancellationToken) < examinedLimit);
        }

        // How many rows of the walk the count looked at: fewer than its limit means it saw every match.
        private Task<int> ExaminedAsync(DiplomacyDbContext db, string walked, int examinedLimit, CancellationToken cancellationToken) =>
            ReadAsync(db, () => db.Database.SqlQuery<int>(Sql($"SELECT COUNT(*) AS \"Value\" FROM {walked}", examinedLimit)).SingleAsync(cancellationToken), cancellationToken);

        // The planner prices a scan of EventText by its pages, not by unpacking each row's tsvector to test it, and so
        // scans for a word in a third of the events (800 ms at 100,000 events) where the GIN index takes 50 ms. A
        // transaction of its own confines the setting to this read.
        private async Task<T> ReadAsync<T>(DiplomacyDbContext db, Func<Task<T>> read, CancellationToken cancellationToken)
        {
            if (!byIndex || db.Database.CurrentTransaction is not null)
            {
                return await read();
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off", cancellationToken);
            return await read();
        }

        /// <summary>All of them, to compose into another query (in no particular order).</summary>
        public IQueryable<int> All(DiplomacyDbContext db) => fallback?.All(db) ?? linq ?? db.Database.SqlQuery<int>(Sql(Matching));

        private FormattableString Sql(string format, params object[] more) =>
            System.Runtime.CompilerServices.FormattableStringFactory.Create(format, [.. arguments, .. more]);
    }

    private static OrderedIds Ordered(DiplomacyDbContext db, FilterPlan plan, Dictionary<(string Kind, string Value), int> counts)
    {
        if (plan.Facets.Count == 0 && plan.TextMatch is null)
        {
            var (from, to) = (plan.FromKey ?? int.MinValue, plan.ToKey ?? int.MaxValue);
            return new OrderedIds(db.Events.AsNoTracking()
                .Where(e => !e.IsDeleted && e.SortKey >= from && e.SortKey <= to)
                .OrderBy(e => e.SortKey).ThenBy(e => e.Id)
                .Select(e => e.Id));
        }

        // A search is always the walk's start, the facet conditions probes by full key: FTS5 yields its matches in
        // rowid (timeline) order cheaply, but testing one rowid against a prefix search ("energy"*, as the box sends
        // the last word, when SearchPrefixes could not turn it into words) merges every matching word's list again,
        // milliseconds a row.
        if (plan.TextMatch is { } match)
        {
            return db.Database.IsNpgsql() ? FromFacetProbingText(plan, counts, match) : FromText(db, plan, match);
        }

        return FromFacet(plan, Rarest(plan, counts), postgres: db.Database.IsNpgsql());
    }

    private static FacetCondition Rarest(FilterPlan plan, Dictionary<(string Kind, string Value), int> counts)
    {
        int Size(FacetCondition facet) => facet.Values.Sum(v => counts.GetValueOrDefault((facet.Kind, v)));
        return plan.Facets.OrderBy(Size).First();
    }

    // PostgreSQL has no FTS5 rowid walk: GIN yields matches in heap order, so a search in timeline order is either
    // "walk the events in order and test each" (cheap for a common word, every event for a rare one) or "read every
    // match and sort" (cheap for a rare word, every match for a common one), and the planner, which assumes a word is
    // spread evenly through time, picks wrongly for words of one era. So: walk the rarest facet (or all events) in
    // timeline order with the search as a probe by key, capped; when the cap is reached first, read the matches.
    private static OrderedIds FromFacetProbingText(FilterPlan plan, Dictionary<(string Kind, string Value), int> counts, TextQuery match)
    {
        var start = plan.Facets.Count > 0 ? Rarest(plan, counts) : new FacetCondition(FacetKind.All, [string.Empty]);
        return FromFacet(plan, start, postgres: true, match, Matches(plan, match));
    }

    // The search's matches (GIN), materialised so that the planner cannot turn them back into the ordered walk, in
    // timeline order; the facet conditions are probes by full key.
    private static OrderedIds Matches(FilterPlan plan, TextQuery match)
    {
        var arguments = new List<object>();
        var where = new List<string> { match.ToPostgreSql("t", arguments) };
        if (plan.FromKey is { } from)
        {
            where.Add($"t.\"Key\" >= {Argument(arguments, from * Factor)}");
        }

        if (plan.ToKey is { } to)
        {
            where.Add($"t.\"Key\" <= {Argument(arguments, (to * Factor) + Factor - 1)}");
        }

        var probes = plan.Facets.Select(facet => FacetProbe(facet, arguments, fence: true));
        return new OrderedIds(
            $"WITH m AS MATERIALIZED (SELECT t.\"Key\" FROM \"EventText\" t WHERE {string.Join(" AND ", where)}) SELECT CAST(m.\"Key\" / {Factor} AS integer) AS k, CAST(m.\"Key\" % {Factor} AS integer) AS \"Value\" FROM m",
            string.Join(" AND ", probes),
            "m.\"Key\"",
            [.. arguments],
            byIndex: true);
    }

    // "Is event (d.k, d.Value) in this facet?" by EventFacets' full key. fence (PostgreSQL): OFFSET 0 keeps it a probe
    // per row; without it the planner may join it as a hash of every event with that value.
    private static string FacetProbe(FacetCondition facet, List<object> arguments, bool fence) =>
        $"EXISTS (SELECT 1 FROM \"EventFacets\" g WHERE {Condition("g", facet, arguments)} AND g.\"EventSortKey\" = d.k AND g.\"EventId\" = d.\"Value\"{(fence ? " OFFSET 0" : "")})";

    // "g.Kind = {0} AND g.Value IN ({1}, {2})", its arguments added to the list.
    private static string Condition(string alias, FacetCondition facet, List<object> arguments)
    {
        arguments.Add(facet.Kind);
        var kind = arguments.Count - 1;
        var values = new List<string>();
        foreach (var value in facet.Values)
        {
            arguments.Add(value);
            values.Add($"{{{arguments.Count - 1}}}");
        }

        return values.Count == 1
            ? $"{alias}.\"Kind\" = {{{kind}}} AND {alias}.\"Value\" = {values[0]}"
            : $"{alias}.\"Kind\" = {{{kind}}} AND {alias}.\"Value\" IN ({string.Join(", ", values)})";
    }

    private static string Argument(List<object> arguments, object value)
    {
        arguments.Add(value);
        return $"{{{arguments.Count - 1}}}";
    }

    // The walk starts at the full-text index, whose rowids are in timeline order (SortKey × Factor + Id); each facet
    // condition is a probe by EventFacets' full key.
    private static OrderedIds FromText(DiplomacyDbContext db, FilterPlan plan, TextQuery match)
    {
        var arguments = new List<object>();
        var search = TextSearch.For(db, match, arguments);
        var where = new List<string> { search.Condition };
        if (plan.FromKey is { } from)
        {
            where.Add($"{search.Key} >= {Argument(arguments, from * Factor)}");
        }

        if (plan.ToKey is { } to)
        {
            where.Add($"{search.Key} <= {Argument(arguments, (to * Factor) + Factor - 1)}");
        }

        var probes = plan.Facets.Select(facet =>
            $"EXISTS (SELECT 1 FROM \"EventFacets\" g WHERE {Condition("g", facet, arguments)} AND g.\"EventSortKey\" = d.k / {Factor} AND g.\"EventId\" = d.\"Value\")");
        return new OrderedIds(
            $"SELECT {search.Key} AS k, CAST({search.Key} % {Factor} AS INTEGER) AS \"Value\" FROM {search.From} WHERE {string.Join(" AND ", where)}",
            string.Join(" AND ", probes),
            search.Key,
            [.. arguments]);
    }

    // The walk starts at the rarest condition's EventFacets range, in timeline order; the other conditions are probes
    // by full key, and so is a search on PostgreSQL (EventText by its key), with the walk capped and
    // <paramref name="fallback"/> for when the cap is reached.
    private static OrderedIds FromFacet(FilterPlan plan, FacetCondition start, bool postgres, TextQuery? match = null, OrderedIds? fallback = null)
    {
        var arguments = new List<object>();
        var where = new List<string> { Condition("f", start, arguments) };
        if (plan.FromKey is { } from)
        {
            where.Add($"f.\"EventSortKey\" >= {Argument(arguments, from)}");
        }

        if (plan.ToKey is { } to)
        {
            where.Add($"f.\"EventSortKey\" <= {Argument(arguments, to)}");
        }

        var probes = plan.Facets.Where(f => !ReferenceEquals(f, start)).Select(facet => FacetProbe(facet, arguments, fence: postgres)).ToList();
        if (match is not null)
        {
            probes.Add($"EXISTS (SELECT 1 FROM \"EventText\" t WHERE t.\"Key\" = CAST(d.k AS bigint) * {Factor} + d.\"Value\" AND {match.ToPostgreSql("t", arguments)} OFFSET 0)");
        }

        return new OrderedIds(
            $"SELECT f.\"EventSortKey\" AS k, f.\"EventId\" AS \"Value\" FROM \"EventFacets\" f WHERE {string.Join(" AND ", where)}",
            string.Join(" AND ", probes),
            "f.\"EventSortKey\", f.\"EventId\"",
            [.. arguments],
            fallback,
            walkCap: plan.Facets.Count > 1 ? WalkCapWithFilters : WalkCap);
    }

    // Facet values compare as the database does: case-insensitively (NOCASE).
    private sealed class KeyComparer : IEqualityComparer<(string Kind, string Value)>
    {
        public static KeyComparer Instance { get; } = new();

        public bool Equals((string Kind, string Value) x, (string Kind, string Value) y) =>
            x.Kind == y.Kind && string.Equals(x.Value, y.Value, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Kind, string Value) obj) => HashCode.Combine(obj.Kind, StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Value));
    }
}
