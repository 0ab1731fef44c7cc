using System.Net;
using System.Text.Json;
using DiplomacyTracker.Data.Auditing;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyTracker.Tests.Editing;

public sealed class EventCommandsTests(EditingApp app) : IClassFixture<EditingApp>
{
    private EventQueries Queries => app.Services.GetRequiredService<EventQueries>();

    [Fact]
    public async Task New_visit_is_saved_whole_and_found_on_the_timeline_through_the_filters()
    {
        var draft = await app.ValidDraftAsync("Filterable visit", year: 2034);
        draft.Participants.Add(new ParticipantDraft { Key = "new", NewNameEn = "Ivan Testov", NewNameRu = "Иван Тестов", NewCountry = Data.Common.Side.Russia, Role = "Governor" });
        draft.Legs[1].AttendeeKeys.Add("new");
        draft.TopicSlugs = [(await FirstTopicSlugAsync())];

        var result = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(draft, EditingApp.AdminEmail));

        var found = await Queries.SearchAsync(new EventFilter { YearFrom = 2034, YearTo = 2034, Venue = "Kazan", Participant = "xi-jinping" }, 1, 50);
        var summary = Assert.Single(found.Items);
        Assert.Equal("Filterable visit", summary.Title);
        Assert.Equal(["Moscow", "Kazan"], summary.Legs.Select(l => l.City));
        Assert.Contains(summary.Participants, p => p.Person.Name == "Ivan Testov" && p.Role == "Governor");

