using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Documents;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Data.Statements;

namespace DiplomacyTracker.Data.Events;

// The read shapes of events: what the pages render and what the JSON API returns (the one place entities are mapped).

public sealed record TopicView(string Slug, string Name);

public sealed record PersonRef(int Id, string Slug, string Name, Side Country);

public sealed record ParticipantView(PersonRef Person, string Role);

/// <summary>A leg as the timeline lists it: where and when, without who attended.</summary>
public sealed record LegSummary(int Position, string City, string Country, string? Site, PartialDate Start, PartialDate End);

public sealed record LegView(int Position, string City, string Country, string? Site, PartialDate Start, PartialDate End, IReadOnlyList<PersonRef> Attendees);

/// <param name="TitleIsEditorial">True when the article prints no headline and the title was written by the curator.</param>
public sealed record SourceRef(int Id, string Title, string? Outlet, PartialDate PublishedOn, string? Url = null, bool TitleIsEditorial = false);

/// <summary>One event as a line of the timeline or of the API list.</summary>
public sealed record EventSummary(
    int Id,
    string Title,
    EventType Type,
    EventStatus Status,
    PartialDate Start,
    PartialDate End,
    Side HostSide,
    bool IsMentionedOnly,
    bool IsXiPutinMeeting,
    IReadOnlyList<LegSummary> Legs,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<TopicView> Topics,
    int StatementCount,
    int SourceCount)
{
    /// <summary>Positions of the legs Xi and Putin both attended (with a venue filter and "only Xi–Putin meetings": those in
    /// that venue); empty when none, or when the event has no legs on record.</summary>
    public IReadOnlyList<int> XiPutinLegs { get; init; } = [];
}

public sealed record StatementView(
    int Id,
    PersonRef? Speaker,
    string? Attribution,
    StatementKind Kind,
    string Text,
    SourceRef? Source,
    int? SourceOffset,
    IReadOnlyList<TopicView> Topics);

public sealed record DocumentView(int Id, string Title, DocumentKind Kind, string? Summary, SourceRef? Source);

public sealed record EventNeighbour(int Id, string Title, PartialDate Start);

/// <summary>Everything about one event, for its page and GET /api/events/{id}.</summary>
/// <param name="Edit">The event as an editor's draft (the write API's shape, keys as the editor uses them), filled
/// only for the API: PUT takes it back, or the whole of this record, unchanged; PATCH merges into it.</param>
public sealed record EventDetails(
    int Id,
    string Title,
    EventType Type,
    EventStatus Status,
    PartialDate Start,
    PartialDate End,
    string? DateNote,
    string Summary,
    Side HostSide,
    bool IsMentionedOnly,
    bool IsXiPutinMeeting,
    Guid Version,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<LegView> Legs,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<TopicView> Topics,
    IReadOnlyList<StatementView> Statements,
    IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<SourceRef> Sources,
    EventNeighbour? Previous,
    EventNeighbour? Next,
    EventDraft? Edit = null);

/// <summary>A person's names in the three scripts the record keeps.</summary>
public sealed record PersonNames(int Id, string English, string? Chinese, string? Russian);

/// <summary>Who attended one leg (by <see cref="LegSummary.Position"/>), for the per-leg CSV.</summary>
public sealed record LegAttendees(int Position, IReadOnlyList<PersonNames> Attendees);

/// <summary>
/// One event as the exports write it: the API's summary (the JSON export is exactly that) plus what a spreadsheet or
/// a calendar needs beyond it.
/// </summary>
public sealed record EventExportItem(
    EventSummary Event,
    string Summary,
    string? DateNote,
    DateTime UpdatedAt,
    IReadOnlyList<PersonNames> ParticipantNames,
    IReadOnlyList<LegAttendees> LegAttendees,
    string? ExternalKey,
    IReadOnlyList<SourceExport> SourceDetails);

/// <summary>A source as the CSV export writes it (enough to cite it, and to import it again).</summary>
public sealed record SourceExport(string Title, string? Url, string? Outlet, PartialDate PublishedOn);

/// <summary>
/// One page of a list. <see cref="Total"/> is exact when <see cref="TotalIsExact"/>; otherwise at least that many match
/// (a combination of filters is counted only so far: docs/performance.md) and there may be pages past <see cref="PageCount"/>.
/// </summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize, bool TotalIsExact = true)
{
    public int PageCount => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>Filter choices for the timeline: the distinct values that exist.</summary>
public sealed record FilterChoices(
    int? MinYear,
    int? MaxYear,
    IReadOnlyList<string> Venues,
    IReadOnlyList<PersonRef> Participants,
    IReadOnlyList<TopicView> Topics);

/// <summary>A city events were held in and how many of the matching events had a leg there; its place's point
/// (decimal degrees) when one is recorded, else null.</summary>
public sealed record VenueCount(string City, string Country, int Events, double? Latitude, double? Longitude)
{
    public bool HasPoint => Latitude is not null && Longitude is not null;
}
