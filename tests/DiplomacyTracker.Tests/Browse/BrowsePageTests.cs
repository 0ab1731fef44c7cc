using System.Net;
using AngleSharp.Html.Parser;
using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Testing;
using DiplomacyTracker.Tests.Support;
using DiplomacyTracker.Web.Features.Events;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Tests.Browse;

/// <summary>The server-rendered pages (what a reader, a search engine or a slow connection sees first).</summary>
public sealed class BrowsePageTests(DiplomacyAppFactory app) : IClassFixture<DiplomacyAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData("")]
    [InlineData("?year=2024")]
    [InlineData("?venue=Moscow")]
    [InlineData("?participant=wang-yi")]
    [InlineData("?type=PartyTalks")]
    [InlineData("?topic=ukraine&xiputin=true")]
    [InlineData("?q=multipolar")]
    [InlineData("?venue=Beijing&yearFrom=2022&yearTo=2024")]
    public async Task Timeline_lists_the_filtered_events_as_articles_in_date_order(string query)
    {
        await using var db = app.CreateDbContext();
        var oracle = await EventOracle.LoadAsync(db);
        var expected = oracle.Expected(EventFilterQuery.Parse(QueryHelpers.ParseQuery(query)).Filter)
            .Select(id => oracle.All.Single(e => e.Id == id).Title).ToList();

        var document = Parser.ParseDocument(await app.CreateClient().GetStringAsync("/" + query));
        var titles = document.QuerySelectorAll("article.event-card .event-card-title").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(expected, titles);
    }

    // The live-circuits benchmark (tests/perf/blazor-circuit.mjs) times a filter change until the render that sets this.
    [Theory]
    [InlineData("", "/")]
    [InlineData("?venue=Moscow", "/?venue=Moscow")]
    [InlineData("?year=2024&xiputin=true", "/?year=2024&xiputin=true")]
    public async Task Timeline_marks_the_address_its_results_are_for(string query, string expected)
    {
        var document = Parser.ParseDocument(await app.CreateClient().GetStringAsync("/" + query));
        var marker = Assert.Single(document.QuerySelectorAll("[data-results-for]"));
        Assert.Equal(expected, marker.GetAttribute("data-results-for"));
        Assert.True(marker.HasAttribute("hidden"));
    }

    [Fact]
    public async Task Timeline_groups_by_year_and_shows_dates_at_their_precision()
    {
        var document = Parser.ParseDocument(await app.CreateClient().GetStringAsync("/"));
        var headings = document.QuerySelectorAll("h2.year-heading");
        var years = headings.Select(h => h.FirstChild!.TextContent.Trim()).ToList();
        Assert.Equal(years.Distinct().ToList(), years);
        Assert.Equal("Date unknown", years.Last());
        // Each heading counts its year's events (all on this one page).
        foreach (var heading in headings)
        {
            var cards = heading.ParentElement!.QuerySelectorAll("article.event-card").Length;
            Assert.Equal(cards == 1 ? "1 event" : $"{cards} events", heading.QuerySelector(".year-count")!.TextContent.Trim());
        }

        var dates = document.QuerySelectorAll("article.event-card time").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains("2013", dates);
        Assert.Contains("June 2019", dates);
        Assert.Contains("16–17 May 2024", dates);
        Assert.Contains("date unknown", dates);
        Assert.Contains("c. 20–21 December 2022", dates);
    }

    [Fact]
    public async Task Xi_Putin_meetings_are_marked_apart_from_other_events()
    {
        await using var db = app.CreateDbContext();
        var oracle = await EventOracle.LoadAsync(db);
        var expected = oracle.Expected(new Data.Events.EventFilter { XiPutinOnly = true }).Count;

        var document = Parser.ParseDocument(await app.CreateClient().GetStringAsync("/"));
        var marked = document.QuerySelectorAll("article.event-card.is-xiputin").ToList();
        Assert.Equal(expected, marked.Count);
        Assert.All(marked, a => Assert.NotNull(a.QuerySelector(".badge-xiputin")));
        Assert.True(document.QuerySelectorAll("article.event-card:not(.is-xiputin)").Length > 0);
    }

    [Fact]
    public async Task Filter_controls_have_visible_labels_and_show_the_filter_from_the_url()
    {
        var document = Parser.ParseDocument(await app.CreateClient().GetStringAsync("/?venue=Moscow&type=StateVisit&q=partnership"));
        foreach (var label in new[] { "Search text", "From year", "To year", "Venue (city or country)", "Participant", "Event type", "Topic" })
        {
            Assert.NotNull(document.ControlLabelled(label));
        }

        Assert.Equal("partnership", document.ControlLabelled("Search text").GetAttribute("value"));
        Assert.Equal("Moscow", document.ControlLabelled("Venue (city or country)").GetAttribute("value"));
        Assert.Equal("State visit", document.ControlLabelled("Event type").GetAttribute("value"));
    }

    [Fact]
    public async Task An_empty_result_says_so_and_offers_to_clear_the_filters()
    {
        var document = Parser.ParseDocument(await app.CreateClient().GetStringAsync("/?venue=Atlantis"));
        Assert.Empty(document.QuerySelectorAll("article.event-card"));
        Assert.Contains("No events match these filters.", document.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(document.QuerySelectorAll("button"), b => b.TextContent.Contains("Clear all filters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_past_the_end_says_so_and_links_to_the_first_page()
    {
        var document = Parser.ParseDocument(await app.CreateClient().GetStringAsync("/?venue=Moscow&page=9"));
        var status = document.QuerySelector("[role=status]")!;
        Assert.Contains("There is no page 9", status.TextContent, StringComparison.Ordinal);
        Assert.Equal("/?venue=Moscow", status.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_reversed_year_range_is_reported_and_ignored_rather_than_emptying_the_list()
    {
        var client = app.CreateClient();
        var all = Parser.ParseDocument(await client.GetStringAsync("/")).QuerySelectorAll("article.event-card").Length;
        var document = Parser.ParseDocument(await client.GetStringAsync("/?yearFrom=2024&yearTo=2020"));
        Assert.Contains("were not understood and were ignored", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(all, document.QuerySelectorAll("article.event-card").Length);
    }

    [Fact]
    public async Task Event_page_shows_legs_roles_statements_by_speaker_documents_sources_and_neighbours()
    {
        await using var db = app.CreateDbContext();
        var visit = await db.Events.Include(e => e.Statements).SingleAsync(e => e.SortKey == 20240516);

        var response = await app.CreateClient().GetAsync($"/events/{visit.Id}");
        var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Putin's state visit to China", document.QuerySelector("h1")!.TextContent.Trim());

        var legs = document.QuerySelectorAll(".legs li").Select(l => l.TextContent).ToList();
        Assert.Contains(legs, l => l.Contains("Beijing", StringComparison.Ordinal) && l.Contains("Great Hall of the People", StringComparison.Ordinal));
        Assert.Contains(legs, l => l.Contains("Harbin", StringComparison.Ordinal) && l.Contains("17 May 2024", StringComparison.Ordinal));
        Assert.Contains(document.QuerySelectorAll(".participants li"), li => li.TextContent.Contains("Li Qiang", StringComparison.Ordinal) && li.TextContent.Contains("Premier", StringComparison.Ordinal));

        Assert.Equal(visit.Statements.Count, document.QuerySelectorAll("figure.statement").Length);
        var speakers = document.QuerySelectorAll(".speaker-group h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Xi Jinping", speakers);
        Assert.Contains("Vladimir Putin", speakers);
        Assert.Equal(speakers.Distinct().Count(), speakers.Count);
        Assert.All(document.QuerySelectorAll("figure.statement figcaption"), c => Assert.Contains("Source:", c.TextContent, StringComparison.Ordinal));

        Assert.NotEmpty(document.QuerySelectorAll(".documents li"));
        Assert.Equal(2, document.QuerySelectorAll(".sources li").Length);
        Assert.NotNull(document.QuerySelector(".neighbour.previous"));
    }

    [Fact]
    public async Task Event_page_of_an_undated_meeting_explains_the_missing_date()
    {
        await using var db = app.CreateDbContext();
        var meeting = await db.Events.SingleAsync(e => e.SortKey == PartialDate.Unknown.SortKey);
        var document = Parser.ParseDocument(await app.CreateClient().GetStringAsync($"/events/{meeting.Id}"));
        Assert.Equal("date unknown", document.QuerySelector(".event-page-header time")!.TextContent.Trim());
        Assert.Contains("About the date", document.QuerySelector(".date-note")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_event_answers_404()
    {
        var response = await app.CreateClient().GetAsync("/events/424242");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Event not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_page_shows_the_article_with_the_followed_quotation_highlighted()
    {
        await using var db = app.CreateDbContext();
        var statement = await db.Statements.Include(s => s.Source).FirstAsync(s => s.SourceOffset != null && s.Text.Contains("brimming"));

        var document = Parser.ParseDocument(await app.CreateClient().GetStringAsync($"/sources/{statement.SourceId}?statement={statement.Id}"));
        var mark = document.GetElementById($"statement-{statement.Id}");
        Assert.NotNull(mark);
        Assert.Equal("mark", mark.LocalName);
        Assert.Contains("selected", mark.ClassList);
        Assert.Equal(statement.Text, mark.TextContent);
        // The whole article is there, not just the quotations.
        Assert.Contains("TheSocialTalks was founded in 2020", document.QuerySelector(".article-text")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Participant_page_lists_events_with_the_role_at_the_time_and_statements()
    {
        var document = Parser.ParseDocument(await app.CreateClient().GetStringAsync("/participants/dmitry-medvedev"));
        Assert.Equal("Dmitry Medvedev", document.QuerySelector("h1")!.TextContent.Trim());
        var attended = Assert.Single(document.QuerySelectorAll("section[aria-labelledby=attended-heading] li"));
        Assert.Contains("Deputy Chairman of the Security Council", attended.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("role at the time: President", attended.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(document.QuerySelectorAll("figure.statement"));
    }

    [Fact]
    public async Task Sources_page_lists_the_five_articles()
    {
        var document = Parser.ParseDocument(await app.CreateClient().GetStringAsync("/sources"));
        Assert.Equal(5, document.QuerySelectorAll("article.source-card").Length);
    }
}
