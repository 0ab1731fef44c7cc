using System.Net;
using DiplomacyTracker.Data.Events.Editing;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Tests.Editing;

/// <summary>The cases from issue 10 that the old rule (every new participant in the old event, no city) let through.</summary>
public sealed class DuplicateDetectionTests(EditingApp app) : IClassFixture<EditingApp>
{
    private async Task<EventDraft> MeetingAsync(string title, DateOnly start, DateOnly? end, string city, string country)
    {
        var draft = await app.ValidDraftAsync(title, start.Year);
        draft.StartDate = start;
        draft.EndDate = end;
        draft.Legs = [new LegDraft { City = city, Country = country, StartDate = start, EndDate = end, AttendeeKeys = ["xi", "putin"] }];
        return draft;
    }

    [Fact]
    public async Task Xi_state_visit_to_Moscow_in_March_2013_is_caught_against_the_seeded_visit_that_lists_only_Xi()
    {
        int seededId;
        await using (var db = app.Db())
        {
            seededId = await db.Events.Where(e => e.SeedKey == "2013-xi-state-visit-moscow").Select(e => e.Id).SingleAsync();
        }

        var draft = await MeetingAsync("Xi Jinping state visit to Russia", new DateOnly(2013, 3, 22), new DateOnly(2013, 3, 24), "Москва", "Russia");
        var count = await app.CountEventsAsync();

        var result = Assert.IsType<EventCommandResult.LikelyDuplicates>(await app.Commands.CreateAsync(draft, EditingApp.AdminEmail));

        var seeded = Assert.Single(result.Candidates, c => c.Id == seededId);
        Assert.Contains("same city (Moscow)", seeded.Reasons);
        Assert.Contains("1 of 1 participants in common", seeded.Reasons);
        Assert.InRange(seeded.Score, DuplicateScore.Threshold, 1);
        Assert.Equal(count, await app.CountEventsAsync());
    }

    [Fact]
    public async Task The_Kazan_meeting_a_day_later_or_with_Lavrov_added_is_caught_and_a_meeting_a_week_later_is_not()
    {
        var original = await MeetingAsync("Xi and Putin meet at the BRICS summit in Kazan", new DateOnly(2024, 10, 22), null, "Kazan", "Russia");
        var saved = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(original, EditingApp.AdminEmail));

        var dayLater = await MeetingAsync("Xi–Putin talks in Kazan", new DateOnly(2024, 10, 23), null, "Kazan", "Russia");
        var later = Assert.IsType<EventCommandResult.LikelyDuplicates>(await app.Commands.CreateAsync(dayLater, EditingApp.AdminEmail));
        Assert.Contains("dates 1 day apart", Assert.Single(later.Candidates, c => c.Id == saved.EventId).Reasons);

        var withLavrov = await MeetingAsync("Xi and Putin meet at the BRICS summit in Kazan", new DateOnly(2024, 10, 22), null, "Kazan", "Russia");
        withLavrov.Participants.Add(new ParticipantDraft { Key = "lavrov", PersonId = await app.PersonIdAsync("sergey-lavrov"), Role = "Foreign Minister" });
        var lavrov = Assert.IsType<EventCommandResult.LikelyDuplicates>(await app.Commands.CreateAsync(withLavrov, EditingApp.AdminEmail));
        Assert.Contains("2 of 2 participants in common", Assert.Single(lavrov.Candidates, c => c.Id == saved.EventId).Reasons);

