using DiplomacyTracker.Data.Participants;

namespace DiplomacyTracker.Data.Events;

/// <summary>A person's part in one event, with the role or title they held at that time.</summary>
public sealed class EventParticipant
{
    public const int RoleMaxLength = 200;

    public int EventId { get; set; }

    public Event? Event { get; set; }

    public int PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>Role at the time of the event (Medvedev in 2022: deputy chairman of the Security Council, not president).</summary>
    public string Role { get; set; } = string.Empty;
}
