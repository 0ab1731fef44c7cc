using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Tests.Editing;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Tests.Browse;

/// <summary>Pages, events and people are read from memory between writes; every write is on the very next read.</summary>
public sealed class ReadCacheTests(EditingApp app) : IClassFixture<EditingApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task A_created_edited_and_deleted_event_is_on_the_next_list_event_and_person_read()
    {
        using var client = app.CreateClient();
        async Task<string[]> TitlesAsync() =>
            (await client.GetFromJsonAsync<PagedResult<EventSummary>>("/api/events?year=2034", Json))!.Items.Select(e => e.Title).ToArray();

        Assert.Empty(await TitlesAsync());
        Assert.Empty(await TitlesAsync());

        var draft = await app.ValidDraftAsync("Read again at once", 2034);
        draft.IgnoreDuplicates = true;
        var created = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(draft, EditingApp.AdminEmail));
        Assert.Equal(["Read again at once"], await TitlesAsync());
        Assert.Equal("Read again at once", (await client.GetFromJsonAsync<EventDetails>($"/api/events/{created.EventId}", Json))!.Title);
        // The person's page lists the events they attended.
        const string person = "/participants/xi-jinping";
        Assert.Contains("Read again at once", await client.GetStringAsync(person), StringComparison.Ordinal);

        var editable = (await app.Commands.GetForEditAsync(created.EventId))!;
        editable.Draft.Title = "Read again, renamed";
        editable.Draft.IgnoreDuplicates = true;
        Assert.IsType<EventCommandResult.Saved>(await app.Commands.UpdateAsync(created.EventId, editable.Draft, editable.Version, EditingApp.AdminEmail));
        Assert.Equal(["Read again, renamed"], await TitlesAsync());
        Assert.Equal("Read again, renamed", (await client.GetFromJsonAsync<EventDetails>($"/api/events/{created.EventId}", Json))!.Title);
        Assert.Contains("Read again, renamed", await client.GetStringAsync(person), StringComparison.Ordinal);

        // A write that does not go through the editor's commands (an import, a fix by hand) is on the next read too.
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.Events.SingleAsync(e => e.Id == created.EventId);
            stored.Title = "Read again, fixed by hand";
            await db.SaveChangesAsync();
        }

        Assert.Equal(["Read again, fixed by hand"], await TitlesAsync());

        Assert.IsType<EventCommandResult.Saved>(await app.Commands.SoftDeleteAsync(created.EventId, EditingApp.AdminEmail));
        Assert.Empty(await TitlesAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/events/{created.EventId}")).StatusCode);
        Assert.DoesNotContain("Read again", await client.GetStringAsync(person), StringComparison.Ordinal);
    }
}
