using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using DiplomacyTracker.Data;
using DiplomacyTracker.Data.Participants;
using DiplomacyTracker.Data.Sources;
using DiplomacyTracker.DataGenerator;
using DiplomacyTracker.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Tests.Browse;

/// <summary>
/// Issue 12: lists that grow with the record come a page at a time, with the whole count shown and the page in the URL:
/// a person's events and statements, in timeline order (at 1,000,000 events Xi Jinping's page was 100 MB), and the
/// sources (23 MB).
/// </summary>
public sealed class LongListPagingTests(LongListPagingTests.GeneratedRecordApp app) : IClassFixture<LongListPagingTests.GeneratedRecordApp>
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The app on a generated record big enough that the busiest people have several pages of each list.</summary>
    public sealed class GeneratedRecordApp : DiplomacyAppFactory
    {
        public override async Task InitializeAsync()
        {
            if (Provider == DatabaseProvider.Sqlite)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
                var connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString();
                await SchemaAndSeed.CreateAsync(connectionString, RepositoryPaths.Data);
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync();
                new BulkWriter(connection, new GeneratorOptions(DatabasePath, Events: 600, StatementsPerEvent: 3, People: 30, Seed: 5, RepositoryPaths.Data)).Write();
            }

            await base.InitializeAsync();
        }
    }

    [SqliteFact("fills the database with the data generator")]
    public async Task Events_attended_come_a_page_at_a_time_in_timeline_order()
    {
        var (slug, expected) = await BusiestAsync(db => db.EventParticipants.Where(p => !p.Event!.IsDeleted)
            .OrderBy(p => p.Event!.SortKey).ThenBy(p => p.EventId).Select(p => new Row(p.PersonId, p.EventId)));
        var client = app.CreateClient();
        var pages = (expected.Count + ParticipantQueries.PageSize - 1) / ParticipantQueries.PageSize;

        var first = await PageAsync(client, $"/participants/{slug}");
        Assert.Contains($"({expected.Count:N0})", Heading(first, "attended-heading"), StringComparison.Ordinal);
        Assert.Equal(expected.Take(ParticipantQueries.PageSize), EventLinks(first, "attended-heading"));
        Assert.Contains($"Page 1 of {pages}", Pager(first, "Pages of events attended"), StringComparison.Ordinal);

        // The pager is plain links: "Next page" in the served HTML (no circuit needed) leads to the second page, at the
        // list's heading.
        var next = first.QuerySelector("nav.pager[aria-label='Pages of events attended'] a[aria-label='Next page']")?.GetAttribute("href");
        Assert.NotNull(next);
        Assert.EndsWith("?events=2#attended-heading", next, StringComparison.Ordinal);
        var second = await PageAsync(client, new Uri(next).PathAndQuery);
        Assert.Equal(expected.Skip(ParticipantQueries.PageSize).Take(ParticipantQueries.PageSize), EventLinks(second, "attended-heading"));

        var last = await PageAsync(client, $"/participants/{slug}?events={pages}");
        Assert.Equal(expected.Skip((pages - 1) * ParticipantQueries.PageSize), EventLinks(last, "attended-heading"));
        Assert.Equal((pages - 1) * ParticipantQueries.PageSize + 1, ((IHtmlOrderedListElement)last.QuerySelector("section[aria-labelledby=attended-heading] ol.plain-list")!).Start);

        // Past the last page (an old link, after deletions): no events, and a link to the last page.
        var past = await PageAsync(client, $"/participants/{slug}?events={pages + 1}");
        Assert.Empty(EventLinks(past, "attended-heading"));
        var toLast = past.QuerySelector("section[aria-labelledby=attended-heading] p.muted a");
        Assert.Equal($"the last is page {pages}", toLast?.TextContent);
        Assert.EndsWith($"?events={pages}#attended-heading", toLast!.GetAttribute("href"), StringComparison.Ordinal);

        // The statements list keeps its own page.
        Assert.Equal(EventLinks(first, "said-heading"), EventLinks(last, "said-heading"));
    }

    [SqliteFact("fills the database with the data generator")]
    public async Task Statements_come_a_page_at_a_time_in_the_order_of_their_events()
    {
        var (slug, expected) = await BusiestAsync(db => db.Statements.Where(s => s.SpeakerId != null && !s.Event!.IsDeleted)
            .OrderBy(s => s.Event!.SortKey).ThenBy(s => s.Id).Select(s => new Row(s.SpeakerId!.Value, s.Id)));
        var client = app.CreateClient();

        var second = await PageAsync(client, $"/participants/{slug}?statements=2");
        Assert.Contains($"({expected.Count:N0})", Heading(second, "said-heading"), StringComparison.Ordinal);
        var shown = second.QuerySelectorAll("section[aria-labelledby=said-heading] figcaption a[href^='/sources/']")
            .Select(a => int.Parse(a.GetAttribute("href")!.Split("statement=")[1].Split('#')[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.Skip(ParticipantQueries.PageSize).Take(ParticipantQueries.PageSize), shown);
        Assert.Contains("Page 2 of", Pager(second, "Pages of statements"), StringComparison.Ordinal);

        // Not a page number: the first page, not an error.
        var notANumber = await PageAsync(client, $"/participants/{slug}?statements=abc&events=-3");
        Assert.Contains("Page 1 of", Pager(notANumber, "Pages of statements"), StringComparison.Ordinal);
        Assert.Contains("Page 1 of", Pager(notANumber, "Pages of events attended"), StringComparison.Ordinal);
    }

    [SqliteFact("fills the database with the data generator")]
    public async Task Sources_come_a_page_at_a_time_in_the_order_they_were_added()
    {
        List<int> expected;
        await using (var db = app.CreateDbContext())
        {
            expected = await db.Sources.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
        }

        Assert.True(expected.Count > SourceQueries.PageSize, $"the generated record has only {expected.Count} sources");
        var client = app.CreateClient();
        var first = await PageAsync(client, "/sources");
        Assert.Contains($"{expected.Count:N0} articles", first.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(expected.Take(SourceQueries.PageSize), SourceCards(first));
        Assert.Contains("Page 1 of 2", Pager(first, "Pages of sources (top)"), StringComparison.Ordinal);
        Assert.Contains("Page 1 of 2", Pager(first, "Pages of sources (bottom)"), StringComparison.Ordinal);

        var second = await PageAsync(client, "/sources?page=2");
        Assert.Equal(expected.Skip(SourceQueries.PageSize), SourceCards(second));
    }

    private static List<int> SourceCards(IHtmlDocument page) =>
        page.QuerySelectorAll("article.source-card h2 a")
            .Select(a => int.Parse(a.GetAttribute("href")!["/sources/".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    private sealed record Row(int PersonId, int Id);

    // The person with the most rows (more than two pages of them), and their rows' ids in the order expected.
    private async Task<(string Slug, List<int> Ids)> BusiestAsync(Func<Data.DiplomacyDbContext, IQueryable<Row>> rows)
    {
        await using var db = app.CreateDbContext();
        var all = await rows(db).ToListAsync();
        var busiest = all.GroupBy(r => r.PersonId).MaxBy(g => g.Count())!;
        Assert.True(busiest.Count() > 2 * ParticipantQueries.PageSize, $"the generated record gives its busiest person only {busiest.Count()} rows");
        var slug = await db.People.Where(p => p.Id == busiest.Key).Select(p => p.Slug).SingleAsync();
        return (slug, busiest.Select(r => r.Id).ToList());
    }

    private static async Task<IHtmlDocument> PageAsync(HttpClient client, string path) =>
        Parser.ParseDocument(await client.GetStringAsync(path));

    private static string Heading(IHtmlDocument page, string id) => page.GetElementById(id)!.TextContent;

    private static string Pager(IHtmlDocument page, string label) =>
        page.QuerySelector($"nav.pager[aria-label='{label}']")?.TextContent ?? $"(no pager named {label})";

    private static List<int> EventLinks(IHtmlDocument page, string section) =>
        page.QuerySelectorAll($"section[aria-labelledby={section}] a[href^='/events/']")
            .Select(a => int.Parse(a.GetAttribute("href")!["/events/".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
}
