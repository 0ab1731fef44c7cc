using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Documents;
using DiplomacyTracker.Data.Sources;
using DiplomacyTracker.Data.Statements;
using DiplomacyTracker.Data.Topics;

namespace DiplomacyTracker.Data.Events;

public enum EventType
{
    StateVisit = 0,
    OfficialVisit = 1,
    SummitSideline = 2,
    PartyTalks = 3,
    ForeignMinistersMeeting = 4,
    Call = 5,
    Other = 6,
}

public enum EventStatus
{
    Held = 0,
    Announced = 1,
    Postponed = 2,
    Cancelled = 3,
}

/// <summary>A meeting, visit, summit, talks or call — or a past event an article refers to.</summary>
public sealed class Event : EditableEntity
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 4000;
    public const int DateNoteMaxLength = 1000;
    public const int ExternalKeyMaxLength = 200;

    public string Title { get; set; } = string.Empty;

    public EventType Type { get; set; }

    public EventStatus Status { get; set; }

    public PartialDate Start { get; private set; }

    public PartialDate End { get; private set; }

    /// <summary>Denormalized <see cref="PartialDate.SortKey"/> of <see cref="Start"/>, indexed for the timeline order.</summary>
    public int SortKey { get; private set; } = PartialDate.Unknown.SortKey;

    /// <summary>Why a date is approximate or unknown (what the article says, how it was read).</summary>
    public string? DateNote { get; set; }

    public string Summary { get; set; } = string.Empty;

    public Side HostSide { get; set; }

    /// <summary>True for past events an article mentions in passing (the 2013 visit, the 2019 upgrade, ...).</summary>
    public bool IsMentionedOnly { get; set; }

    /// <summary>The key an imported file gave this event (unique when set), so importing the file again creates nothing new.</summary>
    public string? ExternalKey { get; set; }

    /// <summary>The bulk import that created this event; null for events added through the editor, the API or the seed.</summary>
    public int? ImportId { get; set; }

    public bool IsDeleted { get; set; }

    public DateTime? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }

    public List<EventLeg> Legs { get; set; } = [];

    public List<EventParticipant> Participants { get; set; } = [];

    public List<Statement> Statements { get; set; } = [];

    public List<SignedDocument> Documents { get; set; } = [];

    public List<Source> Sources { get; set; } = [];

    public List<Topic> Topics { get; set; } = [];

    public void SetDates(PartialDate start, PartialDate end)
    {
        Start = start;
        End = end;
        SortKey = start.SortKey;
    }
}
