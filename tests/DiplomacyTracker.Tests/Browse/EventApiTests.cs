using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Testing;
using DiplomacyTracker.Web.Features.Events;
using Microsoft.AspNetCore.WebUtilities;

namespace DiplomacyTracker.Tests.Browse;

public sealed class EventApiTests(DiplomacyAppFactory app) : IClassFixture<DiplomacyAppFactory>
{
    public static TheoryData<string> FilterQueries =>
    [
        "",
        "year=2024",
        "year=2023",
        "yearFrom=2019&yearTo=2022",
        "yearFrom=2022",
        "yearTo=2013",
        "venue=Moscow",
        "venue=beijing",
        "venue=Russia",
        "venue=Harbin",
        "participant=xi-jinping",
        "participant=Sergey Lavrov",
        "participant=dmitry-medvedev",
        "type=StateVisit",
        "type=PartyTalks",
        "type=ForeignMinistersMeeting",
        "topic=ukraine",
        "topic=military",
        "xiputin=true",
        "q=multipolar",
        "q=Harbin expo",
        "q=old friend",
        "q=\"energy (NEAR* :col",
        "q=-Putin OR",
        "q=\u201cspecial relationship\u201d",
        "venue=Beijing&year=2024",
        "venue=Moscow&year=2023&xiputin=true",
        "participant=xi-jinping&type=StateVisit",
        "topic=ukraine&venue=Beijing&q=political",
        "xiputin=true&yearFrom=2023&q=partnership",
        "venue=Nowhere",
        "venue=%",
        "venue=B_ijing",
        "participant=%",
        "participant=Xi%",
    ];

    [Fact]
    public async Task Every_event_links_to_the_events_just_before_and_after_it_in_timeline_order()
    {
        await using var db = app.CreateDbContext();
        var ordered = (await EventOracle.LoadAsync(db)).All.OrderBy(e => e.Start.SortKey).ThenBy(e => e.Id).ToList();
        Assert.True(ordered.Count > 3);
        using var client = app.CreateClient();
        for (var i = 0; i < ordered.Count; i++)
        {
            var details = await client.GetFromJsonAsync<JsonElement>($"/api/events/{ordered[i].Id}");
            AssertNeighbour(i > 0 ? ordered[i - 1] : null, details.GetProperty("previous"));
            AssertNeighbour(i < ordered.Count - 1 ? ordered[i + 1] : null, details.GetProperty("next"));
        }

        static void AssertNeighbour(Data.Events.Event? expected, JsonElement shown)
        {
            if (expected is null)
            {
                Assert.Equal(JsonValueKind.Null, shown.ValueKind);
                return;
            }

            Assert.Equal(expected.Id, shown.GetProperty("id").GetInt32());
            Assert.Equal(expected.Title, shown.GetProperty("title").GetString());
            var year = shown.GetProperty("start").GetProperty("year");
            Assert.Equal(expected.Start.Year, year.ValueKind == JsonValueKind.Number ? year.GetInt32() : null);
        }
    }

    [Theory]
    [MemberData(nameof(FilterQueries))]
    public async Task Every_filter_and_combination_returns_exactly_the_matching_events_in_date_order(string queryString)
    {
        await using var db = app.CreateDbContext();
        var oracle = await EventOracle.LoadAsync(db);
        var filter = EventFilterQuery.Parse(QueryHelpers.ParseQuery(queryString)).Filter;
        var expected = oracle.Expected(filter);

        using var client = app.CreateClient();
        var page = await client.GetFromJsonAsync<JsonElement>("/api/events?pageSize=200&" + queryString);

        var ids = page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(expected, ids);
        Assert.Equal(expected.Count, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Year_2024_gives_Putins_state_visit_to_China()
    {
        using var client = app.CreateClient();
        var page = await client.GetFromJsonAsync<JsonElement>("/api/events?year=2024");
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("Putin's state visit to China", item.GetProperty("title").GetString());
        Assert.Equal("StateVisit", item.GetProperty("type").GetString());
        Assert.Equal("2024-05-16", item.GetProperty("start").GetProperty("iso").GetString());
        Assert.Equal("Day", item.GetProperty("start").GetProperty("precision").GetString());
        Assert.True(item.GetProperty("isXiPutinMeeting").GetBoolean());
    }

    [Fact]
    public async Task Venue_Moscow_gives_Xis_March_2023_state_visit()
    {
        using var client = app.CreateClient();
        var page = await client.GetFromJsonAsync<JsonElement>("/api/events?venue=Moscow");
        var march2023 = page.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("start").GetProperty("iso").GetString() == "2023-03-20");
        Assert.Equal("2023-03-22", march2023.GetProperty("end").GetProperty("iso").GetString());
        Assert.Contains("Xi Jinping", march2023.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_splits_the_ordered_list_and_reports_the_total()
    {
        using var client = app.CreateClient();
        var all = await client.GetFromJsonAsync<JsonElement>("/api/events?pageSize=200");
        var allIds = all.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ToList();

        var second = await client.GetFromJsonAsync<JsonElement>("/api/events?page=2&pageSize=3");
        Assert.Equal(allIds.Count, second.GetProperty("total").GetInt32());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(allIds.Skip(3).Take(3), second.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()));
    }

    [Theory]
    [InlineData("year=twenty", "year")]
    [InlineData("type=Banquet", "type")]
    [InlineData("yearFrom=2024&yearTo=2020", "yearTo")]
    [InlineData("pageSize=5000", "pageSize")]
    [InlineData("xiputin=maybe", "xiputin")]
    public async Task Bad_parameters_get_problem_details_naming_the_parameter(string queryString, string field)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/events?" + queryString);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Event_details_carry_statements_with_sources_documents_and_dates_with_precision()
    {
        await using var db = app.CreateDbContext();
        var visit = db.Events.Single(e => e.SortKey == 20230320);
        using var client = app.CreateClient();
        var details = await client.GetFromJsonAsync<JsonElement>($"/api/events/{visit.Id}");

        Assert.Equal("Day", details.GetProperty("start").GetProperty("precision").GetString());
        Assert.NotEmpty(details.GetProperty("documents").EnumerateArray());
        var statement = details.GetProperty("statements").EnumerateArray().First();
        Assert.False(string.IsNullOrEmpty(statement.GetProperty("source").GetProperty("title").GetString()));
        Assert.Contains(details.GetProperty("sources").EnumerateArray(), s => s.GetProperty("title").GetString()!.Contains("President Xi Visit to Moscow", StringComparison.Ordinal));
        Assert.Contains(details.GetProperty("legs").EnumerateArray(), l => l.GetProperty("city").GetString() == "Moscow");

        var missing = await client.GetAsync("/api/events/987654");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Participants_list_counts_events_and_statements()
    {
        await using var db = app.CreateDbContext();
        var xi = db.People.Single(p => p.Slug == "xi-jinping");
        var expectedEvents = db.EventParticipants.Count(p => p.PersonId == xi.Id);
        var expectedStatements = db.Statements.Count(s => s.SpeakerId == xi.Id);

        using var client = app.CreateClient();
        var people = await client.GetFromJsonAsync<JsonElement>("/api/participants");
        var listed = people.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "xi-jinping");
        Assert.Equal("习近平", listed.GetProperty("nameZh").GetString());
        Assert.Equal(expectedEvents, listed.GetProperty("eventCount").GetInt32());
        Assert.Equal(expectedStatements, listed.GetProperty("statementCount").GetInt32());
        Assert.True(expectedStatements > 0);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_read_endpoints()
    {
        using var client = app.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/events", out _));
        Assert.True(paths.TryGetProperty("/api/events/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/participants", out _));
    }
}
