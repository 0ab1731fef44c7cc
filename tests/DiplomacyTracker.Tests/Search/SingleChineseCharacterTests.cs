using System.Net.Http.Json;
using System.Text.Json;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Tests.Editing;
using DiplomacyTracker.Tests.Support;

namespace DiplomacyTracker.Tests.Search;

/// <summary>One Chinese character finds every event whose text has it anywhere, inside longer words too, on either database (an index lookup on both: FTS5's Chars column, the tsvector's characters).</summary>
public sealed class SingleChineseCharacterTests(EditingApp app) : IClassFixture<EditingApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task A_single_character_finds_it_inside_words_and_only_there()
    {
        await using (var db = app.CreateDbContext())
        {
            await PlainSqlEvents.InsertAsync(db, "Capital talks", 1, 2043, "在北京会谈。");
            await PlainSqlEvents.InsertAsync(db, "Tokyo talks", 1, 2043, "东京的会议");
            await PlainSqlEvents.InsertAsync(db, "Shanghai talks", 1, 2043, "上海合作组织");
        }

        using var client = app.CreateClient();
        Assert.Equal(["Capital talks 1", "Tokyo talks 1"], await TitlesAsync(client, "q=%E4%BA%AC&year=2043")); // 京
        Assert.Equal(["Shanghai talks 1"], await TitlesAsync(client, "q=%E6%B5%B7&year=2043")); // 海
        Assert.Equal(["Capital talks 1", "Tokyo talks 1"], await TitlesAsync(client, "q=%E4%BC%9A&year=2043")); // 会
        Assert.Empty(await TitlesAsync(client, "q=%E6%99%AE&year=2043")); // 普
    }

    private static async Task<string[]> TitlesAsync(HttpClient client, string query)
    {
        var page = (await client.GetFromJsonAsync<PagedResult<EventSummary>>("/api/events?" + query, Json))!;
        return [.. page.Items.Select(e => e.Title)];
    }
}
