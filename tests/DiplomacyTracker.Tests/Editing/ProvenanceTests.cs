using System.Net;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;

namespace DiplomacyTracker.Tests.Editing;

/// <summary>Every new event says where it comes from, completely; what looks like a slip is confirmed before saving.</summary>
public sealed class ProvenanceTests(EditingApp app) : IClassFixture<EditingApp>
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public async Task A_new_event_without_a_source_is_refused_and_nothing_is_saved()
    {
        var draft = await app.ValidDraftAsync("Sourceless visit", year: 2020);
        draft.Sources = [];
        draft.Statements[0].SourceKey = null;
        draft.Documents[0].SourceKey = null;
        var count = await app.CountEventsAsync();

        var result = Assert.IsType<EventCommandResult.Invalid>(await app.Commands.CreateAsync(draft, EditingApp.AdminEmail));

        Assert.Equal(["Add at least one source: the article or readout that reports this event."], result.Errors["Sources"]);
        Assert.Equal(count, await app.CountEventsAsync());
    }

    [Fact]
    public async Task A_new_source_names_its_outlet_and_date_or_says_they_are_unknown()
    {
        var draft = await app.ValidDraftAsync("Visit with a vague source", year: 2019);
        draft.Sources[0].Outlet = null;
        draft.Sources[0].PublishedOn = null;

        var missing = Assert.IsType<EventCommandResult.Invalid>(await app.Commands.CreateAsync(draft, EditingApp.AdminEmail));
        Assert.Equal(["Give the outlet that published it, or tick \"Outlet unknown\"."], missing.Errors["Sources[0].Outlet"]);
        Assert.Equal(["Give the publication date, or tick \"Publication date unknown\"."], missing.Errors["Sources[0].PublishedOn"]);

        draft.Sources[0].Outlet = "Xinhua";
        draft.Sources[0].OutletUnknown = true;
        var both = Assert.IsType<EventCommandResult.Invalid>(await app.Commands.CreateAsync(draft, EditingApp.AdminEmail));
        Assert.Equal(["The outlet is given and also marked unknown: clear one of them."], both.Errors["Sources[0].Outlet"]);

        draft.Sources[0].Outlet = null;
        draft.Sources[0].PublishedUnknown = true;
        var saved = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(draft, EditingApp.AdminEmail));
        var source = Assert.Single((await app.Commands.GetForEditAsync(saved.EventId))!.Draft.Sources);
        Assert.Null(source.Outlet);
        Assert.Null(source.PublishedOn);
    }

    [Fact]
    public async Task An_event_cannot_lose_its_last_source()
    {
        var saved = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(await app.ValidDraftAsync("Keeps its source", year: 2018), EditingApp.AdminEmail));
        var editable = (await app.Commands.GetForEditAsync(saved.EventId))!;
        editable.Draft.RemoveSource(editable.Draft.Sources[0]);

        var refused = Assert.IsType<EventCommandResult.Invalid>(await app.Commands.UpdateAsync(saved.EventId, editable.Draft, editable.Version, EditingApp.AdminEmail));

        Assert.Contains("Sources", refused.Errors.Keys);
        Assert.Single((await app.Commands.GetForEditAsync(saved.EventId))!.Draft.Sources);
    }

    [Fact]
    public void An_event_saved_without_a_source_before_the_rule_stays_editable()
    {
        var old = new EventDraft { Title = "Old record", StartDate = new DateOnly(2015, 5, 8), MentionedOnly = true };
        var edited = new EventDraft { Title = "Old record, retitled", StartDate = new DateOnly(2015, 5, 8), MentionedOnly = true };

        Assert.DoesNotContain("Sources", EventDraftValidator.Validate(edited, saved: old).Keys);
        Assert.Contains("Sources", EventDraftValidator.Validate(edited).Keys);
    }

    [Theory]
    [InlineData(EventStatus.Held, "2027-01-10", "Marked as held, but it starts on 10 January 2027, in the future. Is it only announced?")]
    [InlineData(EventStatus.Announced, "2025-11-30", "Still marked as announced, but its date (30 November 2025) is more than a year ago. Was it held, postponed or cancelled?")]
    [InlineData(EventStatus.Held, "2026-12-01", null)]
    [InlineData(EventStatus.Announced, "2025-12-01", null)]
    [InlineData(EventStatus.Postponed, "2027-01-10", null)]
    public void Held_in_the_future_and_announced_long_ago_are_warnings(EventStatus status, string start, string? warning)
    {
        var draft = new EventDraft { Status = status, StartDate = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture) };

        var warnings = EventDraftValidator.Warnings(draft, Today);

        Assert.Equal(warning is null ? [] : [warning], warnings.GetValueOrDefault("Status") ?? []);
    }

    [Fact]
    public void A_warning_confirmed_once_is_not_asked_again_while_status_and_dates_stay()
    {
        var saved = new EventDraft { Status = EventStatus.Held, StartDate = new DateOnly(2027, 1, 10) };
        var edited = new EventDraft { Status = EventStatus.Held, StartDate = new DateOnly(2027, 1, 10), Summary = "Added later." };
        var moved = new EventDraft { Status = EventStatus.Held, StartDate = new DateOnly(2027, 2, 10) };

        Assert.Empty(EventDraftValidator.Warnings(edited, Today, saved));
        Assert.NotEmpty(EventDraftValidator.Warnings(moved, Today, saved));
    }

    [Fact]
    public async Task Api_answers_422_naming_the_flag_to_send_and_saves_once_it_is_sent()
    {
        using var client = app.CreateApiClient();
        var draft = await app.ValidDraftAsync("Held in 2099", year: 2099);
        draft.Status = EventStatus.Held;
        var count = await app.CountEventsAsync();

        var warned = await client.PostAsync("/api/events", EditingApp.JsonBody(draft));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, warned.StatusCode);
        var problem = await EditingApp.ReadJsonAsync(warned);
        Assert.Equal("confirmWarnings", problem.GetProperty("confirmWith").GetString());
        Assert.StartsWith("Marked as held, but it starts on 1 March 2099", problem.GetProperty("warnings").GetProperty("Status")[0].GetString());
        Assert.Equal(count, await app.CountEventsAsync());

        draft.ConfirmWarnings = true;
        var saved = await client.PostAsync("/api/events", EditingApp.JsonBody(draft));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(count + 1, await app.CountEventsAsync());
    }
}
