using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Participants;

namespace DiplomacyTracker.Data.Events;

/// <summary>One place an event happened over some of its days (Putin's 2024 visit: Beijing, then Harbin).</summary>
public sealed class EventLeg
{
    public const int PlaceMaxLength = 100;
    public const int SiteMaxLength = 200;

    public int Id { get; set; }

    public int EventId { get; set; }

    public Event? Event { get; set; }

    /// <summary>Order of the leg within its event, from 0.</summary>
    public int Position { get; set; }

    public string City { get; set; } = string.Empty;

    public string Country { get; set; } = string.Empty;

    public string? Site { get; set; }

    public PartialDate Start { get; set; }

    public PartialDate End { get; set; }

    public List<Person> Attendees { get; set; } = [];
}
