using System.Net;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Data.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyTracker.Tests.Editing;

/// <summary>A leg in a city the gazetteer does not know: its coordinates are saved once, as a new place, with the event.</summary>
public sealed class PlaceCoordinatesTests(EditingApp app) : IClassFixture<EditingApp>
{
    private PlaceQueries Places => app.Services.GetRequiredService<PlaceQueries>();

    private async Task<EventDraft> DraftInAsync(string title, int year, string city, double? latitude, double? longitude)
    {
        var draft = await app.ValidDraftAsync(title, year);
        draft.Legs[1].City = city;
        (draft.Legs[1].Latitude, draft.Legs[1].Longitude) = (latitude, longitude);
        return draft;
    }

    private async Task<List<Place>> PlacesNamedAsync(string city)
    {
        await using var db = app.Db();
        return await db.Places.AsNoTracking().Where(p => p.City == city).ToListAsync();
    }

    [Fact]
    public async Task Coordinates_for_a_new_city_are_saved_once_and_never_asked_or_changed_again()
    {
        Assert.False((await Places.GetKnownAsync()).Contains("Blagoveshchensk", "Russia"));

        var first = await DraftInAsync("First visit to Blagoveshchensk", 2051, "Blagoveshchensk", 50.2907, 127.5272);
        Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(first, EditingApp.AdminEmail));

        var place = Assert.Single(await PlacesNamedAsync("Blagoveshchensk"));
        Assert.Equal(("Russia", 50.2907, 127.5272), (place.Country, place.Latitude, place.Longitude));
        Assert.True((await Places.GetKnownAsync()).Contains("blagoveshchensk", "russia"), "The editor would be asked again.");

        // A later save sending other coordinates (the API can) neither moves the place nor adds a second one.
        var second = await DraftInAsync("Second visit to Blagoveshchensk", 2052, "blagoveshchensk", 10, 10);
        Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(second, EditingApp.AdminEmail));
        place = Assert.Single(await PlacesNamedAsync("Blagoveshchensk"));
        Assert.Equal((50.2907, 127.5272), (place.Latitude, place.Longitude));
    }

    [Fact]
    public async Task Editors_adding_the_same_new_city_at_once_all_save_and_the_city_is_one_place()
    {
        // Each save checks which places exist, then inserts the new one: saves running side by side can both find
        // it missing. The one that loses the insert saves again and links to the place the other added.
        var drafts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => DraftInAsync($"Simultaneous visit {i} to Nerchinsk", 2060 + i, "Nerchinsk", 51.98, 116.58)));
        var results = await Task.WhenAll(drafts.Select(d => Task.Run(() => app.Commands.CreateAsync(d, EditingApp.AdminEmail))));

        Assert.All(results, r => Assert.IsType<EventCommandResult.Saved>(r));
        Assert.Single(await PlacesNamedAsync("Nerchinsk"));
    }

    [Fact]
    public async Task Coordinates_are_optional_and_can_be_given_later_on_an_edit_that_changes_nothing_else()
    {
        var created = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(await DraftInAsync("Visit to Birobidzhan", 2053, "Birobidzhan", null, null), EditingApp.AdminEmail));
        Assert.Empty(await PlacesNamedAsync("Birobidzhan"));

        var editable = await app.Commands.GetForEditAsync(created.EventId);
        (editable!.Draft.Legs[1].Latitude, editable.Draft.Legs[1].Longitude) = (48.7946, 132.9218);
        Assert.IsType<EventCommandResult.Saved>(await app.Commands.UpdateAsync(editable.Id, editable.Draft, editable.Version, EditingApp.AdminEmail));

        var place = Assert.Single(await PlacesNamedAsync("Birobidzhan"));
        Assert.Equal((48.7946, 132.9218), (place.Latitude, place.Longitude));
    }

    [Theory]
    [InlineData(91.0, 30.0, "Legs[1].Latitude")]
    [InlineData(-90.5, 30.0, "Legs[1].Latitude")]
    [InlineData(45.0, 180.5, "Legs[1].Longitude")]
    [InlineData(45.0, -200.0, "Legs[1].Longitude")]
    [InlineData(45.0, null, "Legs[1].Longitude")]
    [InlineData(null, 30.0, "Legs[1].Latitude")]
    public async Task Bad_or_half_coordinates_are_refused_with_nothing_saved(double? latitude, double? longitude, string field)
    {
        var title = $"Refused visit {latitude} {longitude}";
        var events = await app.CountEventsAsync();

        var result = await app.Commands.CreateAsync(await DraftInAsync(title, 2054, "Nowhere-on-the-map", latitude, longitude), EditingApp.AdminEmail);

        var invalid = Assert.IsType<EventCommandResult.Invalid>(result);
        Assert.Equal(new[] { field }, invalid.Errors.Keys);
        Assert.Equal(events, await app.CountEventsAsync());
        Assert.Empty(await PlacesNamedAsync("Nowhere-on-the-map"));
    }

    [Fact]
    public async Task The_write_api_takes_coordinates_as_optional_leg_fields_and_answers_400_keyed_by_field_path()
    {
        using var client = app.CreateApiClient();
        var draft = await DraftInAsync("Api visit to Tynda", 2055, "Tynda", 55.1547, 224.7);

        var refused = await client.PostAsync("/api/events", EditingApp.JsonBody(draft));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await EditingApp.ReadJsonAsync(refused);
        Assert.Contains("between −180 (west) and 180 (east)", problem.GetProperty("errors").GetProperty("Legs[1].Longitude")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await PlacesNamedAsync("Tynda"));

        draft.Legs[1].Longitude = 124.7;
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/events", EditingApp.JsonBody(draft))).StatusCode);
        Assert.Equal(124.7, Assert.Single(await PlacesNamedAsync("Tynda")).Longitude);
    }
}
