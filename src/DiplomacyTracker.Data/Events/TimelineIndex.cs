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

    // A search matching fewer events than this (and fewer than every facet condition) is the walk's starting point.
    private const int TextDriveLimit = 2000;

    private const long Factor = DerivedTables.OrderKeyFactor;

    public static async Task<IndexedPage> ReadAsync(DiplomacyDbContext db, FilterPlan plan, int skip, int take, CancellationToken cancellationToken)
    {
        var (narrowed, counts) = await NarrowAsync(db, plan, cancellationToken);
        if (narrowed is null)
        {
            return new IndexedPage([], 0, true);
        }

        var exact = await ExactTotalAsync(db, narrowed, counts, cancellationToken);
        var ordered = await OrderedIdsAsync(db, narrowed, counts, cancellationToken);
        IReadOnlyList<int> ids = exact is { } known && skip >= known ? [] : await ordered.Skip(skip).Take(take).ToListAsync(cancellationToken);
        if (exact is { } total)
        {
            return new IndexedPage(ids, total, true);
        }

        var bound = Math.Max(CountLimit, skip + take) + 1;
        var counted = await ordered.Take(bound).CountAsync(cancellationToken);
        return counted < bound ? new IndexedPage(ids, counted, true) : new IndexedPage(ids, bound - 1, false);
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
        return narrowed is null ? null : await OrderedIdsAsync(db, narrowed, counts, cancellationToken);
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

    private static async Task<IQueryable<int>> OrderedIdsAsync(DiplomacyDbContext db, FilterPlan plan, Dictionary<(string Kind, string Value), int> counts, CancellationToken cancellationToken)
    {
        if (plan.Facets.Count == 0 && plan.TextMatch is null)
        {
            var (from, to) = (plan.FromKey ?? int.MinValue, plan.ToKey ?? int.MaxValue);
            return db.Events.AsNoTracking()
                .Where(e => !e.IsDeleted && e.SortKey >= from && e.SortKey <= to)
                .OrderBy(e => e.SortKey).ThenBy(e => e.Id)
                .Select(e => e.Id);
        }

        int Size(FacetCondition facet) => facet.Values.Sum(v => counts.GetValueOrDefault((facet.Kind, v)));
        var rarest = plan.Facets.OrderBy(Size).FirstOrDefault();
        if (plan.TextMatch is { } match
            && (rarest is null || await FilterPlan.TextMatches(db, match).Take(TextDriveLimit).CountAsync(cancellationToken) is var found && found < TextDriveLimit && found <= Size(rarest)))
        {
            return FromText(db, plan, match);
        }

        return FromFacet(db, plan, rarest!);
    }

    // The walk starts at the full-text index, whose rowids are in timeline order (SortKey × Factor + Id).
    private static IQueryable<int> FromText(DiplomacyDbContext db, FilterPlan plan, string match)
    {
        var rows = FilterPlan.TextMatches(db, match);
        if (plan.FromKey is { } from)
        {
            var low = from * Factor;
            rows = rows.Where(k => k >= low);
        }

        if (plan.ToKey is { } to)
        {
            var high = (to * Factor) + Factor - 1;
            rows = rows.Where(k => k <= high);
        }

        foreach (var facet in plan.Facets)
        {
            var (kind, values) = (facet.Kind, facet.Values);
            rows = values.Count == 1
                ? rows.Where(k => db.EventFacets.Any(f => f.Kind == kind && f.Value == values[0] && f.EventSortKey == (int)(k / Factor) && f.EventId == (int)(k % Factor)))
                : rows.Where(k => db.EventFacets.Any(f => f.Kind == kind && values.Contains(f.Value) && f.EventSortKey == (int)(k / Factor) && f.EventId == (int)(k % Factor)));
        }

        return rows.OrderBy(k => k).Select(k => (int)(k % Factor));
    }

    // The walk starts at the rarest condition's EventFacets range, in timeline order; the others are probes by the full key.
    private static IQueryable<int> FromFacet(DiplomacyDbContext db, FilterPlan plan, FacetCondition start)
    {
        var rows = start.Values.Count == 1
            ? db.EventFacets.AsNoTracking().Where(f => f.Kind == start.Kind && f.Value == start.Values[0])
            : db.EventFacets.AsNoTracking().Where(f => f.Kind == start.Kind && start.Values.Contains(f.Value));
        if (plan.FromKey is { } from)
        {
            rows = rows.Where(f => f.EventSortKey >= from);
        }

        if (plan.ToKey is { } to)
        {
            rows = rows.Where(f => f.EventSortKey <= to);
        }

        foreach (var facet in plan.Facets.Where(f => !ReferenceEquals(f, start)))
        {
            var (kind, values) = (facet.Kind, facet.Values);
            rows = values.Count == 1
                ? rows.Where(r => db.EventFacets.Any(f => f.Kind == kind && f.Value == values[0] && f.EventSortKey == r.EventSortKey && f.EventId == r.EventId))
                : rows.Where(r => db.EventFacets.Any(f => f.Kind == kind && values.Contains(f.Value) && f.EventSortKey == r.EventSortKey && f.EventId == r.EventId));
        }

        if (plan.TextMatch is { } match)
        {
            var text = FilterPlan.TextMatches(db, match);
            rows = rows.Where(r => text.Any(k => k == (r.EventSortKey * Factor) + r.EventId));
        }

        return rows.OrderBy(f => f.EventSortKey).ThenBy(f => f.EventId).Select(f => f.EventId);
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
