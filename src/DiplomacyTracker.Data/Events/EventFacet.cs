using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiplomacyTracker.Data.Events;

/// <summary>
/// One filter value a live event has (its type, its year, a venue, a participant, a topic, "Xi and Putin met"), in
/// timeline order: the index every filter reads a page from, 50 rows for 50 events however many match
/// (docs/performance.md). Kept by database triggers from the events, legs, participants, topics and attendees (migration
/// FilterIndexesInTimelineOrder), so no write path can leave it out of step; the app only reads it.
/// </summary>
public sealed class EventFacet
{
    public string Kind { get; set; } = string.Empty;

    /// <summary>The value as the filter takes it: a city or country name (case-insensitive), a person's id, a topic slug, a year.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>The event's <see cref="Event.SortKey"/>, so one index range is a filter's events in timeline order.</summary>
    public int EventSortKey { get; set; }

    public int EventId { get; set; }
}

/// <summary>How many live events have each filter value, kept by triggers on <see cref="EventFacet"/> in the same
/// transaction as the write, so a single filter's total and the unfiltered facet counts are one lookup each.</summary>
public sealed class FilterCount
{
    public string Kind { get; set; } = string.Empty;

    public string Value { get; set; } = string.Empty;

    public int Count { get; set; }
}

/// <summary>The kinds of <see cref="EventFacet"/> and <see cref="FilterCount"/> rows.</summary>
public static class FacetKind
{
    /// <summary>Every live event (Value empty): the unfiltered total.</summary>
    public const string All = "all";
    public const string Type = "type";

    /// <summary>The year the event starts, or <see cref="EventStatistics.UnknownYear"/>.</summary>
    public const string Year = "year";

    /// <summary>The city and the country of every leg (the venue filter matches either).</summary>
    public const string Venue = "venue";
    public const string Person = "person";
    public const string Topic = "topic";

    /// <summary>A leg Xi and Putin both attended (Value empty), as <see cref="EventQueries.XiPutinLegs"/> reads it.</summary>
    public const string XiPutin = "xiputin";

    /// <summary>The city and the country of a leg where Xi and Putin met: the venue filter with "only Xi–Putin meetings".</summary>
    public const string XiPutinVenue = "xiputin-venue";

    /// <summary>Counts only: statements of live events by each speaker (Value the person's id).</summary>
    public const string StatementsBy = "statements-by";

    // Counts only, for the overview and the map unfiltered (DerivedTables.CountSourceView): events per value.

    /// <summary>Counts only: live events by their host side (Value the <see cref="Common.Side"/> as a number).</summary>
    public const string Host = "host";

    /// <summary>Counts only: live events with a leg in each country.</summary>
    public const string Country = "country";

    /// <summary>Counts only: live events with a leg in each city (Value <see cref="CityValue"/>).</summary>
    public const string City = "city";

    /// <summary>Counts only: legs of live events held in each city (Value <see cref="CityValue"/>).</summary>
    public const string CityLegs = "city-legs";

    /// <summary>Counts only: live events two people both took part in (Value the two ids, lower first, as "3,17").</summary>
    public const string Pair = "pair";

    /// <summary>Counts only: live events with more than one leg (Value empty).</summary>
    public const string MultiLeg = "multileg";

    /// <summary>The counts-only kinds <see cref="DerivedTables.CountSourceView"/> defines.</summary>
    public static IReadOnlyList<string> Counted { get; } = [Host, Country, City, CityLegs, Pair, MultiLeg];

    /// <summary>Between a city and its country in a <see cref="City"/> or <see cref="CityLegs"/> value (a control character no name has).</summary>
    public const char CitySeparator = '\u001f';

    public static string CityValue(string city, string country) => city + CitySeparator + country;

    /// <summary>The longest value a count can have: a <see cref="CityValue"/> of the longest city and country.</summary>
    public const int CountValueMaxLength = 2 * EventLeg.PlaceMaxLength + 1;
}

internal sealed class EventFacetConfiguration : IEntityTypeConfiguration<EventFacet>
{
    public void Configure(EntityTypeBuilder<EventFacet> builder)
    {
        builder.ToTable("EventFacets");
        builder.HasKey(f => new { f.Kind, f.Value, f.EventSortKey, f.EventId });
        builder.Property(f => f.Kind).HasMaxLength(20);
        builder.Property(f => f.Value).HasMaxLength(EventLeg.PlaceMaxLength).UseCollation("NOCASE");
        // The triggers bring one event's rows up to date.
        builder.HasIndex(f => f.EventId);
    }
}

internal sealed class FilterCountConfiguration : IEntityTypeConfiguration<FilterCount>
{
    public void Configure(EntityTypeBuilder<FilterCount> builder)
    {
        builder.ToTable("FilterCounts");
        builder.HasKey(f => new { f.Kind, f.Value });
        // The most frequent values of a kind first without sorting them all (the overview's top pairs of 44,000).
        builder.HasIndex(f => new { f.Kind, f.Count });
        builder.Property(f => f.Kind).HasMaxLength(20);
        builder.Property(f => f.Value).HasMaxLength(FacetKind.CountValueMaxLength).UseCollation("NOCASE");
    }
}
