using DiplomacyTracker.Data.Common;

namespace DiplomacyTracker.Data.Participants;

/// <summary>A person who takes part in events. One row per person however many events they attend.</summary>
public sealed class Person : EditableEntity
{
    public const int NameMaxLength = 120;

    /// <summary>Stable URL key, e.g. "xi-jinping".</summary>
    public string Slug { get; set; } = string.Empty;

    public string NameEn { get; set; } = string.Empty;

    public string? NameZh { get; set; }

    public string? NameRu { get; set; }

    public Side Country { get; set; }

    /// <summary>Best-known role, for lists; the role at each event lives on <see cref="Events.EventParticipant"/>.</summary>
    public string? Description { get; set; }
}
