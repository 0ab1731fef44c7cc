using System.Net;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;

namespace DiplomacyTracker.Tests.Editing;

/// <summary>The editor names event types, statuses and sides in the same words as the timeline and the event page.</summary>
public sealed class EditorWordingTests(EditingApp app) : IClassFixture<EditingApp>
{
    [Fact]
    public async Task Editor_shows_the_type_and_host_side_in_the_words_the_event_page_uses()
    {
        var draft = await app.ValidDraftAsync("Wording check call", year: 2048);
        draft.Type = EventType.Call;
        draft.HostSide = Data.Common.Side.Unknown;
        var created = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(draft, EditingApp.AdminEmail));

        using var client = await app.SignedInClientAsync(EditingApp.AdminEmail, EditingApp.AdminPassword);
        var eventPage = await client.GetStringAsync($"/events/{created.EventId}");
        var editor = await client.GetAsync($"/events/{created.EventId}/edit");
        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
        var html = await editor.Content.ReadAsStringAsync();

        Assert.Contains("Phone or video call", eventPage, StringComparison.Ordinal);
        Assert.Contains("Phone or video call", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Call<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Not known", html, StringComparison.Ordinal);
    }
}
