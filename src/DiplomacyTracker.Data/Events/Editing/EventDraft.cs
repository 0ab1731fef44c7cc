using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Documents;
using DiplomacyTracker.Data.Statements;

namespace DiplomacyTracker.Data.Events.Editing;

// The input model of the event editor and of the write API: plain mutable classes the form binds to and JSON
// deserializes into (a JSON null for a list reads as an empty list). Dates are a calendar date plus the event's precision; EventDraftValidator is the one set of rules.

/// <summary>Everything an editor can enter about one event.</summary>
public sealed class EventDraft
{
    private List<LegDraft> legs = [];
    private List<ParticipantDraft> participants = [];
    private List<StatementDraft> statements = [];
    private List<DocumentDraft> documents = [];
    private List<SourceDraft> sources = [];
    private List<string> topicSlugs = [];

    public string Title { get; set; } = string.Empty;

    public EventType Type { get; set; } = EventType.OfficialVisit;

    public EventStatus Status { get; set; } = EventStatus.Held;

    /// <summary>How much of <see cref="StartDate"/> and <see cref="EndDate"/> is meant: day, month, year, or unknown
    /// (no dates, and the date note says why).</summary>
    public DatePrecision Precision { get; set; } = DatePrecision.Day;

    public DateOnly? StartDate { get; set; }

    /// <summary>Optional; empty means a one-day (or one-month, one-year) event.</summary>
    public DateOnly? EndDate { get; set; }

    /// <summary>The dates are inferred rather than printed (shown as "c.").</summary>
    public bool DatesApproximate { get; set; }

    /// <summary>Why a date is approximate or unknown: what the source says, how it was read.</summary>
    public string? DateNote { get; set; }

    public Side HostSide { get; set; }

    /// <summary>A past event a source only mentions in passing: place and people may be unknown, so legs and
    /// participants are optional (a visit being recorded needs at least one of each).</summary>
    public bool MentionedOnly { get; set; }

    public string? Summary { get; set; }

    public List<LegDraft> Legs { get => legs; set => legs = value ?? []; }

    public List<ParticipantDraft> Participants { get => participants; set => participants = value ?? []; }

    public List<StatementDraft> Statements { get => statements; set => statements = value ?? []; }

    public List<DocumentDraft> Documents { get => documents; set => documents = value ?? []; }

    public List<SourceDraft> Sources { get => sources; set => sources = value ?? []; }

    /// <summary>Slugs of existing topics.</summary>
    public List<string> TopicSlugs { get => topicSlugs; set => topicSlugs = value ?? []; }

    /// <summary>Save even though likely duplicates exist (the editor saw the warning).</summary>
    public bool IgnoreDuplicates { get; set; }

    /// <summary>Save despite the warnings of <see cref="EventDraftValidator.Warnings"/> (held but in the future,
    /// announced long ago): the editor read them and confirms.</summary>
    public bool ConfirmWarnings { get; set; }

    public PartialDate Start => ToPartial(StartDate, Precision).AsApproximate(DatesApproximate);

    public PartialDate End => ToPartial(EndDate, Precision).AsApproximate(DatesApproximate);

    /// <summary>The date at this precision: 16 May 2024 at month precision is "May 2024".</summary>
    public static PartialDate ToPartial(DateOnly? date, DatePrecision precision) => date is not { } d
        ? PartialDate.Unknown
        : precision switch
        {
            DatePrecision.Year => PartialDate.OfYear(d.Year),
            DatePrecision.Month => PartialDate.OfMonth(d.Year, d.Month),
            DatePrecision.Unknown => PartialDate.Unknown,
            _ => PartialDate.OfDay(d),
        };

    public static DateOnly? FromPartial(PartialDate date) => date.Earliest;

    /// <summary>A blank visit as the editor starts it: one leg and one participant to pick.</summary>
    public static EventDraft NewVisit() => new() { Legs = [new LegDraft()], Participants = [ParticipantDraft.ToPick()] };

    /// <summary>
    /// Removes a participant and every reference to them: legs forget them as an attendee; what they said keeps them
    /// as its speaker when they are a recorded person (as a non-participant), else loses the speaker.
    /// </summary>
    public void RemoveParticipant(ParticipantDraft participant)
    {
        Participants.Remove(participant);
        foreach (var leg in Legs)
        {
            leg.AttendeeKeys.Remove(participant.Key);
        }

        foreach (var statement in Statements.Where(s => s.SpeakerKey == participant.Key))
        {
            statement.SpeakerKey = null;
            if (participant.PersonId is > 0)
            {
                statement.SpeakerPersonId = participant.PersonId;
                statement.SpeakerName = participant.PersonName;
            }
        }
    }

