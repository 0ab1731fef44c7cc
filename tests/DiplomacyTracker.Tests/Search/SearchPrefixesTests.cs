using System.Net.Http.Json;
using System.Text.Json;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Tests.Editing;
using DiplomacyTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Tests.Search;

/// <summary>
/// The last word typed is a prefix. On SQLite it is asked as the whole words it stands for (SearchPrefixes, from the
/// SearchTerms the triggers keep), so a word written after the database was made must be among them: a search finds
/// every event whose words start with what was typed, on either database.
/// </summary>
public sealed class SearchPrefixesTests(EditingApp app) : IClassFixture<EditingApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Theory]
    [InlineData("energy", "energy")]
    [InlineData("ENERGY", "energy")]
    [InlineData("Путин", "путин")]
    [InlineData("g20", "g20")]
    [InlineData("énergie", null)] // FTS5 folds some diacritics and not others: left to FTS5
    [InlineData("Сергей", null)]
    [InlineData("łódź", null)]
    public void Only_words_whose_folding_is_certain_are_looked_up(string typed, string? expected) =>
        Assert.Equal(expected, SearchPrefixes.Folded(typed));

    [Fact]
    public async Task A_prefix_finds_every_word_it_starts_including_words_written_after_the_database_was_made()
    {
        await using (var db = app.CreateDbContext())
        {
            // One at a time: each insert's own trigger must add its words.
            await PlainSqlEvents.InsertAsync(db, "Pipeline talks", 1, 2042, "Pipelines were discussed.");
            await PlainSqlEvents.InsertAsync(db, "Pipelayer talks", 1, 2042, "Pipelayers met.");
            await PlainSqlEvents.InsertAsync(db, "Energy talks", 1, 2042, "Énergie nucléaire.");
        }

        await using (var db = app.CreateDbContext())
        {
            if (!db.Database.IsNpgsql())
            {
                Assert.Empty(await SearchTermsCheck.MissingAsync(db));
            }
        }

        using var client = app.CreateClient();
        Assert.Equal(["Pipeline talks 1", "Pipelayer talks 1"], await TitlesAsync(client, "q=pipel&year=2042"));
        Assert.Equal(["Pipeline talks 1"], await TitlesAsync(client, "q=pipeline&year=2042"));
        // A quoted word is that word only.
        Assert.Empty(await TitlesAsync(client, "q=%22pipel%22&year=2042"));
        // Diacritics: typed with or without them, as FTS5 folds them.
        Assert.Equal(["Energy talks 1"], await TitlesAsync(client, "q=énerg&year=2042"));
        Assert.Equal(["Energy talks 1"], await TitlesAsync(client, "q=nucle&year=2042"));
        // In a phrase and beside another word.
        Assert.Equal(["Pipeline talks 1"], await TitlesAsync(client, "q=were-disc*&year=2042"));
        Assert.Equal(["Pipelayer talks 1"], await TitlesAsync(client, "q=met%20pipel&year=2042"));
    }

    private static async Task<string[]> TitlesAsync(HttpClient client, string query)
    {
        var page = (await client.GetFromJsonAsync<PagedResult<EventSummary>>("/api/events?" + query, Json))!;
        Assert.True(page.TotalIsExact, query);
        Assert.Equal(page.Items.Count, page.Total);
        return [.. page.Items.Select(e => e.Title)];
    }
}
