using System.Net.Http.Json;
using System.Text.Json;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Tests.Editing;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Tests.Search;

/// <summary>
/// A word that only the latest events contain, behind more events than a search walks in timeline order before it
/// reads the word's own matches instead (PostgreSQL; SQLite's FTS5 walks its matches in that order anyway): the first
/// page still shows them, in order, with the exact total, alone and with a filter.
/// </summary>
public sealed class SearchInOneEraTests(EditingApp app) : IClassFixture<EditingApp>
{
    private const int Earlier = 1200;
    private const int Later = 30;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private static bool seeded;
    private static readonly SemaphoreSlim Seeding = new(1, 1);

    [Fact]
    public async Task A_word_only_the_latest_events_have_is_on_the_first_page_in_order_with_its_exact_total()
    {
        await SeedAsync();
        using var client = app.CreateClient();

        var page = (await client.GetFromJsonAsync<PagedResult<EventSummary>>("/api/events?q=zeppelinium&pageSize=20", Json))!;

        Assert.True(page.TotalIsExact);
        Assert.Equal(Later, page.Total);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"Zeppelin talks {i:D2}"), page.Items.Select(e => e.Title));

        var next = (await client.GetFromJsonAsync<PagedResult<EventSummary>>("/api/events?q=zeppelinium&pageSize=20&page=2", Json))!;
        Assert.Equal(Enumerable.Range(21, Later - 20).Select(i => $"Zeppelin talks {i:D2}"), next.Items.Select(e => e.Title));
    }

    [Fact]
    public async Task The_word_with_a_venue_every_earlier_event_shares_finds_the_same_events()
    {
        await SeedAsync();
        using var client = app.CreateClient();

        var page = (await client.GetFromJsonAsync<PagedResult<EventSummary>>("/api/events?q=zeppelinium&venue=Eratown", Json))!;

        Assert.Equal(Later, page.Total);
        Assert.Equal(Enumerable.Range(1, Later).Select(i => $"Zeppelin talks {i:D2}"), page.Items.Select(e => e.Title));

        // A filter the word's events do not have leaves none, on either path.
        var none = (await client.GetFromJsonAsync<PagedResult<EventSummary>>("/api/events?q=zeppelinium&venue=Beijing", Json))!;
        Assert.Equal(0, none.Total);
        Assert.Empty(none.Items);
    }

    // 1,200 events in 2040 and then 30 in 2041 whose summaries have the word, all with a leg in Eratown; written as
    // plain SQL in one transaction (the triggers keep the full text and the facets).
    private async Task SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (seeded)
            {
                return;
            }

            await using var db = app.CreateDbContext();
            await using var transaction = await db.Database.BeginTransactionAsync();
#pragma warning disable EF1002 // constants only
            var (no, version, at) = db.Database.IsNpgsql()
                ? ("false", "gen_random_uuid()", "TIMESTAMPTZ '2026-12-01 00:00:00+00'")
                : ("0", "lower(hex(randomblob(16)))", "'2026-12-01'");
            var pad = db.Database.IsNpgsql() ? "lpad(i::text, 2, '0')" : "printf('%02d', i)";
            await db.Database.ExecuteSqlRawAsync($"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Earlier})
                INSERT INTO "Events" ("Title", "Type", "Status", "SortKey", "Summary", "HostSide", "IsMentionedOnly", "IsDeleted",
                    "Start_Year", "Start_Month", "Start_Day", "Start_Precision", "Start_IsApproximate", "End_Precision", "End_IsApproximate", "Version", "CreatedAt", "UpdatedAt")
                SELECT 'Eratown meeting ' || i, 5, 0, 20400101 + i % 28, 'Talks about trade.', 0, {no}, {no}, 2040, 1, 1 + i % 28, 3, {no}, 0, {no}, {version}, {at}, {at} FROM n;
                """);
            await db.Database.ExecuteSqlRawAsync($"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Later})
                INSERT INTO "Events" ("Title", "Type", "Status", "SortKey", "Summary", "HostSide", "IsMentionedOnly", "IsDeleted",
                    "Start_Year", "Start_Month", "Start_Day", "Start_Precision", "Start_IsApproximate", "End_Precision", "End_IsApproximate", "Version", "CreatedAt", "UpdatedAt")
                SELECT 'Zeppelin talks ' || {pad}, 5, 0, 20410100 + i, 'Airships and zeppelinium.', 0, {no}, {no}, 2041, 1, i, 3, {no}, 0, {no}, {version}, {at}, {at} FROM n;
                """);
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO "EventLegs" ("EventId", "Position", "City", "Country", "Start_Precision", "Start_IsApproximate", "End_Precision", "End_IsApproximate")
                SELECT "Id", 0, 'Eratown', 'Russia', 0, {no}, 0, {no} FROM "Events" WHERE "Title" LIKE 'Eratown meeting %' OR "Title" LIKE 'Zeppelin talks %';
                """);
#pragma warning restore EF1002
            await transaction.CommitAsync();
            seeded = true;
        }
        finally
        {
            Seeding.Release();
        }
    }
}

/// <summary>A deep page of a word more events have than a combination's count looks at: the total is the true one.</summary>
public sealed class SearchDeepPageTests(EditingApp app) : IClassFixture<EditingApp>
{
    private const int Matching = TimelineIndex.ExaminedLimit + 500;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task The_last_page_of_a_search_says_how_many_events_have_the_word()
    {
        await using (var db = app.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
#pragma warning disable EF1002 // constants only
            var (no, version, at) = db.Database.IsNpgsql()
                ? ("false", "gen_random_uuid()", "TIMESTAMPTZ '2026-12-01 00:00:00+00'")
                : ("0", "lower(hex(randomblob(16)))", "'2026-12-01'");
            await db.Database.ExecuteSqlRawAsync($"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Matching})
                INSERT INTO "Events" ("Title", "Type", "Status", "SortKey", "Summary", "HostSide", "IsMentionedOnly", "IsDeleted",
                    "Start_Year", "Start_Month", "Start_Day", "Start_Precision", "Start_IsApproximate", "End_Precision", "End_IsApproximate", "Version", "CreatedAt", "UpdatedAt")
                SELECT 'Quasar briefing ' || i, 5, 0, 20400101 + i % 28, 'On quasarite.', 0, {no}, {no}, 2040, 1, 1 + i % 28, 3, {no}, 0, {no}, {version}, {at}, {at} FROM n;
                """);
#pragma warning restore EF1002
            await transaction.CommitAsync();
        }

        using var client = app.CreateClient();
        var last = (await client.GetFromJsonAsync<PagedResult<EventSummary>>($"/api/events?q=quasarite&pageSize=50&page={Matching / 50}", Json))!;

        Assert.True(last.TotalIsExact);
        Assert.Equal(Matching, last.Total);
        Assert.Equal(50, last.Items.Count);
        Assert.All(last.Items, e => Assert.StartsWith("Quasar briefing", e.Title, StringComparison.Ordinal));
    }
}
