using System.Net.Http.Json;
using System.Text.Json;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Tests.Editing;
using DiplomacyTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Tests.Browse;

/// <summary>
/// The filter index, the kept counts and the full-text rows follow every kind of write, in the write's own transaction:
/// after each step they are exactly what the record says (the view they are kept from, counted afresh), and the
/// timeline's totals and searches agree.
/// </summary>
public sealed class DerivedTablesTests(EditingApp app) : IClassFixture<EditingApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task Facets_counts_and_text_rows_follow_creates_edits_deletes_restores_and_hand_made_writes()
    {
        using var client = app.CreateClient();
        await AssertInStepAsync();

        var draft = await app.ValidDraftAsync("Kept in step", 2036);
        draft.IgnoreDuplicates = true;
        draft.TopicSlugs = ["trade-energy"];
        draft.Statements.Add(new StatementDraft { SpeakerKey = "putin", Text = "Zanzibarian cooperation deepens.", SourceKey = "a" });
        var id = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(draft, EditingApp.AdminEmail)).EventId;
        await AssertInStepAsync();
        Assert.Equal([id], await IdsAsync(client, "q=zanzibarian"));
        Assert.Equal([id], await IdsAsync(client, "venue=Kazan&year=2036"));
        // Xi and Putin met in Moscow (both attended), not in Kazan (Xi only).
        Assert.Equal([id], await IdsAsync(client, "venue=Moscow&xiputin=true&year=2036"));
        Assert.Empty(await IdsAsync(client, "venue=Kazan&xiputin=true&year=2036"));

        // Another year, city, topic and statement; Putin at Kazan too; Xi no longer a participant of the event at all.
        var editable = (await app.Commands.GetForEditAsync(id))!;
        editable.Draft.StartDate = new DateOnly(2037, 5, 1);
        editable.Draft.EndDate = new DateOnly(2037, 5, 4);
        editable.Draft.Legs[0].City = "Sochi";
        editable.Draft.Legs[0].StartDate = new DateOnly(2037, 5, 1);
        editable.Draft.Legs[0].EndDate = new DateOnly(2037, 5, 2);
        editable.Draft.Legs[1].StartDate = new DateOnly(2037, 5, 3);
        editable.Draft.Legs[1].EndDate = new DateOnly(2037, 5, 4);
        editable.Draft.Legs[1].AttendeeKeys = [.. editable.Draft.Legs[1].AttendeeKeys, editable.Draft.Participants.Single(p => p.PersonName == "Vladimir Putin").Key];
        editable.Draft.TopicSlugs = ["ukraine"];
        editable.Draft.Statements[^1].Text = "Quixotic plans were discussed.";
        editable.Draft.IgnoreDuplicates = true;
        Assert.IsType<EventCommandResult.Saved>(await app.Commands.UpdateAsync(id, editable.Draft, editable.Version, EditingApp.AdminEmail));
        await AssertInStepAsync();
        Assert.Empty(await IdsAsync(client, "q=zanzibarian"));
        Assert.Equal([id], await IdsAsync(client, "q=quixotic"));
        Assert.Empty(await IdsAsync(client, "year=2036&venue=Kazan"));
        Assert.Equal([id], await IdsAsync(client, "year=2037&venue=Sochi&topic=ukraine"));
        Assert.Equal([id], await IdsAsync(client, "venue=Kazan&xiputin=true&year=2037"));

        // A hand-made write that skips the editor's commands.
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.Events.Include(e => e.Topics).Include(e => e.Participants).SingleAsync(e => e.Id == id);
            stored.Type = EventType.Call;
            stored.HostSide = stored.HostSide == Data.Common.Side.China ? Data.Common.Side.Russia : Data.Common.Side.China;
            stored.Topics.Clear();
            stored.Participants.RemoveAll(p => p.PersonId == stored.Participants[0].PersonId);
            await db.SaveChangesAsync();
        }

        await AssertInStepAsync();
        Assert.Empty(await IdsAsync(client, "year=2037&topic=ukraine"));
        Assert.Equal([id], await IdsAsync(client, "year=2037&type=Call"));

        Assert.IsType<EventCommandResult.Saved>(await app.Commands.SoftDeleteAsync(id, EditingApp.AdminEmail));
        await AssertInStepAsync();
        Assert.Empty(await IdsAsync(client, "q=quixotic"));
        Assert.Empty(await IdsAsync(client, "year=2037"));

        Assert.IsType<EventCommandResult.Saved>(await app.Commands.RestoreAsync(id, EditingApp.AdminEmail));
        await AssertInStepAsync();
        Assert.Equal([id], await IdsAsync(client, "q=quixotic"));

        // Gone for good: the cascade removes its legs, people and statements.
        await using (var db = app.CreateDbContext())
        {
            await db.Events.IgnoreQueryFilters().Where(e => e.Id == id).ExecuteDeleteAsync();
        }

        await AssertInStepAsync();
        Assert.Empty(await IdsAsync(client, "q=quixotic"));
    }

    [Fact]
    public async Task A_single_filters_total_is_its_kept_count_and_agrees_with_counting_the_record()
    {
        using var client = app.CreateClient();
        foreach (var query in new[] { "", "venue=Moscow", "venue=Пекин", "participant=xi-jinping", "xiputin=true", "type=StateVisit", "topic=ukraine", "year=2024", "yearFrom=2013&yearTo=2019" })
        {
            var page = (await client.GetFromJsonAsync<PagedResult<EventSummary>>("/api/events?pageSize=1&" + query, Json))!;
            var exact = await client.GetFromJsonAsync<JsonElement>("/api/events/count?" + query);
            Assert.True(page.TotalIsExact, query);
            Assert.Equal(exact.GetProperty("count").GetInt32(), page.Total);
        }
    }

    private static async Task<int[]> IdsAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<PagedResult<EventSummary>>("/api/events?" + query, Json))!.Items.Select(e => e.Id).ToArray();

    private async Task AssertInStepAsync()
    {
        await using var db = app.CreateDbContext();
        async Task<int> ScalarAsync(string sql) => await db.Database.SqlQueryRaw<int>(sql).SingleAsync();

        var counted = string.Join(", ", FacetKind.Counted.Select(k => $"'{k}'"));

        // Quoted names and no provider's own functions: the same checks on SQLite and on PostgreSQL.
        const string Facet = "\"Kind\", \"Value\", \"EventSortKey\", \"EventId\"";
        Assert.Equal(0, await ScalarAsync($"""SELECT COUNT(*) AS "Value" FROM (SELECT {Facet} FROM "EventFacets" EXCEPT SELECT {Facet} FROM "EventFacetSource") x"""));
        Assert.Equal(0, await ScalarAsync($"""SELECT COUNT(*) AS "Value" FROM (SELECT {Facet} FROM "EventFacetSource" EXCEPT SELECT {Facet} FROM "EventFacets") x"""));
        // Every kept count is the count of its rows, and a value no live event has any longer has no count.
        Assert.Equal(0, await ScalarAsync($"""
            SELECT COUNT(*) AS "Value" FROM "FilterCounts" c
            WHERE c."Count" <= 0 OR (c."Kind" <> 'statements-by' AND c."Kind" NOT IN ({counted}) AND c."Count" <> (SELECT COUNT(*) FROM "EventFacets" f WHERE f."Kind" = c."Kind" AND f."Value" = c."Value"))
            """));
        // The counts kept for the overview and the map are what the record adds up to, value by value.
        const string Sums = """SELECT "Kind", "Value", SUM("N") FROM "EventCountSource" GROUP BY "Kind", "Value" """;
        var kept = $"""SELECT "Kind", "Value", "Count" FROM "FilterCounts" WHERE "Kind" IN ({counted})""";
        Assert.Equal(0, await ScalarAsync($"""SELECT COUNT(*) AS "Value" FROM ({kept} EXCEPT {Sums}) x"""));
        Assert.Equal(0, await ScalarAsync($"""SELECT COUNT(*) AS "Value" FROM ({Sums} EXCEPT {kept}) x"""));
        Assert.Equal(0, await ScalarAsync("""
            SELECT COUNT(*) AS "Value" FROM (SELECT "Kind", "Value" FROM "EventFacets" GROUP BY "Kind", "Value" EXCEPT SELECT "Kind", "Value" FROM "FilterCounts") x
            """));
        Assert.Equal(0, await ScalarAsync("""
            SELECT COUNT(*) AS "Value" FROM "People" p
            WHERE coalesce((SELECT "Count" FROM "FilterCounts" WHERE "Kind" = 'statements-by' AND "Value" = CAST(p."Id" AS TEXT)), 0)
               <> (SELECT COUNT(*) FROM "Statements" s JOIN "Events" e ON e."Id" = s."EventId" WHERE s."SpeakerId" = p."Id" AND NOT e."IsDeleted")
            """));
        // One full-text row per live event, at its place in the timeline.
        var textKey = db.Database.IsNpgsql() ? "\"Key\" FROM \"EventText\"" : "rowid FROM EventText";
        const string LiveKeys = """SELECT CAST("SortKey" AS BIGINT) * 100000000 + "Id" FROM "Events" WHERE NOT "IsDeleted" """;
        Assert.Equal(0, await ScalarAsync($"""SELECT COUNT(*) AS "Value" FROM (SELECT {textKey} EXCEPT {LiveKeys}) x"""));
        Assert.Equal(0, await ScalarAsync($"""SELECT COUNT(*) AS "Value" FROM ({LiveKeys} EXCEPT SELECT {textKey}) x"""));
        if (!db.Database.IsNpgsql())
        {
            Assert.Empty(await SearchTermsCheck.MissingAsync(db));
        }
    }
}

