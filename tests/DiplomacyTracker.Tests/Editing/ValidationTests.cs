using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiplomacyTracker.Data.Events.Editing;

namespace DiplomacyTracker.Tests.Editing;

/// <summary>Each rule, through the write API (the same validator the form uses): 400 problem details keyed by field path, nothing saved.</summary>
public sealed class ValidationTests(EditingApp app) : IClassFixture<EditingApp>
{
    public static TheoryData<string, string> Rules => new()
    {
        { "missing title", "Title" },
        { "title too long", "Title" },
        { "no start date", "StartDate" },
        { "end before start", "EndDate" },
        { "leg starts before the event", "Legs[0].StartDate" },
        { "leg ends after the event", "Legs[1].EndDate" },
        { "leg without city", "Legs[0].City" },
        { "leg without country", "Legs[1].Country" },
        { "site too long", "Legs[0].Site" },
        { "no legs", "Legs" },
        { "no participants", "Participants" },
        { "new person without English name", "Participants[2].NewNameEn" },
        { "same person twice", "Participants[1].PersonId" },
        { "malformed URL", "Sources[0].Url" },
        { "source without URL or text", "Sources[0].Url" },
        { "statement without text", "Statements[0].Text" },
        { "statement by a non-participant", "Statements[0].SpeakerKey" },
        { "document without title", "Documents[0].Title" },
        { "summary too long", "Summary" },
        { "unknown person", "Participants[0].PersonId" },
        { "unknown topic", "TopicSlugs" },
        { "unknown date given a date anyway", "StartDate" },
        { "unknown date without a reason", "DateNote" },
        { "approximate date without a reason", "DateNote" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Api_refuses_bad_input_with_a_problem_keyed_by_the_field(string rule, string field)
    {
        var draft = await app.ValidDraftAsync("Validation " + rule);
        Break(draft, rule);
        var before = await app.CountEventsAsync();

        using var client = app.CreateApiClient();
        var response = await client.PostAsync("/api/events", EditingApp.JsonBody(draft));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await EditingApp.ReadJsonAsync(response);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"Expected an error for {field}, got {errors}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Equal(before, await app.CountEventsAsync());
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Editor_service_refuses_the_same_input_with_the_same_key(string rule, string field)
    {
        var draft = await app.ValidDraftAsync("Command " + rule);
        Break(draft, rule);

        var result = Assert.IsType<EventCommandResult.Invalid>(await app.Commands.CreateAsync(draft, EditingApp.AdminEmail));

        Assert.Contains(field, result.Errors.Keys);
    }

    [Theory]
    [InlineData("legs", HttpStatusCode.BadRequest, "Legs")]
    [InlineData("participants", HttpStatusCode.BadRequest, "Participants")]
    [InlineData("leg with null attendeeKeys", HttpStatusCode.Created, null)]
    [InlineData("topicSlugs", HttpStatusCode.Created, null)]
    [InlineData("statements", HttpStatusCode.Created, null)]
    [InlineData("documents", HttpStatusCode.Created, null)]
    [InlineData("sources", HttpStatusCode.BadRequest, "Statements[0].SourceKey")]
    [InlineData("a null leg", HttpStatusCode.BadRequest, "Legs[0]")]
    public async Task Api_reads_a_null_list_as_empty_and_never_fails_with_500(string nulled, HttpStatusCode expected, string? field)
    {
        var draft = await app.ValidDraftAsync("Null list " + nulled, year: 2047);
        draft.IgnoreDuplicates = true;
        var body = JsonSerializer.SerializeToNode(draft, EditingApp.Json)!.AsObject();
        switch (nulled)
        {
            case "leg with null attendeeKeys":
                body["legs"]![1]!["attendeeKeys"] = null;
                break;
            case "a null leg":
                body["legs"]![0] = null;
                break;
            default:
                body[nulled] = null;
                break;
        }

        using var client = app.CreateApiClient();
        using var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/events", content);

        Assert.Equal(expected, response.StatusCode);
        if (field is not null)
        {
            var errors = (await EditingApp.ReadJsonAsync(response)).GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"Expected an error for {field}, got {errors}");
        }
    }

    [Fact]
    public async Task Valid_draft_is_accepted_and_a_likely_duplicate_is_warned_about_before_saving()
    {
        using var client = app.CreateApiClient();
        var draft = await app.ValidDraftAsync("Original visit", year: 2033);
        var created = await client.PostAsync("/api/events", EditingApp.JsonBody(draft));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await EditingApp.ReadJsonAsync(created)).GetProperty("id").GetInt32();

        // Same two people, overlapping dates: refused with the existing event listed, nothing saved.
        var again = await app.ValidDraftAsync("Same visit typed again", year: 2033);
        again.StartDate = new DateOnly(2033, 3, 3);
        again.EndDate = new DateOnly(2033, 3, 6);
        again.Legs = [new LegDraft { City = "Kazan", Country = "Russia" }];
        var count = await app.CountEventsAsync();
        var warned = await client.PostAsync("/api/events", EditingApp.JsonBody(again));
        Assert.Equal(HttpStatusCode.Conflict, warned.StatusCode);
        var duplicates = (await EditingApp.ReadJsonAsync(warned)).GetProperty("duplicates");
        var duplicate = Assert.Single(duplicates.EnumerateArray());
        Assert.Equal(id, duplicate.GetProperty("id").GetInt32());
        // Dates come in the read API's shape, with their precision.
        Assert.Equal("Day", duplicate.GetProperty("start").GetProperty("precision").GetString());
        Assert.Equal(count, await app.CountEventsAsync());

        // The editor saw the warning and saves anyway.
        again.IgnoreDuplicates = true;
        var saved = await client.PostAsync("/api/events", EditingApp.JsonBody(again));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(count + 1, await app.CountEventsAsync());
    }

    [Fact]
    public async Task An_event_no_source_dates_is_saved_as_date_unknown_with_its_reason_and_a_passing_mention_needs_no_legs()
    {
        var draft = await app.ValidDraftAsync("Undated talks");
        draft.Precision = DiplomacyTracker.Data.Common.DatePrecision.Unknown;
        draft.StartDate = null;
        draft.EndDate = null;
        draft.DateNote = "The article prints no date.";
        foreach (var leg in draft.Legs)
        {
            leg.StartDate = null;
            leg.EndDate = null;
        }

        var undated = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(draft, EditingApp.AdminEmail));
        await using (var db = app.CreateDbContext())
        {
            var saved = db.Events.Single(e => e.Id == undated.EventId);
            Assert.False(saved.Start.IsKnown);
            Assert.Equal("The article prints no date.", saved.DateNote);
        }

        var mention = await app.ValidDraftAsync("Mentioned upgrade of relations");
        mention.MentionedOnly = true;
        mention.Legs.Clear();
        mention.Statements.Clear();
        mention.Participants.Clear();
        var mentioned = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(mention, EditingApp.AdminEmail));
    }

    [Fact]
    public async Task Malformed_json_gets_a_problem_not_a_crash()
    {
        using var client = app.CreateApiClient();
        var content = new StringContent("{\"title\": ");
        content.Headers.ContentType = new("application/json");
        var response = await client.PostAsync("/api/events", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Error_paths_resolve_to_the_nested_objects_the_form_binds()
    {
        var draft = new EventDraft { Legs = [new LegDraft(), new LegDraft()] };
        var field = Web.Features.Editing.DraftValidator.Resolve(draft, "Legs[1].City");
        Assert.NotNull(field);
        Assert.Same(draft.Legs[1], field.Value.Model);
        Assert.Equal("City", field.Value.FieldName);
        Assert.Same(draft, Web.Features.Editing.DraftValidator.Resolve(draft, "Legs")!.Value.Model);
        Assert.Null(Web.Features.Editing.DraftValidator.Resolve(draft, "Legs[5].City"));
    }

    private static void Break(EventDraft draft, string rule)
    {
        switch (rule)
        {
            case "missing title": draft.Title = "  "; break;
            case "title too long": draft.Title = new string('x', 201); break;
            case "no start date": draft.StartDate = null; break;
            case "end before start": draft.EndDate = draft.StartDate!.Value.AddDays(-1); break;
            case "leg starts before the event": draft.Legs[0].StartDate = draft.StartDate!.Value.AddDays(-3); break;
            case "leg ends after the event": draft.Legs[1].EndDate = draft.EndDate!.Value.AddDays(2); break;
            case "leg without city": draft.Legs[0].City = ""; break;
            case "leg without country": draft.Legs[1].Country = ""; break;
            case "site too long": draft.Legs[0].Site = new string('s', 201); break;
            case "no legs": draft.Legs.Clear(); break;
            case "no participants":
                draft.Participants.Clear();
                draft.Legs.ForEach(l => l.AttendeeKeys.Clear());
                draft.Statements.Clear();
                break;
            case "new person without English name": draft.Participants.Add(new ParticipantDraft { NewNameZh = "王毅" }); break;
            case "same person twice": draft.Participants[1].PersonId = draft.Participants[0].PersonId; break;
            case "malformed URL": draft.Sources[0].Url = "example dot org/visit"; break;
            case "source without URL or text": draft.Sources[0].Url = null; draft.Sources[0].Text = null; break;
            case "statement without text": draft.Statements[0].Text = ""; break;
            case "statement by a non-participant": draft.Statements[0].SpeakerKey = "nobody"; break;
            case "document without title": draft.Documents[0].Title = ""; break;
            case "summary too long": draft.Summary = new string('s', 4001); break;
            case "unknown person": draft.Participants[0].PersonId = 999_999; break;
            case "unknown topic": draft.TopicSlugs = ["no-such-topic"]; break;
            case "unknown date given a date anyway": draft.Precision = DiplomacyTracker.Data.Common.DatePrecision.Unknown; draft.DateNote = "No source dates it."; break;
            case "unknown date without a reason":
                draft.Precision = DiplomacyTracker.Data.Common.DatePrecision.Unknown;
                draft.StartDate = null;
                draft.EndDate = null;
                foreach (var leg in draft.Legs)
                {
                    leg.StartDate = null;
                    leg.EndDate = null;
                }

                draft.DateNote = null;
                break;
            case "approximate date without a reason": draft.DatesApproximate = true; draft.DateNote = " "; break;
            default: throw new ArgumentOutOfRangeException(nameof(rule), rule, null);
        }
    }
}
