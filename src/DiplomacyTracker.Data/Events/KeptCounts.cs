using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Data.Events;

/// <summary>
/// The overview's and the map's counts when nothing is filtered, read from the counts the triggers keep
/// (<see cref="FilterCount"/>, <see cref="DerivedTables.CountSourceView"/>): a few hundred rows instead of grouping
/// every leg and participation (27 s for the overview and 5 s for the map at 1,000,000 events). Same figures and
/// order as counting the record (<c>OverviewTests</c> compares them).
/// </summary>
internal static class KeptCounts
{
    public static async Task<Dictionary<string, int>> OfKindAsync(DiplomacyDbContext db, string kind, CancellationToken cancellationToken) =>
        await db.FilterCounts.AsNoTracking()
            .Where(c => c.Kind == kind && c.Count > 0)
            .ToDictionaryAsync(c => c.Value, c => c.Count, StringComparer.OrdinalIgnoreCase, cancellationToken);

    public static async Task<int> TotalAsync(DiplomacyDbContext db, string kind, CancellationToken cancellationToken) =>
        await db.FilterCounts.AsNoTracking().Where(c => c.Kind == kind && c.Value == string.Empty).Select(c => (int?)c.Count).SingleOrDefaultAsync(cancellationToken) ?? 0;

    /// <summary>Events per city with their legs there, most events first.</summary>
    public static async Task<IReadOnlyList<CityCount>> CitiesAsync(DiplomacyDbContext db, CancellationToken cancellationToken)
    {
        var events = await OfKindAsync(db, FacetKind.City, cancellationToken);
        var legs = await OfKindAsync(db, FacetKind.CityLegs, cancellationToken);
        return events
            .Select(c => (Place: c.Key.Split(FacetKind.CitySeparator), Events: c.Value, Legs: legs.GetValueOrDefault(c.Key)))
            .Select(c => new CityCount(c.Place[0], c.Place[1], c.Events, c.Legs))
            .OrderByDescending(c => c.Events).ThenBy(c => c.City, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The <paramref name="top"/> pairs of people who took part in the most events together (ties: lower ids first).</summary>
    public static async Task<IReadOnlyList<(int First, int Second, int Count)>> TopPairsAsync(DiplomacyDbContext db, int top, CancellationToken cancellationToken)
    {
        var pairs = db.FilterCounts.AsNoTracking().Where(c => c.Kind == FacetKind.Pair && c.Count > 0);
        // Every pair tied with the last one shown, so the ties are broken by id here as counting the record does.
        var last = await pairs.OrderByDescending(c => c.Count).Skip(top - 1).Select(c => (int?)c.Count).FirstOrDefaultAsync(cancellationToken) ?? 0;
        var rows = await pairs.Where(c => c.Count >= last).ToListAsync(cancellationToken);
        return rows
            .Select(c => (Ids: c.Value.Split(','), c.Count))
            .Select(c => (int.Parse(c.Ids[0], CultureInfo.InvariantCulture), int.Parse(c.Ids[1], CultureInfo.InvariantCulture), c.Count))
            .OrderByDescending(p => p.Item3).ThenBy(p => p.Item1).ThenBy(p => p.Item2)
            .Take(top)
            .ToList();
    }

    /// <summary>The kept counts of one kind as choices, most first, then by label.</summary>
    public static IReadOnlyList<CountedValue> MostFirst(Dictionary<string, int> counts, Func<string, string> label) =>
        counts.Select(c => new CountedValue(label(c.Key), label(c.Key), c.Value))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.OrdinalIgnoreCase)
            .ToList();

}
