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

    /// <summary>A combination's count looks at no more than this many rows of its walk (work bounded like a page's).</summary>
    public const int ExaminedLimit = 2000;

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
        IReadOnlyList<int> ids = (exact is { } known && skip >= known) || take == 0 ? [] : await ordered.PageAsync(db, skip, take, cancellationToken);
        if (exact is { } total)
        {
            return new IndexedPage(ids, total, true);
        }

        var bound = Math.Max(CountLimit, skip + take) + 1;
        var (counted, isExact) = await ordered.CountAsync(db, bound, cancellationToken);
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
        return facets.Any(f => f.Values.Count == 0) ? (null, counts) : (plan with { Facets = facets }, counts);
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

        public OrderedIds(IQueryable<int> linq) => this.linq = linq;

        // SQL, not LINQ, where the plan matters most: EF Core would order the full-text rowids through a CAST (a
        // temporary B-tree over every match) and turn a probe into an IN list of every match. driver: "SELECT key
        // AS k, id AS Value FROM … WHERE …" in the order of its index; probes: the other conditions on k and Value.
        public OrderedIds(string driver, string probes, string order, object[] arguments) =>
            (this.driver, this.probes, this.order, this.arguments) = (driver, probes, order, arguments);

        private string Matching => $"SELECT d.Value AS \"Value\" FROM ({driver} ORDER BY {order}) d{(probes.Length == 0 ? "" : " WHERE " + probes)}";

        public async Task<IReadOnlyList<int>> PageAsync(DiplomacyDbContext db, int skip, int take, CancellationToken cancellationToken) =>
            linq is not null
                ? await linq.Skip(skip).Take(take).ToListAsync(cancellationToken)
                : await db.Database.SqlQuery<int>(Sql($"{Matching} LIMIT {{{arguments.Length}}} OFFSET {{{arguments.Length + 1}}}", take, skip)).ToListAsync(cancellationToken);

        /// <summary>
        /// Counts up to <paramref name="limit"/> matches among the first <see cref="ExaminedLimit"/> rows of the
        /// walk; the count is exact when neither bound was reached.
        /// </summary>
        public async Task<(int Count, bool IsExact)> CountAsync(DiplomacyDbContext db, int limit, CancellationToken cancellationToken)
        {
            if (linq is not null)
            {
                var count = await linq.Take(limit).CountAsync(cancellationToken);
                return (count, count < limit);
            }

            var walked = $"({driver} ORDER BY {order} LIMIT {{{arguments.Length}}}) d";
            var hits = await db.Database.SqlQuery<int>(Sql(
                $"SELECT COUNT(*) AS \"Value\" FROM (SELECT 1 FROM {walked}{(probes.Length == 0 ? "" : " WHERE " + probes)} LIMIT {{{arguments.Length + 1}}}) c",
                ExaminedLimit, limit)).SingleAsync(cancellationToken);
            if (hits >= limit || probes.Length == 0)
            {
                return (hits, hits < limit);
            }

            var examined = await db.Database.SqlQuery<int>(Sql($"SELECT COUNT(*) AS \"Value\" FROM {walked}", ExaminedLimit)).SingleAsync(cancellationToken);
            return (hits, examined < ExaminedLimit);
        }

        /// <summary>All of them, to compose into another query (in no particular order).</summary>
        public IQueryable<int> All(DiplomacyDbContext db) => linq ?? db.Database.SqlQuery<int>(Sql(Matching));

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
        // the last word) merges every matching word's list again, milliseconds a row.
        if (plan.TextMatch is { } match)
        {
            return FromText(db, plan, match);
        }

        int Size(FacetCondition facet) => facet.Values.Sum(v => counts.GetValueOrDefault((facet.Kind, v)));
        var rarest = plan.Facets.OrderBy(Size).First();
        return FromFacet(plan, rarest);
    }

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
            $"EXISTS (SELECT 1 FROM \"EventFacets\" g WHERE {Condition("g", facet, arguments)} AND g.\"EventSortKey\" = d.k / {Factor} AND g.\"EventId\" = d.Value)");
        return new OrderedIds(
            $"SELECT {search.Key} AS k, CAST({search.Key} % {Factor} AS INTEGER) AS Value FROM {search.From} WHERE {string.Join(" AND ", where)}",
            string.Join(" AND ", probes),
            search.Key,
            [.. arguments]);
    }

    // The walk starts at the rarest condition's EventFacets range, in timeline order; the other conditions, and the
    // search, are probes by full key (the search: FTS5 with its rowid given).
    private static OrderedIds FromFacet(FilterPlan plan, FacetCondition start)
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

        var probes = plan.Facets.Where(f => !ReferenceEquals(f, start)).Select(facet =>
            $"EXISTS (SELECT 1 FROM \"EventFacets\" g WHERE {Condition("g", facet, arguments)} AND g.\"EventSortKey\" = d.k AND g.\"EventId\" = d.Value)").ToList();
        return new OrderedIds(
            $"SELECT f.\"EventSortKey\" AS k, f.\"EventId\" AS Value FROM \"EventFacets\" f WHERE {string.Join(" AND ", where)}",
            string.Join(" AND ", probes),
            "f.\"EventSortKey\", f.\"EventId\"",
            [.. arguments]);
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
