using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Places;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Data.Events;

/// <summary>How many events were held in each city, for the map. Each call opens and disposes its own context.</summary>
public sealed class VenueCounts(IDbContextFactory<DiplomacyDbContext> contextFactory, NameIndex nameIndex, ReadCache cache)
{
    public Task<IReadOnlyList<VenueCount>> CountAsync(EventFilter filter, CancellationToken cancellationToken = default) =>
        cache.GetOrReadAsync("venue-counts", filter, () => ReadCountsAsync(filter, cancellationToken));

    /// <summary>
    /// Every city (with its country) a leg of an event matching <paramref name="filter"/> was held in, with the number
    /// of distinct such events (a visit with two legs in one city counts once), most events first, then by name.
    /// </summary>
    private async Task<IReadOnlyList<VenueCount>> ReadCountsAsync(EventFilter filter, CancellationToken cancellationToken)
    {
        var names = await nameIndex.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var plan = FilterPlan.For(filter, names);
        if (plan.IsEmpty)
        {
            return await ReadKeptAsync(db, cancellationToken);
        }

        var matching = plan.Apply(db, db.Events.AsNoTracking()).Select(e => e.Id);
        // City and Country are NOCASE in both tables: "moscow" and "Moscow" group together and find the same place.
        var legs = db.EventLegs.IgnoreQueryFilters().AsNoTracking().Where(l => matching.Contains(l.EventId));
        if (filter.XiPutinOnly)
        {
            // Where they met, not every stop of the visit (the venue filter then lists the same events).
            var meetingLegs = EventQueries.XiPutinLegs(db);
            legs = legs.Where(l => meetingLegs.Contains(l.Id));
        }

        var counts = await legs
            .GroupBy(l => new { l.City, l.Country })
            .Select(g => new
            {
                g.Key.City,
                g.Key.Country,
                Events = g.Select(l => l.EventId).Distinct().Count(),
                Place = db.Places.Where(p => p.City == g.Key.City && p.Country == g.Key.Country).Select(p => new { p.Latitude, p.Longitude }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return counts
            .Select(c => new VenueCount(c.City, c.Country, c.Events, c.Place?.Latitude, c.Place?.Longitude))
            .OrderByDescending(c => c.Events)
            .ThenBy(c => c.City, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.Country, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    // Every live event: the kept counts per city (KeptCounts), placed through the gazetteer.
    private static async Task<IReadOnlyList<VenueCount>> ReadKeptAsync(DiplomacyDbContext db, CancellationToken cancellationToken)
    {
        var cities = await KeptCounts.CitiesAsync(db, cancellationToken);
        var places = (await db.Places.AsNoTracking().Select(p => new { p.City, p.Country, p.Latitude, p.Longitude }).ToListAsync(cancellationToken))
            .DistinctBy(p => FacetKind.CityValue(p.City, p.Country), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(p => FacetKind.CityValue(p.City, p.Country), StringComparer.OrdinalIgnoreCase);
        return cities
            .Select(c => (City: c, Place: places.GetValueOrDefault(FacetKind.CityValue(c.City, c.Country))))
            .Select(c => new VenueCount(c.City.City, c.City.Country, c.City.Events, c.Place?.Latitude, c.Place?.Longitude))
            .OrderByDescending(c => c.Events)
            .ThenBy(c => c.City, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.Country, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
