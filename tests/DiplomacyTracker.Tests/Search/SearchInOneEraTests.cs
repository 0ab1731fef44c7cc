using System.Net.Http.Json;
using System.Text.Json;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Tests.Editing;
using DiplomacyTracker.Tests.Support;

namespace DiplomacyTracker.Tests.Search;

/// <summary>
/// A word that only the latest events contain, behind more events than a search walks in timeline order before it
/// reads the word's own matches instead (PostgreSQL; SQLite's FTS5 walks its matches in that order anyway): the first
/// page still shows them, in order, with the exact total, alone and with a filter.
/// </summary>
public sealed class SearchInOneEraTests(EditingApp app) : IClassFixture<EditingApp>
{
    private const int Earlier = 1200;
    private const int Later = 28; // one a day: their timeline order is their numbers
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
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"Zeppelin talks {i}"), page.Items.Select(e => e.Title));

        var next = (await client.GetFromJsonAsync<PagedResult<EventSummary>>("/api/events?q=zeppelinium&pageSize=20&page=2", Json))!;
        Assert.Equal(Enumerable.Range(21, Later - 20).Select(i => $"Zeppelin talks {i}"), next.Items.Select(e => e.Title));
    }

    [Fact]
    public async Task The_word_with_a_venue_every_earlier_event_shares_finds_the_same_events()
    {
        await SeedAsync();
        using var client = app.CreateClient();

        var page = (await client.GetFromJsonAsync<PagedResult<EventSummary>>("/api/events?q=zeppelinium&venue=Eratown", Json))!;

        Assert.Equal(Later, page.Total);
        Assert.Equal(Enumerable.Range(1, Later).Select(i => $"Zeppelin talks {i}"), page.Items.Select(e => e.Title));

        // A filter the word's events do not have leaves none, on either path.
        var none = (await client.GetFromJsonAsync<PagedResult<EventSummary>>("/api/events?q=zeppelinium&venue=Beijing", Json))!;
        Assert.Equal(0, none.Total);
        Assert.Empty(none.Items);
    }

    // 1,200 events in 2040 and then 28 in 2041 whose summaries have the word, all with a leg in Eratown.
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
            await PlainSqlEvents.InsertAsync(db, "Eratown meeting", Earlier, 2040, "Talks about trade.", legCity: "Eratown");
            await PlainSqlEvents.InsertAsync(db, "Zeppelin talks", Later, 2041, "Airships and zeppelinium.", legCity: "Eratown");
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
            await PlainSqlEvents.InsertAsync(db, "Quasar briefing", Matching, 2040, "On quasarite.");
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
