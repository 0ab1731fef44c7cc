using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Tests.Browse;
using DiplomacyTracker.Tests.Editing;
using DiplomacyTracker.Web.Features.Events;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyTracker.Tests.Map;

/// <summary>
/// The seed plus visits that make counting interesting: two legs in one city (counts once), a city typed in another
/// case (the same venue), a city with no place (no coordinates), and a deleted visit (not counted).
/// </summary>
public sealed class VenueApp : EditingApp
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        async Task<int> CreateAsync(string title, int year, params (string City, string Country)[] legs)
        {
            var draft = await ValidDraftAsync(title, year);
            draft.IgnoreDuplicates = true;
            draft.Legs = legs.Select(l => new LegDraft { City = l.City, Country = l.Country, AttendeeKeys = ["xi"] }).ToList();
            return Assert.IsType<EventCommandResult.Saved>(await Commands.CreateAsync(draft, AdminEmail)).EventId;
        }

        await CreateAsync("Moscow twice, Kazan between", 2041, ("Moscow", "Russia"), ("Kazan", "Russia"), ("Moscow", "Russia"));
        await CreateAsync("Lower-case Moscow", 2042, ("moscow", "russia"));
        await CreateAsync("A town the gazetteer lacks", 2042, ("Zelenogradsk", "Russia"), ("Beijing", "China"));
        await CreateAsync(LongestPlaceTitle, 2043, (LongestCity, LongestCountry));
        var deleted = await CreateAsync("Deleted Sochi visit", 2042, ("Sochi", "Russia"));
        Assert.IsType<EventCommandResult.Saved>(await Commands.SoftDeleteAsync(deleted, AdminEmail));
    }

    public const string LongestPlaceTitle = "A city and country as long as the form allows";

    public static readonly string LongestCity = new('c', EventLeg.PlaceMaxLength);

    public static readonly string LongestCountry = new('k', EventLeg.PlaceMaxLength);
}

public sealed class VenueCountsTests(VenueApp app) : IClassFixture<VenueApp>
{
    public static TheoryData<string> FilterQueries =>
    [
        "",
        "year=2042",
        "yearFrom=2020",
        "yearTo=2023",
        "venue=Russia",
        "venue=moscow",
        "venue=Harbin",
        "participant=xi-jinping",
        "participant=dmitry-medvedev",
        "xiputin=true",
        "type=StateVisit",
        "topic=ukraine",
        "q=partnership",
        "venue=Beijing&year=2024",
        "xiputin=true&yearFrom=2023&q=partnership",
        "venue=Nowhere",
    ];

    [Theory]
    [MemberData(nameof(FilterQueries))]
    public async Task Counts_distinct_matching_events_per_city_with_its_place_most_first(string queryString)
    {
        var filter = EventFilterQuery.Parse(QueryHelpers.ParseQuery(queryString)).Filter;
        Dictionary<(string, string), int> expected;
        List<Data.Places.Place> places;
        await using (var db = app.CreateDbContext())
        {
            expected = (await EventOracle.LoadAsync(db)).VenueCounts(filter);
            places = await db.Places.AsNoTracking().ToListAsync();
        }

        var venues = await app.Services.GetRequiredService<VenueCounts>().CountAsync(filter);

        Assert.Equal(expected, venues.ToDictionary(v => (v.City.ToUpperInvariant(), v.Country.ToUpperInvariant()), v => v.Events));
        Assert.Equal(venues.OrderByDescending(v => v.Events).Select(v => v.Events), venues.Select(v => v.Events));
        foreach (var venue in venues)
        {
            var place = places.SingleOrDefault(p => string.Equals(p.City, venue.City, StringComparison.OrdinalIgnoreCase) && string.Equals(p.Country, venue.Country, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(place?.Latitude, venue.Latitude);
            Assert.Equal(place?.Longitude, venue.Longitude);
        }
    }

    [Fact]
    public async Task The_map_page_lists_venues_without_coordinates_and_reads_bad_filters_as_a_warning_not_an_error()
    {
        using var client = app.CreateClient();

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/map?year=2042"));
        Assert.Contains("Not on the map (no coordinates recorded yet): Zelenogradsk, Russia.", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Beijing, China: 1 event\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"Zelenogradsk", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/?year=2042&venue=Beijing\"", html, StringComparison.Ordinal);

        var bad = await client.GetAsync("/map?year=soon");
        Assert.Equal(System.Net.HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("were not understood", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visit_with_two_legs_in_one_city_counts_once_and_a_city_without_a_place_has_no_point()
    {
        var venues = await app.Services.GetRequiredService<VenueCounts>().CountAsync(new EventFilter { YearFrom = 2041, YearTo = 2042 });

        // 2041: Moscow (two legs) and Kazan; 2042: "moscow", and Zelenogradsk with Beijing; the deleted Sochi visit not at all.
        var moscow = Assert.Single(venues, v => v.City.Equals("Moscow", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, moscow.Events);
        Assert.True(moscow.HasPoint);
        Assert.Equal(moscow, venues[0]);
        var zelenogradsk = Assert.Single(venues, v => v.City == "Zelenogradsk");
        Assert.Equal(1, zelenogradsk.Events);
        Assert.False(zelenogradsk.HasPoint);
        Assert.DoesNotContain(venues, v => v.City == "Sochi");
        Assert.Equal(4, venues.Count);
    }

    [Fact]
    public async Task The_overview_of_everything_counts_each_citys_visits_once_and_its_legs_each_and_leaves_deleted_visits_out()
    {
        List<Event> live;
        await using (var db = app.CreateDbContext())
        {
            var oracle = await EventOracle.LoadAsync(db);
            var ids = oracle.Expected(new EventFilter()).ToHashSet();
            live = oracle.All.Where(e => ids.Contains(e.Id)).ToList();
        }

        var overview = await app.Services.GetRequiredService<EventStatistics>().GetOverviewAsync(new EventFilter());

        var expected = live.SelectMany(e => e.Legs.Select(l => (e.Id, City: l.City.ToUpperInvariant(), Country: l.Country.ToUpperInvariant())))
            .GroupBy(l => (l.City, l.Country))
            .ToDictionary(g => g.Key, g => (Events: g.Select(l => l.Id).Distinct().Count(), Legs: g.Count()));
        Assert.Equal(expected, overview.Cities.ToDictionary(c => (c.City.ToUpperInvariant(), c.Country.ToUpperInvariant()), c => (c.Events, c.Legs)));
        // "Moscow twice, Kazan between" and "Lower-case Moscow" among them: two legs there, one visit.
        Assert.Contains(overview.Cities, c => c.City.Equals("Moscow", StringComparison.OrdinalIgnoreCase) && c.Legs > c.Events);
        Assert.Equal(live.Count(e => e.Legs.Count > 1), overview.MultiLegVisitCount);
    }

    [Fact]
    public async Task A_city_and_a_country_as_long_as_the_form_allows_are_counted_on_the_overview_and_the_map()
    {
        var overview = await app.Services.GetRequiredService<EventStatistics>().GetOverviewAsync(new EventFilter());
        var city = Assert.Single(overview.Cities, c => c.City == VenueApp.LongestCity);
        Assert.Equal((VenueApp.LongestCountry, 1, 1), (city.Country, city.Events, city.Legs));

        var venues = await app.Services.GetRequiredService<VenueCounts>().CountAsync(new EventFilter());
        Assert.Equal(1, Assert.Single(venues, v => v.City == VenueApp.LongestCity).Events);
    }
}
