using System.Text.RegularExpressions;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Testing;
using DiplomacyTracker.Web.Features.Map;

namespace DiplomacyTracker.Tests.Map;

public sealed partial class MapProjectionTests
{
    [Theory]
    // Worked by hand: x = (longitude + 180) × 3, y = (84 − latitude) × 3.
    [InlineData(55.7558, 37.6173, 652.85, 84.73)] // Moscow
    [InlineData(39.9042, 116.4074, 889.22, 132.29)] // Beijing
    [InlineData(-34.6037, -58.3816, 364.86, 355.81)] // Buenos Aires
    [InlineData(0, 0, 540, 252)]
    [InlineData(84, -180, 0, 0)] // north-west corner
    [InlineData(-58, 180, 1080, 426)] // south-east corner
    public void Known_points_land_where_the_outline_draws_them(double latitude, double longitude, double x, double y)
    {
        var point = MapProjection.Project(latitude, longitude);
        Assert.Equal(x, point.X, 2);
        Assert.Equal(y, point.Y, 2);
    }

    [Fact]
    public void Points_beyond_the_cropped_latitudes_are_pinned_to_the_edge()
    {
        Assert.Equal(0, MapProjection.Project(89.9, 10).Y);
        Assert.Equal(MapProjection.Height, MapProjection.Project(-80, 10).Y);
    }

    [Fact]
    public void The_shipped_outline_has_the_projections_size_and_is_small()
    {
        var path = Path.Combine(RepositoryPaths.Root, "src", "DiplomacyTracker.Web", "wwwroot", "map", "world.svg");
        var svg = File.ReadAllText(path);
        Assert.Equal($"0 0 {MapProjection.Width} {MapProjection.Height}", ViewBox().Match(svg).Groups[1].Value);
        Assert.InRange(new FileInfo(path).Length, 10_000, 150_000);
        Assert.DoesNotContain("http://", svg.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Circle_areas_are_proportional_to_the_counts_and_smaller_circles_are_drawn_on_top()
    {
        VenueCount[] venues =
        [
            new("Harbin", "China", 1, 45.8038, 126.5350),
            new("Moscow", "Russia", 4, 55.7558, 37.6173),
            new("Nowhere", "Russia", 2, null, null),
        ];

        var markers = VenueMarkers.For(venues, new EventFilter());

        Assert.Equal(["Moscow", "Harbin"], markers.Select(m => m.Venue.City));
        Assert.Equal(4.0, Math.Pow(markers[0].Radius / markers[1].Radius, 2), 2);
        Assert.Equal("Moscow, Russia: 4 events", markers[0].Label);
        Assert.Equal("Harbin, China: 1 event", markers[1].Label);
    }

    [Fact]
    public void Even_a_venue_with_very_many_events_fits_and_keeps_areas_proportional()
    {
        VenueCount[] venues = [new("Moscow", "Russia", 400, 55.7558, 37.6173), new("Kazan", "Russia", 100, 55.7964, 49.1089)];

        var markers = VenueMarkers.For(venues, new EventFilter());

        Assert.Equal(VenueMarkers.MaxRadius, markers[0].Radius, 2);
        Assert.Equal(4.0, Math.Pow(markers[0].Radius / markers[1].Radius, 2), 2);
    }

    [Fact]
    public void A_venue_links_to_the_timeline_narrowed_to_it_keeping_the_other_filters()
    {
        var filter = new EventFilter { YearFrom = 2024, YearTo = 2024, Venue = "Russia", XiPutinOnly = true, Text = "energy" };

        var href = VenueMarkers.TimelineHref(filter, new VenueCount("Saint Petersburg", "Russia", 1, 59.9343, 30.3351));

        Assert.Equal("/?year=2024&venue=Saint%20Petersburg&q=energy&xiputin=true", href);
    }

    [Fact]
    public void The_view_zooms_to_the_venues_with_a_margin_inside_the_outline_and_shows_the_world_when_needed()
    {
        VenueCount[] eurasia = [new("Moscow", "Russia", 2, 55.7558, 37.6173), new("Beijing", "China", 4, 39.9042, 116.4074)];
        var markers = VenueMarkers.For(eurasia, new EventFilter());

        var view = VenueMarkers.ViewFor(markers);

        Assert.True(view.Width < MapProjection.Width / 2, $"Two Eurasian cities should zoom in; the view is {view.Width} wide.");
        Assert.Equal(MapProjection.Width / MapProjection.Height, view.Width / view.Height, 1);
        Assert.All(markers, m =>
        {
            Assert.InRange(m.X - m.Radius, view.X + VenueMarkers.Margin - 0.1, view.X + view.Width);
            Assert.InRange(m.X + m.Radius, view.X, view.X + view.Width - VenueMarkers.Margin + 0.1);
            Assert.InRange(m.Y - m.Radius, view.Y, view.Y + view.Height);
            Assert.InRange(m.Y + m.Radius, view.Y, view.Y + view.Height);
        });
        Assert.True(view.X >= 0 && view.Y >= 0 && view.X + view.Width <= MapProjection.Width && view.Y + view.Height <= MapProjection.Height);

        // One city: no narrower than the minimum; from Samoa to Fiji's date-line islands: the whole world; nothing: the world too.
        Assert.Equal(VenueMarkers.MinViewWidth, VenueMarkers.ViewFor(VenueMarkers.For(eurasia[..1], new EventFilter())).Width, 1);
        VenueCount[] far = [eurasia[0], new("Apia", "Samoa", 1, -13.8333, -171.7667), new("Rabi", "Fiji", 1, -16.5, 179.98)];
        Assert.True(VenueMarkers.ViewFor(VenueMarkers.For(far, new EventFilter())).IsWorld);
        Assert.True(VenueMarkers.ViewFor([]).IsWorld);
    }

    [GeneratedRegex("viewBox=\"([^\"]+)\"")]
    private static partial Regex ViewBox();
}
