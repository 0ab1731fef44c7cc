using System.Net.Http.Json;
using System.Text.Json;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Tests.Editing;

namespace DiplomacyTracker.Tests.Browse;

/// <summary>Counts are kept in memory between writes; a write is counted on the very next read.</summary>
public sealed class StatisticsCacheTests(EditingApp app) : IClassFixture<EditingApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task A_saved_or_deleted_event_is_in_the_next_counts_and_overview()
    {
        using var client = app.CreateClient();
        async Task<(int Facets, int Overview, int Kazan)> CountsAsync()
        {
            var facets = (await client.GetFromJsonAsync<EventFacets>("/api/events/facets?year=2033", Json))!;
            var overview = (await client.GetFromJsonAsync<EventOverview>("/api/overview?year=2033", Json))!;
            return (facets.Total, overview.Total, EventFacets.CountOf(facets.Venues, "Kazan") ?? 0);
        }

        var before = await CountsAsync();
        Assert.Equal(before, await CountsAsync());

        var draft = await app.ValidDraftAsync("Counted at once", 2033);
        draft.Legs[0].City = "Kazan";
        draft.IgnoreDuplicates = true;
        var saved = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(draft, EditingApp.AdminEmail));
        Assert.Equal((before.Facets + 1, before.Overview + 1, before.Kazan + 1), await CountsAsync());

        Assert.IsType<EventCommandResult.Saved>(await app.Commands.SoftDeleteAsync(saved.EventId, EditingApp.AdminEmail));
        Assert.Equal(before, await CountsAsync());
    }
}
