using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Data.Places;
using DiplomacyTracker.Web.Features.Editing.Sections;

namespace DiplomacyTracker.ComponentTests.Editing;

/// <summary>The legs section asks for coordinates only for a city and country no place is recorded for.</summary>
public sealed class LegPlaceTests : EditorSectionTest
{
    private static readonly KnownPlaces Known = KnownPlaces.Of(("Moscow", "Russia"), ("Beijing", "China"));

    private static bool AsksForCoordinates(IRenderedComponent<EditorHost> cut, string leg) =>
        Group(cut, leg).QuerySelectorAll("label").Any(l => l.TextContent.Trim() is "Latitude" or "Longitude");

    [Fact]
    public void A_known_city_is_not_asked_for_coordinates_an_unknown_one_is_and_they_land_in_the_draft()
    {
        var draft = new EventDraft { Legs = [new LegDraft { City = "Moscow", Country = "Russia" }, new LegDraft()] };
        var cut = RenderSection<LegsSection>(draft, p => p.Add(s => s.KnownPlaces, Known));

        Assert.False(AsksForCoordinates(cut, "Leg 1"));
        // Nothing typed yet: nothing to ask about.
        Assert.False(AsksForCoordinates(cut, "Leg 2"));

        Field(Group(cut, "Leg 2"), "City").Change("Blagoveshchensk");
        Field(Group(cut, "Leg 2"), "Country").Change("Russia");
        cut.WaitForAssertion(() => Assert.True(AsksForCoordinates(cut, "Leg 2")));
        Assert.Contains("Blagoveshchensk, Russia is not on the map yet", Group(cut, "Leg 2").TextContent, StringComparison.Ordinal);

        Field(Group(cut, "Leg 2"), "Latitude").Change("50.2907");
        Field(Group(cut, "Leg 2"), "Longitude").Change("127.5272");
        cut.WaitForAssertion(() => Assert.Equal((50.2907, 127.5272), (draft.Legs[1].Latitude, draft.Legs[1].Longitude)));
        Assert.False(AsksForCoordinates(cut, "Leg 1"));
    }

    [Fact]
    public void Known_places_match_ignoring_case_and_correcting_the_city_to_a_known_one_drops_the_coordinates()
    {
        var draft = new EventDraft { Legs = [new LegDraft { City = "Pekin", Country = "China", Latitude = 39.9, Longitude = 116.4 }] };
        var cut = RenderSection<LegsSection>(draft, p => p.Add(s => s.KnownPlaces, Known));
        Assert.True(AsksForCoordinates(cut, "Leg 1"));

        Field(Group(cut, "Leg 1"), "City").Change("beijing");

        cut.WaitForAssertion(() => Assert.False(AsksForCoordinates(cut, "Leg 1")));
        Assert.Equal("beijing", draft.Legs[0].City);
        Assert.Null(draft.Legs[0].Latitude);
        Assert.Null(draft.Legs[0].Longitude);
    }

    [Fact]
    public void Out_of_range_coordinates_show_the_rules_message_under_the_field()
    {
        var draft = new EventDraft { Legs = [new LegDraft { City = "Blagoveshchensk", Country = "Russia", Latitude = 95, Longitude = 127.5 }] };
        var cut = RenderSection<LegsSection>(draft, p => p.Add(s => s.KnownPlaces, Known));

        ValidateAll(cut);

        ExpectMessage(cut, () => Field(Group(cut, "Leg 1"), "Latitude"), "Latitude must be between −90 (south pole) and 90 (north pole).");
        ExpectMessage(cut, () => Field(Group(cut, "Leg 1"), "Longitude"), null);
    }
}
