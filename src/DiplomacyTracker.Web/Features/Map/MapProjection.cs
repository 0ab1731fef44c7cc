namespace DiplomacyTracker.Web.Features.Map;

/// <summary>
/// Where a point (decimal degrees) lands on the map outline wwwroot/map/world.svg: the same equirectangular projection
/// tools/map/build-outline.mjs drew it with (3 units per degree, longitude −180…180, latitude 84…−58). Change both together.
/// </summary>
public static class MapProjection
{
    public const double UnitsPerDegree = 3;
    public const double North = 84;
    public const double South = -58;
    public const double Width = 360 * UnitsPerDegree;
    public const double Height = (North - South) * UnitsPerDegree;

    /// <summary>The point's x (from the west edge) and y (down from the north edge), in the outline's viewBox units.
    /// Latitudes beyond the crop are pinned to its edge, so a place there still shows.</summary>
    public static (double X, double Y) Project(double latitude, double longitude)
    {
        var x = (Math.Clamp(longitude, -180, 180) + 180) * UnitsPerDegree;
        var y = (North - Math.Clamp(latitude, South, North)) * UnitsPerDegree;
        return (x, y);
    }
}