    /// <summary>Removes a source; statements and documents that cited it no longer name a source.</summary>
    public void RemoveSource(SourceDraft source)
    {
        Sources.Remove(source);
        foreach (var statement in Statements.Where(s => s.SourceKey == source.Key))
        {
            statement.SourceKey = null;
        }

        foreach (var document in Documents.Where(d => d.SourceKey == source.Key))
        {
            document.SourceKey = null;
        }
    }
}

/// <summary>One place of the event; dates at the event's precision (and approximate when the event's are), attendees
/// by participant <see cref="ParticipantDraft.Key"/>.</summary>
public sealed class LegDraft
{
    private List<string> attendeeKeys = [];
    private List<int> otherAttendeeIds = [];

    public string City { get; set; } = string.Empty;

    public string Country { get; set; } = string.Empty;

    public string? Site { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public List<string> AttendeeKeys { get => attendeeKeys; set => attendeeKeys = value ?? []; }

    /// <summary>Existing people recorded as attending this leg who are not participants of the event: kept as they are.</summary>
    public List<int> OtherAttendeeIds { get => otherAttendeeIds; set => otherAttendeeIds = value ?? []; }

    /// <summary>Optional, for a city and country no place is recorded for yet: saved as that new place (for the map)
    /// with the event. Ignored once the place is known: a known place's coordinates are never changed by an event save.</summary>
    public double? Latitude { get; set; }

    /// <summary>See <see cref="Latitude"/>; decimal degrees, east positive.</summary>
    public double? Longitude { get; set; }
}

/// <summary>A participant: an existing person (<see cref="PersonId"/>) or a new one (the New* names).</summary>
public sealed class ParticipantDraft
{
    /// <summary>Identifies this row within the draft, so legs and statements can refer to it before it is saved.</summary>
    public string Key { get; set; } = Guid.NewGuid().ToString("N");

    public int? PersonId { get; set; }

    /// <summary>Display name of the existing person (filled by the editor; not trusted by the server).</summary>
    public string? PersonName { get; set; }

    public string? NewNameEn { get; set; }

    public string? NewNameZh { get; set; }

    public string? NewNameRu { get; set; }

    public Side NewCountry { get; set; }

    public string? Role { get; set; }

    public bool IsNew => PersonId is null;

    public string DisplayName => (PersonId is null ? NewNameEn : PersonName) ?? string.Empty;

    /// <summary>A row waiting for an existing person to be picked (PersonId 0 until then).</summary>
    public static ParticipantDraft ToPick() => new() { PersonId = 0 };

    /// <summary>Switches between picking a recorded person and typing in a new one, dropping what the other mode held.</summary>
    public void SetNewPerson(bool isNew)
    {
        if (isNew)
        {
            PersonId = null;
            PersonName = null;
        }
        else
        {
            PersonId = 0;
            NewNameEn = NewNameZh = NewNameRu = null;
        }
    }
}

public sealed class StatementDraft
{
    /// <summary>The saved statement this row edits; null for a new one.</summary>
    public int? Id { get; set; }

    /// <summary><see cref="ParticipantDraft.Key"/> of the speaker when the speaker is a participant of the event.</summary>
    public string? SpeakerKey { get; set; }

    /// <summary>An existing person who spoke but is not a participant of the event (a spokesperson, a minister
    /// quoted from afar); used when <see cref="SpeakerKey"/> is empty. Both empty: attributed to a body only.</summary>
    public int? SpeakerPersonId { get; set; }

    /// <summary>Display name of <see cref="SpeakerPersonId"/> (filled by the server; not trusted from the client).</summary>
    public string? SpeakerName { get; set; }

    public string? Attribution { get; set; }

    public StatementKind Kind { get; set; }

    public string Text { get; set; } = string.Empty;

    /// <summary><see cref="SourceDraft.Key"/> of the source that reports it.</summary>
    public string? SourceKey { get; set; }
}

public sealed class DocumentDraft
{
    public int? Id { get; set; }

    public string Title { get; set; } = string.Empty;

    public DocumentKind Kind { get; set; }

    public string? Summary { get; set; }

    public string? SourceKey { get; set; }
}

/// <summary>An article: linked by URL, pasted as text, or both.</summary>
public sealed class SourceDraft
{
    public string Key { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>The saved source this row links; null for a new one. A saved source is only linked (other events may
    /// cite it): its details are not changed by an event save.</summary>
    public int? SourceId { get; set; }

    public string? Url { get; set; }

    public string? Text { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? Outlet { get; set; }

    /// <summary>The editor says the outlet is not known (the article does not name its publisher): the outlet may
    /// then be left empty.</summary>
    public bool OutletUnknown { get; set; }

    public DateOnly? PublishedOn { get; set; }

    /// <summary>The editor says the publication date is not known: it may then be left empty.</summary>
    public bool PublishedUnknown { get; set; }

    /// <summary>A saved source's publication date as it reads ("May 2024"); filled by the server for display only.</summary>
    public string? PublishedText { get; set; }
}
