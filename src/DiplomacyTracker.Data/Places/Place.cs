using DiplomacyTracker.Data.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiplomacyTracker.Data.Places;

/// <summary>
/// A city legs can be held in, with its coordinates for the map. Seeded from data/gazetteer.json; editors add the
/// cities it does not know when they first record a leg there. One row per city and country, whatever the case.
/// </summary>
public sealed class Place
{
    public const double MaxLatitude = 90;
    public const double MaxLongitude = 180;

    public int Id { get; set; }

    /// <summary>The city as legs name it ("Moscow").</summary>
    public string City { get; set; } = string.Empty;

    /// <summary>The country as legs name it ("Russia").</summary>
    public string Country { get; set; } = string.Empty;

    /// <summary>Decimal degrees, north positive.</summary>
    public double Latitude { get; set; }

    /// <summary>Decimal degrees, east positive.</summary>
    public double Longitude { get; set; }
}

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> builder)
    {
        // NOCASE like the legs' columns, so "moscow" is the same place as "Moscow" (unique index) and joins to legs match.
        builder.Property(p => p.City).HasMaxLength(EventLeg.PlaceMaxLength).IsRequired().UseCollation("NOCASE");
        builder.Property(p => p.Country).HasMaxLength(EventLeg.PlaceMaxLength).IsRequired().UseCollation("NOCASE");
        builder.HasIndex(p => new { p.City, p.Country }).IsUnique();
    }
}