        var weekLater = await MeetingAsync("Xi and Putin meet in Kazan", new DateOnly(2024, 10, 29), null, "Kazan", "Russia");
        Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(weekLater, EditingApp.AdminEmail));
    }

    [Fact]
    public async Task Api_problem_details_give_each_duplicates_score_and_reasons()
    {
        var original = await MeetingAsync("Xi and Putin meet in Tianjin", new DateOnly(2025, 8, 31), new DateOnly(2025, 9, 1), "Tianjin", "China");
        var saved = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(original, EditingApp.AdminEmail));
        using var client = app.CreateApiClient();

        var response = await client.PostAsync("/api/events", EditingApp.JsonBody(await MeetingAsync("SCO summit talks, Tianjin", new DateOnly(2025, 9, 1), null, "Tianjin", "China")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var duplicate = Assert.Single((await EditingApp.ReadJsonAsync(response)).GetProperty("duplicates").EnumerateArray());
        Assert.Equal(saved.EventId, duplicate.GetProperty("id").GetInt32());
        Assert.InRange(duplicate.GetProperty("score").GetDouble(), DuplicateScore.Threshold, 1);
        Assert.Contains("same city (Tianjin)", duplicate.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task An_edit_is_not_its_own_duplicate()
    {
        var draft = await MeetingAsync("Xi and Putin meet in Dushanbe", new DateOnly(2019, 6, 15), null, "Dushanbe", "Tajikistan");
        var saved = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(draft, EditingApp.AdminEmail));
        var editable = await app.Commands.GetForEditAsync(saved.EventId);
        editable!.Draft.Summary = "Corrected summary.";

        Assert.IsType<EventCommandResult.Saved>(await app.Commands.UpdateAsync(saved.EventId, editable.Draft, editable.Version, EditingApp.AdminEmail));
    }

    [Fact]
    public async Task Correcting_the_summary_of_an_event_with_a_look_alike_is_not_held_up()
    {
        var first = await MeetingAsync("Xi and Putin meet in Bishkek", new DateOnly(2019, 6, 13), null, "Bishkek", "Kyrgyzstan");
        Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(first, EditingApp.AdminEmail));
        var second = await MeetingAsync("SCO summit in Bishkek", new DateOnly(2019, 6, 14), null, "Bishkek", "Kyrgyzstan");
        second.IgnoreDuplicates = true;
        var saved = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(second, EditingApp.AdminEmail));

        var editable = (await app.Commands.GetForEditAsync(saved.EventId))!;
        editable.Draft.Summary = "Corrected summary.";
        Assert.IsType<EventCommandResult.Saved>(await app.Commands.UpdateAsync(saved.EventId, editable.Draft, editable.Version, EditingApp.AdminEmail));

        // Moving it is checked again.
        editable = (await app.Commands.GetForEditAsync(saved.EventId))!;
        editable.Draft.StartDate = new DateOnly(2019, 6, 13);
        editable.Draft.Legs[0].StartDate = new DateOnly(2019, 6, 13);
        Assert.IsType<EventCommandResult.LikelyDuplicates>(await app.Commands.UpdateAsync(saved.EventId, editable.Draft, editable.Version, EditingApp.AdminEmail));
    }

    [Fact]
    public async Task Many_drafts_at_once_get_the_same_answers_as_one_by_one_in_their_order()
    {
        var saved = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(
            await MeetingAsync("Xi and Putin meet in Samarkand", new DateOnly(2022, 9, 15), null, "Samarkand", "Uzbekistan"), EditingApp.AdminEmail));
        List<EventDraft> drafts =
        [
            await MeetingAsync("Xi–Putin talks, Samarkand", new DateOnly(2022, 9, 16), null, "Samarkand", "Uzbekistan"),
            await MeetingAsync("Xi and Putin meet in Samarkand again", new DateOnly(2022, 9, 25), null, "Samarkand", "Uzbekistan"),
            await MeetingAsync("Xi Jinping's state visit to Moscow", new DateOnly(2013, 3, 22), new DateOnly(2013, 3, 24), "Moscow", "Russia"),
            await MeetingAsync("Xi and Putin meet in Samarkand", new DateOnly(2022, 9, 15), null, "Samarkand", "Uzbekistan"),
        ];

        var batch = await app.Commands.FindLikelyDuplicatesAsync(drafts);

        Assert.Equal(drafts.Count, batch.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var single = await app.Commands.FindLikelyDuplicatesAsync(drafts[i], null);
            Assert.Equal(single.Select(c => (c.Id, c.Score)), batch[i].Select(c => (c.Id, c.Score)));
        }

        Assert.Contains(batch[0], c => c.Id == saved.EventId);
        Assert.Empty(batch[1]);
        Assert.NotEmpty(batch[2]);
        Assert.Contains(batch[3], c => c.Id == saved.EventId);
    }
}
