using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyTracker.Tests.Search;

/// <summary>
/// Issue 10, "finding it again": venues and people in three scripts and their variants, Chinese full text, the search
/// syntax, and a Xi–Putin meeting as a leg both attended — through the read API, on the seeded record.
/// </summary>
public sealed class FindingAgainTests(DiplomacyAppFactory app) : IClassFixture<DiplomacyAppFactory>
{
    private async Task<List<string>> TitlesAsync(string query)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/events?pageSize=200&" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();
    }

    private static string Q(string key, string value) => $"{key}={Uri.EscapeDataString(value)}";

    [Theory]
    [InlineData("Beijing", "Пекин")]
    [InlineData("Beijing", "北京")]
    [InlineData("Beijing", "Peking")]
    [InlineData("Beijing", "beijing")]
    [InlineData("Moscow", "Москва")]
    [InlineData("Moscow", "莫斯科")]
    [InlineData("Russia", "Россия")]
    [InlineData("China", "中国")]
    public async Task A_venue_typed_in_any_script_or_spelling_finds_what_its_stored_name_finds(string stored, string typed)
    {
        var expected = await TitlesAsync(Q("venue", stored));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await TitlesAsync(Q("venue", typed)));
    }

    [Theory]
    [InlineData("Saint Petersburg", "St. Petersburg")]
    [InlineData("Saint Petersburg", "Санкт-Петербург")]
    [InlineData("Saint Petersburg", "圣彼得堡")]
    [InlineData("Astana", "Nur-Sultan")]
    [InlineData("Astana", "Астана")]
    public async Task Venues_with_no_seeded_event_are_asked_for_by_the_name_legs_store(string stored, string typed)
    {
        // The seed has no leg there, so add one under the stored name and find it by the other.
        await using (var db = app.CreateDbContext())
        {
            var e = await db.Events.Include(x => x.Legs).OrderBy(x => x.Id).FirstAsync(x => x.Legs.Count == 0);
            e.Legs.Add(new EventLeg { City = stored, Country = stored == "Astana" ? "Kazakhstan" : "Russia", Position = 0 });
            await db.SaveChangesAsync();
        }

        app.Services.GetRequiredService<RecordChanges>().Advance();
        Assert.NotEmpty(await TitlesAsync(Q("venue", stored)));
        Assert.Equal(await TitlesAsync(Q("venue", stored)), await TitlesAsync(Q("venue", typed)));
    }

    [Theory]
    [InlineData("Putin")]
    [InlineData("putin")]
    [InlineData("Путин")]
    [InlineData("普京")]
    [InlineData("弗拉基米尔·普京")]
    [InlineData("Vladimir Putin")]
    [InlineData("Vladimir Vladimirovich Putin")]
    [InlineData("Владимир Владимирович Путин")]
    [InlineData("владимир путин")]
    public async Task The_participant_filter_knows_Putin_by_any_of_his_names(string typed)
    {
        var expected = await TitlesAsync("participant=vladimir-putin");
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await TitlesAsync(Q("participant", typed)));
    }

    [Theory]
    [InlineData("Xi")]
    [InlineData("习近平")]
    [InlineData("Си Цзиньпин")]
    [InlineData("Си")]
    [InlineData("Xi Jinping")]
    public async Task The_participant_filter_knows_Xi_by_any_of_his_names(string typed)
    {
        var expected = await TitlesAsync("participant=xi-jinping");
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await TitlesAsync(Q("participant", typed)));
    }

    [Theory]
    [InlineData("Dmitri Medvedev", "dmitry-medvedev")]
    [InlineData("Sergei Lavrov", "sergey-lavrov")]
    [InlineData("Лавров", "sergey-lavrov")]
    public async Task Spelling_variants_from_the_gazetteer_find_the_person(string typed, string slug) =>
        Assert.Equal(await TitlesAsync("participant=" + slug), await TitlesAsync(Q("participant", typed)));

    [Fact]
    public async Task A_name_nobody_has_finds_nothing() => Assert.Empty(await TitlesAsync(Q("participant", "Napoleon")));

    [Theory]
    [InlineData("Путин")]
    [InlineData("普京")]
    public async Task Text_search_for_Putin_in_another_script_finds_the_events_that_name_him(string typed)
    {
        var english = await TitlesAsync("q=Putin%20");
        Assert.NotEmpty(english);
        Assert.Equal(english, await TitlesAsync(Q("q", typed)));
    }

    [Theory]
    [InlineData("Пекин")]
    [InlineData("北京")]
    public async Task Text_search_for_Beijing_in_another_script_finds_the_events_that_name_it(string typed)
    {
        var english = await TitlesAsync("q=Beijing%20");
        Assert.NotEmpty(english);
        Assert.Equal(english, await TitlesAsync(Q("q", typed)));
    }

    [Fact]
    public async Task OR_phrases_and_prefixes_widen_and_narrow_the_search()
    {
        var harbin = await TitlesAsync("q=Harbin%20");
        var medvedev = await TitlesAsync("q=Medvedev%20");
        Assert.NotEmpty(harbin);
        Assert.NotEmpty(medvedev);
        Assert.Equal(harbin.Union(medvedev).Order(), (await TitlesAsync(Q("q", "Harbin OR Medvedev "))).Order());
        Assert.Equal(await TitlesAsync(Q("q", "Harb*")), harbin);

        var words = await TitlesAsync(Q("q", "no limit "));
        var phrase = await TitlesAsync(Q("q", "\"no limit\""));
        Assert.NotEmpty(phrase);
        Assert.Subset(words.ToHashSet(), phrase.ToHashSet());
    }

    [Theory]
    [InlineData("q=%22energy%20(NEAR*%20%3Acol")]
    [InlineData("q=%22")]
    [InlineData("q=OR")]
    [InlineData("q=*")]
    [InlineData("q=Bigrams%20%3A%20x")]
    public async Task Any_text_gets_an_answer_not_an_error(string query)
    {
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/events?" + query)).StatusCode);
    }

    [Fact]
    public async Task Putins_2024_visit_is_a_Xi_Putin_meeting_in_Beijing_but_not_in_Harbin()
    {
        const string visit = "Putin's state visit to China";
        Assert.Contains(await TitlesAsync("venue=Harbin"), t => t.StartsWith(visit, StringComparison.Ordinal));
        Assert.DoesNotContain(await TitlesAsync("venue=Harbin&xiputin=true"), t => t.StartsWith(visit, StringComparison.Ordinal));
        Assert.Contains(await TitlesAsync("venue=Beijing&xiputin=true"), t => t.StartsWith(visit, StringComparison.Ordinal));
        Assert.Contains(await TitlesAsync("venue=%E5%8C%97%E4%BA%AC&xiputin=true"), t => t.StartsWith(visit, StringComparison.Ordinal));

        using var client = app.CreateClient();
        var facets = await client.GetFromJsonAsync<JsonElement>("/api/events/facets?xiputin=true");
        Assert.DoesNotContain(facets.GetProperty("venues").EnumerateArray(), v => v.GetProperty("value").GetString() == "Harbin");
    }

    [Fact]
    public async Task Xi_at_one_leg_and_Putin_at_another_is_no_Xi_Putin_meeting()
    {
        const string title = "Two capitals, two leaders, no meeting";
        await using (var db = app.CreateDbContext())
        {
            var xi = await db.People.SingleAsync(p => p.Slug == "xi-jinping");
            var putin = await db.People.SingleAsync(p => p.Slug == "vladimir-putin");
            var e = new Event { Title = title, Type = EventType.Other, Status = EventStatus.Held };
            e.SetDates(PartialDate.OfDay(2025, 3, 1), PartialDate.OfDay(2025, 3, 2));
            e.Participants.Add(new EventParticipant { Person = xi });
            e.Participants.Add(new EventParticipant { Person = putin });
            e.Legs.Add(new EventLeg { Position = 0, City = "Beijing", Country = "China", Attendees = [xi] });
            e.Legs.Add(new EventLeg { Position = 1, City = "Moscow", Country = "Russia", Attendees = [putin] });
            db.Events.Add(e);
            await db.SaveChangesAsync();
        }

        app.Services.GetRequiredService<RecordChanges>().Advance();
        Assert.Contains(title, await TitlesAsync("year=2025"));
        Assert.DoesNotContain(title, await TitlesAsync("xiputin=true"));
        Assert.DoesNotContain(title, await TitlesAsync("xiputin=true&venue=Moscow"));
    }

    [Fact]
    public async Task The_timeline_line_says_at_which_leg_Xi_and_Putin_met()
    {
        using var client = app.CreateClient();
        var page = await client.GetFromJsonAsync<JsonElement>("/api/events?xiputin=true&year=2024");
        var visit = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("legs").GetArrayLength() == 2);
        Assert.Equal([0], visit.GetProperty("xiPutinLegs").EnumerateArray().Select(p => p.GetInt32()));
    }

    [Fact]
    public async Task Chinese_text_is_found_by_a_word_of_two_or_three_characters_or_one_character()
    {
        string title;
        await using (var db = app.CreateDbContext())
        {
            var statement = await db.Statements.Include(s => s.Event).OrderByDescending(s => s.Id).FirstAsync();
            statement.Text = "习近平主席同普京总统在北京举行会谈。";
            title = statement.Event!.Title;
            await db.SaveChangesAsync();
        }

        foreach (var query in new[] { "会谈", "普京", "习近平", "\"举行会谈\"", "谈", "会谈 OR nothingatall", "北京 会谈" })
        {
            Assert.True((await TitlesAsync(Q("q", query))).Contains(title), $"{query} should find the event");
        }

        // Characters that are never next to each other, and a phrase out of order, are not found.
        Assert.DoesNotContain(title, await TitlesAsync(Q("q", "谈会")));
        Assert.DoesNotContain(title, await TitlesAsync(Q("q", "\"会谈举行\"")));
    }
}