/// <summary>Past <see cref="TimelineIndex.CountLimit"/> matches a combination's total is an honest lower bound, and the exact count is one request away.</summary>
public sealed class LargeCombinationTests(EditingApp app) : IClassFixture<EditingApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task A_combination_matching_more_than_the_limit_says_more_than_and_pages_on_to_the_last_event()
    {
        const int events = TimelineIndex.CountLimit + 100;
        await using (var db = app.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await PlainSqlEvents.InsertAsync(db, "Testville call", events, 2040, "Made up for a test.", legCity: "Testville");
            await transaction.CommitAsync();
        }

        using var client = app.CreateClient();
        var first = (await client.GetFromJsonAsync<PagedResult<EventSummary>>("/api/events?venue=Testville&type=Call", Json))!;
        Assert.False(first.TotalIsExact);
        Assert.Equal(TimelineIndex.CountLimit, first.Total);
        Assert.Equal(50, first.Items.Count);
        Assert.All(first.Items, e => Assert.StartsWith("Testville call", e.Title, StringComparison.Ordinal));

        var exact = await client.GetFromJsonAsync<JsonElement>("/api/events/count?venue=Testville&type=Call");
        Assert.Equal(events, exact.GetProperty("count").GetInt32());

        // Paging past the bound counts as far as the page: the last page knows the total exactly.
        var last = (await client.GetFromJsonAsync<PagedResult<EventSummary>>($"/api/events?venue=Testville&type=Call&page={events / 50}&pageSize=50", Json))!;
        Assert.True(last.TotalIsExact);
        Assert.Equal(events, last.Total);
        Assert.Equal(50, last.Items.Count);

        // One filter alone is a kept count: exact however many match.
        var venueOnly = (await client.GetFromJsonAsync<PagedResult<EventSummary>>("/api/events?venue=Testville&pageSize=1", Json))!;
        Assert.True(venueOnly.TotalIsExact);
        Assert.Equal(events, venueOnly.Total);

        // The facets of the combination are too many to count on the spot; the exact ones are all there.
        var quick = (await client.GetFromJsonAsync<EventFacets>("/api/events/facets?venue=Testville&type=Call", Json))!;
        Assert.False(quick.IsComplete);
        var full = (await client.GetFromJsonAsync<EventFacets>("/api/events/facets/exact?venue=Testville&type=Call", Json))!;
        Assert.True(full.IsComplete);
        Assert.Equal(events, full.Total);
        Assert.Equal(events, EventFacets.CountOf(full.Venues, "Testville"));
    }

    [Fact]
    public async Task A_combination_whose_matches_all_come_late_in_the_walk_still_pages_them_and_counts_them_exactly_on_request()
    {
        // The search's 2,160 matches in timeline order: 2,100 elsewhere first, then the 60 in Sparseville, all past the
        // rows a combination's count looks at.
        await using (var db = app.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await PlainSqlEvents.InsertAsync(db, "Early sparseness call", TimelineIndex.ExaminedLimit + 100, 2050, "Made up for a test.", legCity: "Elsewhere");
            await PlainSqlEvents.InsertAsync(db, "Late sparseness call", 60, 2055, "Made up for a test.", legCity: "Sparseville");
            await transaction.CommitAsync();
        }

        using var client = app.CreateClient();
        var first = (await client.GetFromJsonAsync<PagedResult<EventSummary>>("/api/events?q=sparseness&venue=Sparseville", Json))!;
        Assert.Equal(50, first.Items.Count);
        Assert.All(first.Items, e => Assert.StartsWith("Late sparseness call", e.Title, StringComparison.Ordinal));
        // At least the page; exactly 60 where the count could see them all (PostgreSQL walks the 60 Sparseville events).
        Assert.InRange(first.Total, 50, 60);
        Assert.True(!first.TotalIsExact || first.Total == 60);

        var second = (await client.GetFromJsonAsync<PagedResult<EventSummary>>("/api/events?q=sparseness&venue=Sparseville&page=2", Json))!;
        Assert.Equal(10, second.Items.Count);
        // A page that is not full ends the walk: the total is exact.
        Assert.Equal((60, true), (second.Total, second.TotalIsExact));
        Assert.Empty(first.Items.Select(e => e.Id).Intersect(second.Items.Select(e => e.Id)));
        Assert.All(second.Items, e => Assert.StartsWith("Late sparseness call", e.Title, StringComparison.Ordinal));

        var exact = await client.GetFromJsonAsync<JsonElement>("/api/events/count?q=sparseness&venue=Sparseville");
        Assert.Equal(60, exact.GetProperty("count").GetInt32());
    }
}
