using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Testing;
using DiplomacyTracker.Web.Features.Events;
using Microsoft.AspNetCore.WebUtilities;

namespace DiplomacyTracker.Tests.Browse;

/// <summary>Facet counts and the overview's figures against the in-memory oracle, and against the API's own totals.</summary>
public sealed class EventStatisticsTests(DiplomacyAppFactory app) : IClassFixture<DiplomacyAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static TheoryData<string> FilterQueries =>
    [
        "",
        "year=2024",
        "yearFrom=2019&yearTo=2023",
        "venue=Moscow",
        "venue=Russia",
        "participant=xi-jinping",
        "type=StateVisit",
        "topic=ukraine",
        "xiputin=true",
        "q=partnership",
        "venue=Beijing&xiputin=true",
        "participant=vladimir-putin&yearFrom=2020&topic=ukraine",
        "type=StateVisit&venue=China&q=friend",
        "venue=Nowhere",
    ];

    [Theory]
    [MemberData(nameof(FilterQueries))]
    public async Task Each_choice_counts_the_events_it_would_match_with_the_other_filters_kept(string queryString)
    {
        await using var db = app.CreateDbContext();
        var oracle = await EventOracle.LoadAsync(db);
        var filter = EventFilterQuery.Parse(QueryHelpers.ParseQuery(queryString)).Filter;

        using var client = app.CreateClient();
        var facets = (await client.GetFromJsonAsync<EventFacets>("/api/events/facets?" + queryString, Json))!;

        Assert.Equal(oracle.Expected(filter).Count, facets.Total);
        Assert.Equal(oracle.Expected(filter with { XiPutinOnly = true }).Count, facets.XiPutinMeetings);
        Assert.Equal(Expected(oracle.All.Select(e => e.Start.Year?.ToString(CultureInfo.InvariantCulture) ?? EventStatistics.UnknownYear),
                v => filter with { YearFrom = Year(v), YearTo = Year(v) }, oracle, v => v == EventStatistics.UnknownYear ? YearlessMatches(oracle, filter) : null),
            Counts(facets.Years));
        Assert.Equal(Expected(oracle.All.SelectMany(e => e.Legs.SelectMany(l => new[] { l.City, l.Country })), v => filter with { Venue = v }, oracle),
            Counts(facets.Venues));
        Assert.Equal(Expected(oracle.All.SelectMany(e => e.Participants.Select(p => p.Person!.Slug)), v => filter with { Participant = v }, oracle),
            Counts(facets.Participants));
        Assert.Equal(Expected(oracle.All.Select(e => e.Type.ToString()), v => filter with { Type = Enum.Parse<EventType>(v) }, oracle),
            Counts(facets.Types));
        Assert.Equal(Expected(oracle.All.SelectMany(e => e.Topics.Select(t => t.Slug)), v => filter with { Topic = v }, oracle),
            Counts(facets.Topics));
    }

    [Fact]
    public async Task A_choices_count_is_the_total_the_timeline_reports_once_it_is_chosen()
    {
        using var client = app.CreateClient();
        const string others = "yearFrom=2013&xiputin=false";
        var facets = (await client.GetFromJsonAsync<EventFacets>("/api/events/facets?" + others, Json))!;
        Assert.True(facets.IsComplete);
        var choices = facets.Venues!.Select(v => ("venue", v.Value, v.Count))
            .Concat(facets.Participants!.Select(v => ("participant", v.Value, v.Count)))
            .Concat(facets.Types!.Select(v => ("type", v.Value, v.Count)))
            .Concat(facets.Topics!.Select(v => ("topic", v.Value, v.Count)))
            .Concat(facets.Years!.Where(v => v.Value != EventStatistics.UnknownYear).Select(v => ("year", v.Value, v.Count)))
            .ToList();
        Assert.NotEmpty(choices);
        foreach (var (key, value, count) in choices)
        {
            // year=… replaces the yearFrom of the other filters, as choosing a year on the page does.
            var query = key == "year" ? $"year={value}" : $"{others}&{key}={Uri.EscapeDataString(value)}";
            var page = await client.GetFromJsonAsync<JsonElement>("/api/events?" + query);
            Assert.True(count == page.GetProperty("total").GetInt32(), $"{key}={value}: facet says {count}, the list says {page.GetProperty("total").GetInt32()}");
        }
    }

    [Fact]
    public async Task Bad_filters_get_problem_details_not_counts()
    {
        using var client = app.CreateClient();
        foreach (var path in new[] { "/api/events/facets?year=abc", "/api/overview?type=Nonsense" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("xiputin=true")]
    [InlineData("yearFrom=2020&venue=China")]
    [InlineData("participant=xi-jinping&topic=ukraine")]
    public async Task The_overview_counts_the_filtered_events_per_year_place_type_and_person(string queryString)
    {
        await using var db = app.CreateDbContext();
        var oracle = await EventOracle.LoadAsync(db);
        var filter = EventFilterQuery.Parse(QueryHelpers.ParseQuery(queryString)).Filter;
        var ids = oracle.Expected(filter).ToHashSet();
        var events = oracle.All.Where(e => ids.Contains(e.Id)).ToList();

        using var client = app.CreateClient();
        var overview = (await client.GetFromJsonAsync<EventOverview>("/api/overview?" + queryString, Json))!;

        Assert.Equal(events.Count, overview.Total);
        Assert.Equal(
            Tally(events.Select(e => e.Start.Year?.ToString(CultureInfo.InvariantCulture) ?? EventStatistics.UnknownYear)),
            Counts(overview.Years));
        Assert.Equal(Tally(events.Select(e => e.Type.ToString())), Counts(overview.Types));
        Assert.Equal(Tally(events.Select(e => e.HostSide.ToString())), Counts(overview.HostSides));
        // With "only Xi–Putin meetings" the places are where they met (the legs both attended).
        IEnumerable<EventLeg> Places(Event e) => e.Legs.Where(l => !filter.XiPutinOnly || EventOracle.BothAttended(e, l));
        Assert.Equal(Tally(events.SelectMany(e => Places(e).Select(l => l.Country).Distinct(StringComparer.OrdinalIgnoreCase))), Counts(overview.Countries));
        var cities = events.SelectMany(e => Places(e).Select(l => (e.Id, l.City, l.Country)))
            .GroupBy(l => (l.City, l.Country))
            .ToDictionary(g => $"{g.Key.City}, {g.Key.Country}", g => (Events: g.Select(l => l.Id).Distinct().Count(), Legs: g.Count()));
        Assert.Equal(cities.OrderBy(c => c.Key, StringComparer.Ordinal), overview.Cities.ToDictionary(c => $"{c.City}, {c.Country}", c => (c.Events, c.Legs)).OrderBy(c => c.Key, StringComparer.Ordinal));
        // Most frequent first: the first person is the one at the most events.
        var people = Tally(events.SelectMany(e => e.Participants.Select(p => p.Person!.Slug)));
        Assert.All(overview.TopParticipants, p => Assert.Equal(people[p.Value], p.Count));
        Assert.Equal(Math.Min(15, people.Count), overview.TopParticipants.Count);
        Assert.Equal(overview.TopParticipants.OrderByDescending(p => p.Count).Select(p => p.Count), overview.TopParticipants.Select(p => p.Count));

        var pairs = Tally(events.SelectMany(e =>
        {
            var slugs = e.Participants.Select(p => p.Person!.Slug).Distinct().Order(StringComparer.Ordinal).ToArray();
            return slugs.SelectMany((a, i) => slugs.Skip(i + 1).Select(b => $"{a}+{b}"));
        }));
        Assert.All(overview.TopPairs, p =>
        {
            var key = string.CompareOrdinal(p.First.Slug, p.Second.Slug) < 0 ? $"{p.First.Slug}+{p.Second.Slug}" : $"{p.Second.Slug}+{p.First.Slug}";
            Assert.Equal(pairs[key], p.Events);
        });
        Assert.Equal(Math.Min(10, pairs.Count), overview.TopPairs.Count);
        if (pairs.Count > 0)
        {
            Assert.Equal(pairs.Values.Max(), overview.TopPairs[0].Events);
        }

        var multiLeg = events.Where(e => e.Legs.Count > 1).ToList();
        Assert.Equal(multiLeg.Count, overview.MultiLegVisitCount);
        Assert.Equal(multiLeg.Select(e => e.Id).Order(), overview.MultiLegVisits.Select(v => v.Id).Order());
    }

    [Fact]
    public async Task Xi_and_Putin_are_the_pair_who_met_most_in_the_seeded_record()
    {
        using var client = app.CreateClient();
        var overview = (await client.GetFromJsonAsync<EventOverview>("/api/overview", Json))!;
        var top = overview.TopPairs[0];
        Assert.Equal(["vladimir-putin", "xi-jinping"], new[] { top.First.Slug, top.Second.Slug }.Order(StringComparer.Ordinal));
    }

    private static int? Year(string value) => value == EventStatistics.UnknownYear ? null : int.Parse(value, CultureInfo.InvariantCulture);

    // Events of unknown date that the other filters keep (no year filter can select them, so they are counted directly).
    private static int YearlessMatches(EventOracle oracle, EventFilter filter)
    {
        var ids = oracle.Expected(filter with { YearFrom = null, YearTo = null }).ToHashSet();
        return oracle.All.Count(e => ids.Contains(e.Id) && e.Start.Year is null);
    }

    // Every value that occurs in the record, with the number of events the filter would match were it chosen; zero left out.
    private static SortedDictionary<string, int> Expected(IEnumerable<string> values, Func<string, EventFilter> choose, EventOracle oracle, Func<string, int?>? special = null)
    {
        var result = new SortedDictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var count = special?.Invoke(value) ?? oracle.Expected(choose(value)).Count;
            if (count > 0)
            {
                result[value] = count;
            }
        }

        return result;
    }

    private static SortedDictionary<string, int> Tally(IEnumerable<string> values) =>
        new(values.GroupBy(v => v, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);

    // The seeded record is small: every facet is counted on the spot (null would mean "not counted").
    private static SortedDictionary<string, int> Counts(IEnumerable<CountedValue>? values) =>
        new((values ?? throw new Xunit.Sdk.XunitException("A facet was not counted")).ToDictionary(v => v.Value, v => v.Count, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
}
