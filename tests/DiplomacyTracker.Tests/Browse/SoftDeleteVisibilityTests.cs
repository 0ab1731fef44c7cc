using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyTracker.Tests.Browse;

/// <summary>
/// A deleted event disappears from every read path, not just the list (its own app: the test deletes an event).
/// Expectations are computed with IgnoreQueryFilters and an explicit IsDeleted check, not through the filters under test.
/// </summary>
public sealed class SoftDeleteVisibilityTests(DiplomacyAppFactory app) : IClassFixture<DiplomacyAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task A_deleted_event_and_its_statements_vanish_from_lists_search_counts_sources_people_and_neighbours()
    {
        int deletedId, previousId, nextId, sourceId, medvedevStatements;
        await using (var db = app.CreateDbContext())
        {
            var medvedevVisit = await db.Events.SingleAsync(e => e.Type == Data.Events.EventType.PartyTalks);
            deletedId = medvedevVisit.Id;
            var ordered = await db.Events.OrderBy(e => e.SortKey).ThenBy(e => e.Id).Select(e => e.Id).ToListAsync();
            previousId = ordered[ordered.IndexOf(deletedId) - 1];
            nextId = ordered[ordered.IndexOf(deletedId) + 1];
            sourceId = await db.Statements.Where(s => s.EventId == deletedId).Select(s => s.SourceId!.Value).FirstAsync();
            medvedevStatements = await db.Statements.CountAsync(s => s.Speaker!.Slug == "dmitry-medvedev");
            Assert.True(medvedevStatements > 0);

            medvedevVisit.IsDeleted = true;
            medvedevVisit.DeletedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        }

        int liveStatementsInSource;
        List<int> liveEventsOfSource;
        await using (var db = app.CreateDbContext())
        {
            liveStatementsInSource = await db.Statements.IgnoreQueryFilters().CountAsync(s => s.SourceId == sourceId && !s.Event!.IsDeleted);
            liveEventsOfSource = await db.Events.IgnoreQueryFilters().Where(e => !e.IsDeleted && e.Sources.Any(s => s.Id == sourceId)).Select(e => e.Id).ToListAsync();
        }

        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/events/{deletedId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/events/{deletedId}")).StatusCode);

        var byParticipant = await client.GetFromJsonAsync<JsonElement>("/api/events?participant=dmitry-medvedev");
        Assert.True(byParticipant.GetProperty("total").GetInt32() == 0, byParticipant.ToString());
        var byText = await client.GetFromJsonAsync<JsonElement>("/api/events?q=Medvedev&pageSize=200");
        Assert.DoesNotContain(byText.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetInt32() == deletedId);

        var people = await client.GetFromJsonAsync<JsonElement>("/api/participants");
        var medvedev = people.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "dmitry-medvedev");
        Assert.Equal(0, medvedev.GetProperty("eventCount").GetInt32());
        Assert.Equal(0, medvedev.GetProperty("statementCount").GetInt32());

        var personPage = Parser.ParseDocument(await client.GetStringAsync("/participants/dmitry-medvedev"));
        Assert.Empty(personPage.QuerySelectorAll("figure.statement"));
        Assert.Empty(personPage.QuerySelectorAll("section[aria-labelledby=attended-heading] li"));

        var sourcePage = Parser.ParseDocument(await client.GetStringAsync($"/sources/{sourceId}"));
        Assert.Equal(liveStatementsInSource, sourcePage.QuerySelectorAll("mark.quote").Length);
        Assert.Equal(liveEventsOfSource.Count, sourcePage.QuerySelectorAll(".source-side li").Length);
        Assert.DoesNotContain(sourcePage.QuerySelectorAll(".source-side a"), a => a.GetAttribute("href") == $"/events/{deletedId}");

        // Its neighbours now point at each other.
        var previous = await client.GetFromJsonAsync<JsonElement>($"/api/events/{previousId}");
        Assert.Equal(nextId, previous.GetProperty("next").GetProperty("id").GetInt32());

        // The timeline's participant filter no longer offers someone whose only event is deleted.
        var choices = await app.Services.GetRequiredService<EventQueries>().GetFilterChoicesAsync();
        Assert.DoesNotContain(choices.Participants, p => p.Slug == "dmitry-medvedev");
        Assert.Contains(choices.Participants, p => p.Slug == "xi-jinping");
    }
}
