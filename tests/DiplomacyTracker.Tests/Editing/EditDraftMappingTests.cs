using System.Text.Json;
using System.Text.Json.Nodes;
using DiplomacyTracker.Data.Events.Editing;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DiplomacyTracker.Tests.Editing;

/// <summary>
/// GET /api/events/{id} makes its "edit" from the details it returns; the editor opens a draft made from the saved
/// entities. A client that PUTs the API's draft back must be sending what the editor would have shown.
/// </summary>
public sealed class EditDraftMappingTests(EditingApp app) : IClassFixture<EditingApp>
{
    private JsonSerializerOptions ApiJson => app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    private async Task AssertSameDraftAsync(HttpClient client, int id)
    {
        var response = await client.GetAsync($"/api/events/{id}");
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var editable = await app.Commands.GetForEditAsync(id);
        Assert.NotNull(editable);
        var editorDraft = JsonSerializer.SerializeToNode(editable.Draft, ApiJson);

        Assert.True(JsonNode.DeepEquals(editorDraft, body["edit"]), $"Event {id}: the API's draft\n{body["edit"]}\nis not the editor's\n{editorDraft}");
        Assert.Equal(editable.Version.ToString(), body["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_seeded_event_has_the_draft_the_editor_opens()
    {
        List<int> ids;
        await using (var db = app.Db())
        {
            ids = await db.Events.Where(e => e.SeedKey != null).Select(e => e.Id).ToListAsync();
        }

        Assert.NotEmpty(ids);
        using var client = app.CreateApiClient();
        foreach (var id in ids)
        {
            await AssertSameDraftAsync(client, id);
        }
    }

    [Fact]
    public async Task So_does_an_event_with_people_from_outside_its_participants_and_unsourced_lines()
    {
        var draft = await app.ValidDraftAsync("Mapping check visit", 2033);
        var lavrov = await app.PersonIdAsync("sergey-lavrov");
        var wang = await app.PersonIdAsync("wang-yi");
        draft.IgnoreDuplicates = true;
        draft.EndDate = null;
        draft.Legs = [new LegDraft { City = "Moscow", Country = "Russia", StartDate = draft.StartDate, EndDate = draft.StartDate, AttendeeKeys = ["putin", "xi"], OtherAttendeeIds = [wang, lavrov] }];
        draft.Participants.Add(new ParticipantDraft { Key = "lavrov", PersonId = lavrov, Role = "Foreign Minister" });
        draft.Statements =
        [
            new StatementDraft { SpeakerPersonId = wang, Text = "A word from a minister who was not a participant.", SourceKey = "a" },
            new StatementDraft { Attribution = "The Kremlin press service", Text = "A line without a source." },
            new StatementDraft { SpeakerKey = "lavrov", Text = "A participant speaking.", SourceKey = "a" },
        ];
        draft.Documents.Add(new DocumentDraft { Title = "An unsourced memorandum" });
        var saved = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(draft, EditingApp.AdminEmail));

        using var client = app.CreateApiClient();
        await AssertSameDraftAsync(client, saved.EventId);

        // And that draft is what the rules say, not only the same from both sides.
        var xi = await app.PersonIdAsync("xi-jinping");
        var putin = await app.PersonIdAsync("vladimir-putin");
        var edit = (await app.Commands.GetForEditAsync(saved.EventId))!.Draft;
        var leg = Assert.Single(edit.Legs);
        // Lavrov, listed among the other attendees but also a participant, is an attendee by his key.
        Assert.Equal(new[] { xi, putin, lavrov }.Order().Select(id => $"p{id}"), leg.AttendeeKeys);
        Assert.Equal([wang], leg.OtherAttendeeIds);
        var byText = edit.Statements.ToDictionary(st => st.Text);
        var minister = byText["A word from a minister who was not a participant."];
        Assert.Equal((null, wang, "Wang Yi"), (minister.SpeakerKey, minister.SpeakerPersonId, minister.SpeakerName));
        Assert.Equal($"p{lavrov}", byText["A participant speaking."].SpeakerKey);
        Assert.Null(byText["A line without a source."].SourceKey);
        Assert.Equal(edit.Sources.Single().Key, minister.SourceKey);
        Assert.Null(edit.Documents.Single(d => d.Title == "An unsourced memorandum").SourceKey);
    }
}
