using System.Globalization;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Web.Features.Events;

namespace DiplomacyTracker.Web.Features.Map;

/// <summary>One venue's circle on the map: where (viewBox units), how big, what it says and where it leads.</summary>
public sealed record VenueMarker(VenueCount Venue, double X, double Y, double Radius, string Label, string Href);

/// <summary>The visible part of the outline, in its viewBox units.</summary>
public sealed record MapView(double X, double Y, double Width, double Height)
{
    public static MapView World { get; } = new(0, 0, MapProjection.Width, MapProjection.Height);

    public bool IsWorld => this == World;
}

/// <summary>Turns venue counts into the map's circles and the links every view of a venue shares.</summary>
public static class VenueMarkers
{
    /// <summary>Radius of a one-event venue while the busiest venue still fits <see cref="MaxRadius"/>.</summary>
    public const double UnitRadius = 7;

    public const double MaxRadius = 24;

    /// <summary>
    /// Circles for the venues with a point, largest first so smaller ones are drawn on top and stay clickable. A
    /// circle's area is proportional to its count: r = k·√count, with k shrinking only when the busiest venue would
    /// otherwise outgrow <see cref="MaxRadius"/>.
    /// </summary>
    public static IReadOnlyList<VenueMarker> For(IReadOnlyList<VenueCount> venues, EventFilter filter)
    {
        var placed = venues.Where(v => v.HasPoint && v.Events > 0).ToList();
        if (placed.Count == 0)
        {
            return [];
        }

        var k = Math.Min(UnitRadius, MaxRadius / Math.Sqrt(placed.Max(v => v.Events)));
        return placed
            .OrderByDescending(v => v.Events)
            .Select(v =>
            {
                var (x, y) = MapProjection.Project(v.Latitude!.Value, v.Longitude!.Value);
                return new VenueMarker(v, Math.Round(x, 1), Math.Round(y, 1), Math.Round(k * Math.Sqrt(v.Events), 2), Label(v), TimelineHref(filter, v));
            })
            .ToList();
    }

    /// <summary>Space kept around the circles when zooming in, and the narrowest view (about 110° of longitude).</summary>
    public const double Margin = 45;

    public const double MinViewWidth = 330;

    /// <summary>
    /// The part of the outline to show: every circle with a margin, at the outline's proportions, never narrower than
    /// <see cref="MinViewWidth"/>, and the whole world when there is nothing to show. Zooming in to where the venues
    /// are keeps the circles big enough to read and tap on a phone.
    /// </summary>
    public static MapView ViewFor(IReadOnlyList<VenueMarker> markers)
    {
        if (markers.Count == 0)
        {
            return MapView.World;
        }

        var left = markers.Min(m => m.X - m.Radius) - Margin;
        var right = markers.Max(m => m.X + m.Radius) + Margin;
        var top = markers.Min(m => m.Y - m.Radius) - Margin;
        var bottom = markers.Max(m => m.Y + m.Radius) + Margin;
        const double Aspect = MapProjection.Width / MapProjection.Height;
        var width = Math.Max(Math.Max(right - left, (bottom - top) * Aspect), MinViewWidth);
        if (width >= MapProjection.Width)
        {
            return MapView.World;
        }

        var height = width / Aspect;
        // Centred on the circles, then slid back inside the outline.
        var x = Math.Clamp(((left + right) / 2) - (width / 2), 0, MapProjection.Width - width);
        var y = Math.Clamp(((top + bottom) / 2) - (height / 2), 0, MapProjection.Height - height);
        return new MapView(Math.Round(x, 1), Math.Round(y, 1), Math.Round(width, 1), Math.Round(height, 1));
    }

    /// <summary>"Moscow, Russia: 3 events".</summary>
    public static string Label(VenueCount venue) => string.Create(CultureInfo.InvariantCulture, $"{venue.City}, {venue.Country}: {EventsText(venue.Events)}");

    public static string EventsText(int count) => count == 1 ? "1 event" : string.Create(CultureInfo.InvariantCulture, $"{count} events");

    /// <summary>The timeline narrowed to this city, keeping every other active filter.</summary>
    public static string TimelineHref(EventFilter filter, VenueCount venue) => "/" + EventFilterQuery.ToQueryString(filter with { Venue = venue.City });
}
