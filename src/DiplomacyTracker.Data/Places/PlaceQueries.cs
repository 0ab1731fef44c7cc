using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Data.Places;

/// <summary>Read side of places. Each call opens and disposes its own context.</summary>
public sealed class PlaceQueries(IDbContextFactory<DiplomacyDbContext> contextFactory)
{
    /// <summary>Every city and country a place is recorded for: the editor asks for coordinates only for the others.</summary>
    public async Task<KnownPlaces> GetKnownAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var places = await db.Places.AsNoTracking().Select(p => new { p.City, p.Country }).ToListAsync(cancellationToken);
        return new KnownPlaces(places.Select(p => Key(p.City, p.Country)));
    }

    /// <summary>One string per city and country, compared ignoring case.</summary>
    internal static string Key(string city, string country) => city.Trim() + "\n" + country.Trim();
}

/// <summary>The cities (with their countries) that have a place, compared ignoring case and surrounding spaces.</summary>
public sealed class KnownPlaces(IEnumerable<string> keys)
{
    private readonly HashSet<string> keys = keys.ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static KnownPlaces Of(params (string City, string Country)[] places) => new(places.Select(p => PlaceQueries.Key(p.City, p.Country)));

    public bool Contains(string? city, string? country) =>
        !string.IsNullOrWhiteSpace(city) && !string.IsNullOrWhiteSpace(country) && keys.Contains(PlaceQueries.Key(city, country));
}