        var details = await Queries.GetAsync(result.EventId);
        Assert.Equal("1–4 March 2034", Data.Common.PartialDate.FormatRange(details!.Start, details.End));
        Assert.Contains(details.Legs[1].Attendees, a => a.Name == "Ivan Testov");
        Assert.Equal("We had good talks.", Assert.Single(details.Statements).Text);
        Assert.Equal("Joint statement", Assert.Single(details.Documents).Title);
        Assert.Equal("Report of the visit", Assert.Single(details.Sources).Title);
        Assert.Single(details.Topics);
        Assert.NotNull((await Queries.SearchAsync(new EventFilter { Participant = "ivan-testov" }, 1, 50)).Items.SingleOrDefault());
    }

    [Fact]
    public async Task Second_save_with_an_old_version_is_a_conflict_showing_what_differs_and_overwrites_nothing()
    {
        var created = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(await app.ValidDraftAsync("Conflicted visit", year: 2035), EditingApp.AdminEmail));
        var first = await app.Commands.GetForEditAsync(created.EventId);
        var second = await app.Commands.GetForEditAsync(created.EventId);

        first!.Draft.Title = "Title from editor one";
        Assert.IsType<EventCommandResult.Saved>(await app.Commands.UpdateAsync(first.Id, first.Draft, first.Version, "one@example.org"));

        second!.Draft.Summary = "Summary from editor two";
        var conflict = Assert.IsType<EventCommandResult.Conflict>(await app.Commands.UpdateAsync(second.Id, second.Draft, second.Version, "two@example.org"));

        Assert.Contains(conflict.Changes, c => c.Field == "Title" && c.Before == "Conflicted visit" && c.After == "Title from editor one");
        Assert.Contains(conflict.Changes, c => c.Field == "Summary" && c.Before == "Summary from editor two");
        Assert.Equal("Title from editor one", conflict.Current!.Draft.Title);
        var saved = await Queries.GetAsync(first.Id);
        Assert.Equal("Title from editor one", saved!.Title);
        Assert.Equal("A visit made up for a test.", saved.Summary);
    }

    [Fact]
    public async Task Changing_only_a_leg_renews_the_version_so_a_stale_editor_still_conflicts()
    {
        var created = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(await app.ValidDraftAsync("Leg-only change", year: 2036), EditingApp.AdminEmail));
        var first = await app.Commands.GetForEditAsync(created.EventId);
        var stale = await app.Commands.GetForEditAsync(created.EventId);
        first!.Draft.Legs[1].City = "Sochi";
        var saved = Assert.IsType<EventCommandResult.Saved>(await app.Commands.UpdateAsync(first.Id, first.Draft, first.Version, "one@example.org"));
        Assert.NotEqual(first.Version, saved.Version);

        stale!.Draft.Title = "Stale title";
        Assert.IsType<EventCommandResult.Conflict>(await app.Commands.UpdateAsync(stale.Id, stale.Draft, stale.Version, "two@example.org"));
    }

    [Fact]
    public async Task Api_update_needs_the_version_and_answers_409_with_the_changes_on_conflict()
    {
        using var client = app.CreateApiClient();
        var created = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(await app.ValidDraftAsync("Api conflict", year: 2037), EditingApp.AdminEmail));
        var editable = await app.Commands.GetForEditAsync(created.EventId);
        editable!.Draft.Title = "Changed over the API";

        var noVersion = await client.PutAsync($"/api/events/{editable.Id}", EditingApp.JsonBody(editable.Draft));
        Assert.Equal((HttpStatusCode)428, noVersion.StatusCode);

        var ok = new HttpRequestMessage(HttpMethod.Put, $"/api/events/{editable.Id}") { Content = EditingApp.JsonBody(editable.Draft) };
        ok.Headers.IfMatch.ParseAdd($"\"{editable.Version}\"");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ok)).StatusCode);

        editable.Draft.Title = "Lost update attempt";
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/events/{editable.Id}") { Content = EditingApp.JsonBody(editable.Draft) };
        stale.Headers.IfMatch.ParseAdd($"\"{editable.Version}\"");
        var conflict = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var problem = await EditingApp.ReadJsonAsync(conflict);
        Assert.Contains(problem.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "Title" && c.GetProperty("after").GetString() == "Changed over the API");
        Assert.Equal("Changed over the API", (await Queries.GetAsync(editable.Id))!.Title);
    }

    [Fact]
    public async Task Delete_is_soft_listed_as_recently_deleted_and_can_be_undone()
    {
        using var client = app.CreateApiClient();
        var created = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(await app.ValidDraftAsync("Deleted then restored", year: 2038), EditingApp.AdminEmail));
        var id = created.EventId;

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/events/{id}")).StatusCode);
        Assert.Null(await Queries.GetAsync(id));
        Assert.Empty((await Queries.SearchAsync(new EventFilter { YearFrom = 2038, YearTo = 2038 }, 1, 50)).Items);
        var listed = Assert.Single(await app.Commands.ListRecentlyDeletedAsync(), d => d.Id == id);
        Assert.Equal("api:importer", listed.DeletedBy);
        await using (var db = app.Db())
        {
            Assert.True(await db.Events.IgnoreQueryFilters().AnyAsync(e => e.Id == id && e.IsDeleted));
            Assert.Equal(2, await db.EventLegs.IgnoreQueryFilters().CountAsync(l => l.EventId == id));
        }

        var restored = Assert.IsType<EventCommandResult.Saved>(await app.Commands.RestoreAsync(id, EditingApp.AdminEmail));
        Assert.Equal("Deleted then restored", (await Queries.GetAsync(id))!.Title);
        Assert.Equal(2, (await Queries.GetAsync(id))!.Legs.Count);
        Assert.DoesNotContain(await app.Commands.ListRecentlyDeletedAsync(), d => d.Id == id);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/events/987654")).StatusCode);
    }

    [Fact]
    public async Task Every_create_edit_delete_and_restore_is_audited_with_who_when_and_the_field_diff()
    {
        var created = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(await app.ValidDraftAsync("Audited visit", year: 2039), "creator@example.org"));
        var id = created.EventId;
        var editable = await app.Commands.GetForEditAsync(id);
        editable!.Draft.Title = "Audited visit, renamed";
        editable.Draft.Legs[0].City = "St Petersburg";
        await app.Commands.UpdateAsync(id, editable.Draft, editable.Version, "editor@example.org");
        await app.Commands.SoftDeleteAsync(id, "deleter@example.org");
        await app.Commands.RestoreAsync(id, "restorer@example.org");

        var trail = (await app.Commands.GetAuditTrailAsync(id)).Reverse().ToList();
        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Deleted, AuditAction.Restored], trail.Select(t => t.Action));
        Assert.Equal(["creator@example.org", "editor@example.org", "deleter@example.org", "restorer@example.org"], trail.Select(t => t.UserName));
        Assert.Contains(trail[0].Changes, c => c.Field == "Title" && c.Before is null && c.After == "Audited visit");
        Assert.Equal(2, trail[1].Changes.Count);
        Assert.Contains(trail[1].Changes, c => c.Field == "Title" && c.Before == "Audited visit" && c.After == "Audited visit, renamed");
        Assert.Contains(trail[1].Changes, c => c.Field == "Leg 1" && c.Before!.StartsWith("Moscow", StringComparison.Ordinal) && c.After!.StartsWith("St Petersburg", StringComparison.Ordinal));
        Assert.All(trail, t => Assert.True(DateTime.UtcNow - t.At < TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task Changing_only_a_statements_attribution_or_a_documents_source_is_saved_and_audited()
    {
        var draft = await app.ValidDraftAsync("Small edits", year: 2049);
        draft.Sources.Add(new SourceDraft { Key = "b", Title = "Second report", Url = "https://example.org/second", OutletUnknown = true, PublishedUnknown = true });
        var created = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(draft, EditingApp.AdminEmail));
        var id = created.EventId;

        // The statement keeps its speaker and gains an attribution.
        var editable = await app.Commands.GetForEditAsync(id);
        editable!.Draft.Statements[0].Attribution = "Chinese foreign ministry readout";
        var saved = Assert.IsType<EventCommandResult.Saved>(await app.Commands.UpdateAsync(id, editable.Draft, editable.Version, "editor@example.org"));
        Assert.NotEqual(editable.Version, saved.Version);
        var statement = Assert.Single((await Queries.GetAsync(id))!.Statements);
        Assert.Equal("Chinese foreign ministry readout", statement.Attribution);
        Assert.Equal("Xi Jinping", statement.Speaker?.Name);
        var audit = Assert.Single(Assert.Single(await app.Commands.GetAuditTrailAsync(id), a => a.Action == AuditAction.Updated).Changes);
        Assert.Equal("Statement 1", audit.Field);
        Assert.Contains("Chinese foreign ministry readout", audit.After, StringComparison.Ordinal);

        // The document moves to the other source.
        editable = await app.Commands.GetForEditAsync(id);
        editable!.Draft.Documents[0].SourceKey = editable.Draft.Sources.Single(s => s.Title == "Second report").Key;
        saved = Assert.IsType<EventCommandResult.Saved>(await app.Commands.UpdateAsync(id, editable.Draft, editable.Version, "editor@example.org"));
        Assert.NotEqual(editable.Version, saved.Version);
        Assert.Equal("Second report", Assert.Single((await Queries.GetAsync(id))!.Documents).Source?.Title);
        Assert.Equal("Document 1", Assert.Single(saved.Changes).Field);
        Assert.Equal(2, (await app.Commands.GetAuditTrailAsync(id)).Count(a => a.Action == AuditAction.Updated));
    }

    [Fact]
    public async Task A_source_shared_by_two_events_is_only_linked_by_an_event_save_and_never_changed()
    {
        var a = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(await app.ValidDraftAsync("Shares a source, A", year: 2051), EditingApp.AdminEmail));
        var sourceId = Assert.Single((await Queries.GetAsync(a.EventId))!.Sources).Id;
        var draftB = await app.ValidDraftAsync("Shares a source, B", year: 2052);
        draftB.Sources = [new SourceDraft { Key = "a", SourceId = sourceId }];
        var b = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(draftB, EditingApp.AdminEmail));
        var bId = b.EventId;
        Assert.Equal(sourceId, Assert.Single((await Queries.GetAsync(bId))!.Sources).Id);

        // Changing the shared source's details from event B is refused, with a message on each field, and changes nothing.
        var editable = await app.Commands.GetForEditAsync(bId);
        editable!.Draft.Sources[0].Title = "Retitled from event B";
        editable.Draft.Sources[0].Outlet = "Another outlet";
        var refused = Assert.IsType<EventCommandResult.Invalid>(await app.Commands.UpdateAsync(bId, editable.Draft, editable.Version, "editor@example.org"));
        Assert.Contains("Sources[0].Title", refused.Errors.Keys);
        Assert.Contains("Sources[0].Outlet", refused.Errors.Keys);

        using var client = app.CreateApiClient();
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/events/{bId}") { Content = EditingApp.JsonBody(editable.Draft) };
        put.Headers.IfMatch.ParseAdd($"\"{editable.Version}\"");
        var response = await client.SendAsync(put);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await EditingApp.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty("Sources[0].Title", out _));

        // Saving B with the source as loaded links it and leaves it alone.
        editable = await app.Commands.GetForEditAsync(bId);
        editable!.Draft.Title = "Shares a source, B renamed";
        Assert.IsType<EventCommandResult.Saved>(await app.Commands.UpdateAsync(bId, editable.Draft, editable.Version, "editor@example.org"));
        foreach (var id in new[] { a.EventId, bId })
        {
            var source = Assert.Single((await Queries.GetAsync(id))!.Sources);
            Assert.Equal("Report of the visit", source.Title);
            Assert.Equal("Example News", source.Outlet);
        }
    }

    [Fact]
    public async Task Renaming_any_seeded_event_in_the_editor_changes_its_title_and_nothing_else()
    {
        await using var db = app.Db();
        var ids = await db.Events.Where(e => e.SeedKey != null).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        Assert.NotEmpty(ids);
        foreach (var id in ids)
        {
            var before = await Queries.GetAsync(id);
            var editable = await app.Commands.GetForEditAsync(id);
            // Every seeded event, undated meetings and passing mentions without legs included, loads as a valid draft.
            var errors = EventDraftValidator.Validate(editable!.Draft);
            Assert.True(errors.Count == 0, $"Seeded event {id} does not load as a valid draft: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");

            editable.Draft.Title = before!.Title + " (renamed)";
            var result = Assert.IsType<EventCommandResult.Saved>(await app.Commands.UpdateAsync(id, editable.Draft, editable.Version, "renamer@example.org"));
            Assert.Equal("Title", Assert.Single(result.Changes).Field);

            var after = await Queries.GetAsync(id);
            Assert.Equal(before.Title + " (renamed)", after!.Title);
            Assert.NotEqual(before.Version, after.Version);
            // Statements with their speakers and attributions, legs with their dates (approximate included) and
            // attendees, participants and roles, sources, documents and topics: all exactly as before.
            var expected = before with { Title = after.Title, Version = after.Version, UpdatedAt = after.UpdatedAt };
            Assert.Equal(JsonSerializer.Serialize(expected, EditingApp.Json), JsonSerializer.Serialize(after, EditingApp.Json));
        }
    }

    [Fact]
    public async Task Approximate_dates_month_precision_and_the_date_note_survive_an_edit()
    {
        var draft = await app.ValidDraftAsync("Approximate visit", year: 2046);
        draft.Precision = Data.Common.DatePrecision.Month;
        draft.EndDate = null;
        draft.Legs.ForEach(l => { l.StartDate = null; l.EndDate = null; });
        draft.DatesApproximate = true;
        draft.DateNote = "The article prints only the month.";
        var created = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(draft, EditingApp.AdminEmail));

        var editable = await app.Commands.GetForEditAsync(created.EventId);
        editable!.Draft.Title = "Approximate visit, renamed";
        Assert.IsType<EventCommandResult.Saved>(await app.Commands.UpdateAsync(editable.Id, editable.Draft, editable.Version, EditingApp.AdminEmail));

        var saved = await Queries.GetAsync(editable.Id);
        Assert.Equal("c. March 2046", saved!.Start.ToString());
        Assert.Equal("The article prints only the month.", saved.DateNote);
    }

    private async Task<string> FirstTopicSlugAsync()
    {
        await using var db = app.Db();
        return await db.Topics.OrderBy(t => t.Id).Select(t => t.Slug).FirstAsync();
    }
}
