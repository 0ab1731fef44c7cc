using DiplomacyTracker.Data.Places;
using DiplomacyTracker.Data.Seeding;
using DiplomacyTracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyTracker.Tests.Places;

/// <summary>data/gazetteer.json is one consistent list, every seeded venue is on it, and its seed is insert-only.
/// Its own app and database, because a test edits and deletes seeded places.</summary>
public sealed class GazetteerTests(DiplomacyAppFactory app) : IClassFixture<DiplomacyAppFactory>
{
    private static readonly SeedGazetteer Gazetteer = SeedFile.Load(RepositoryPaths.Data).Gazetteer;

    [Fact]
    public async Task Every_city_a_seeded_event_was_held_in_has_a_place_with_coordinates()
    {
        await using var db = app.CreateDbContext();
        var venues = await db.EventLegs.IgnoreQueryFilters().Select(l => new { l.City, l.Country }).Distinct().ToListAsync();
        var places = await db.Places.ToListAsync();
        Assert.NotEmpty(venues);
        foreach (var venue in venues)
        {
            Assert.True(
                places.Any(p => string.Equals(p.City, venue.City, StringComparison.OrdinalIgnoreCase) && string.Equals(p.Country, venue.Country, StringComparison.OrdinalIgnoreCase)),
                $"{venue.City}, {venue.Country} has no place in data/gazetteer.json.");
        }
    }

    [Fact]
    public async Task Every_gazetteer_place_is_seeded_once_with_its_coordinates()
    {
        await using var db = app.CreateDbContext();
        var places = await db.Places.AsNoTracking().ToListAsync();
        Assert.Equal(Gazetteer.Places.Count, places.Count);
        var moscow = Assert.Single(places, p => p.City == "Moscow");
        Assert.Equal(("Russia", 55.7558, 37.6173), (moscow.Country, moscow.Latitude, moscow.Longitude));
        var known = await app.Services.GetRequiredService<PlaceQueries>().GetKnownAsync();
        Assert.True(known.Contains("saint petersburg", " Russia "));
        Assert.False(known.Contains("Saint Petersburg", "Florida"));
    }

    [Fact]
    public void Places_are_unique_in_known_countries_with_coordinates_on_the_globe_and_names_in_three_scripts()
    {
        var countries = Gazetteer.Countries.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Gazetteer.Countries.Count, countries.Count);
        Assert.Equal(Gazetteer.Places.Count, Gazetteer.Places.Select(p => p.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Gazetteer.Places.Count, Gazetteer.Places.Select(p => (p.City.ToUpperInvariant(), p.Country.ToUpperInvariant())).Distinct().Count());
        foreach (var place in Gazetteer.Places)
        {
            Assert.True(countries.Contains(place.Country), $"{place.City}: country '{place.Country}' is not in the gazetteer's countries.");
            Assert.InRange(place.Latitude, -90, 90);
            Assert.InRange(place.Longitude, -180, 180);
            Assert.True(place.Names?.Ru?.Count > 0 && place.Names.Zh?.Count > 0, $"{place.City} needs its Russian and Chinese names.");
            Assert.All(place.Names!.Ru!, n => Assert.Matches(@"\p{IsCyrillic}", n));
            Assert.All(place.Names.Zh!, n => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", n));
        }

        foreach (var country in Gazetteer.Countries)
        {
            Assert.True(country.Names?.Ru?.Count > 0 && country.Names.Zh?.Count > 0, $"{country.Name} needs its Russian and Chinese names.");
        }

        // Aliases later searches will use: each names one place only.
        var aliases = Gazetteer.Places.SelectMany(p => p.Names!.All.Append(p.City).Select(n => (Name: n.ToUpperInvariant(), p.Key))).Distinct().ToList();
        Assert.Empty(aliases.GroupBy(a => a.Name).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Theory]
    [InlineData("Russia", 41, 82, 19, 180)]
    [InlineData("China", 18, 54, 73, 135)]
    public void Cities_lie_within_their_countrys_bounding_box(string country, double south, double north, double west, double east)
    {
        // Catches latitude and longitude swapped or a sign lost.
        Assert.All(Gazetteer.Places.Where(p => p.Country == country), p =>
        {
            Assert.InRange(p.Latitude, south, north);
            Assert.InRange(p.Longitude, west, east);
        });
    }
}

/// <summary>The gazetteer's seed is insert-only, like the rest of the seed. Its own database: it edits and deletes places.</summary>
public sealed class PlaceSeedRerunTests(DiplomacyAppFactory app) : IClassFixture<DiplomacyAppFactory>
{
    private static readonly SeedGazetteer Gazetteer = SeedFile.Load(RepositoryPaths.Data).Gazetteer;

    [Fact]
    public async Task Starting_again_never_overwrites_or_brings_back_a_place_people_changed()
    {
        await using (var db = app.CreateDbContext())
        {
            var kazan = await db.Places.SingleAsync(p => p.City == "Kazan");
            kazan.Latitude = 55.79;
            db.Places.Remove(await db.Places.SingleAsync(p => p.City == "Lima"));
            await db.SaveChangesAsync();
        }

        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(55.79, (await db.Places.SingleAsync(p => p.City == "Kazan")).Latitude);
            Assert.False(await db.Places.AnyAsync(p => p.City == "Lima"), "A deleted place came back.");
            Assert.Equal(Gazetteer.Places.Count - 1, await db.Places.CountAsync());
        }
    }
}
