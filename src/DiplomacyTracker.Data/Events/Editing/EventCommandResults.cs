using DiplomacyTracker.Data.Auditing;
using DiplomacyTracker.Data.Common;

namespace DiplomacyTracker.Data.Events.Editing;

public enum EventCommandStatus
{
    Saved = 0,
    Invalid = 1,
    LikelyDuplicates = 2,
    Conflict = 3,
    NotFound = 4,

    /// <summary>The user may not edit (not signed in, or not an editor).</summary>
    Forbidden = 5,
}

/// <summary>One changed field: "Title" from "A" to "B". Before is null for a new value, After null for a removed one.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

public sealed record DuplicateCandidate(int Id, string Title, PartialDate Start, PartialDate End);

/// <summary>An event as the editor loads it: the draft plus the concurrency token to send back on save.</summary>
public sealed record EditableEvent(int Id, Guid Version, EventDraft Draft);

public sealed record DeletedEvent(int Id, string Title, PartialDate Start, PartialDate End, DateTime? DeletedAt, string? DeletedBy);

public sealed record AuditView(long Id, AuditAction Action, string UserName, DateTime At, IReadOnlyList<FieldChange> Changes);

/// <summary>
/// What a write did. <see cref="Errors"/> for <see cref="EventCommandStatus.Invalid"/> (keyed by field path);
/// <see cref="Duplicates"/> for <see cref="EventCommandStatus.LikelyDuplicates"/>; for
/// <see cref="EventCommandStatus.Conflict"/>, <see cref="Current"/> is what is saved now and <see cref="Changes"/>
/// lists where it differs from what the editor submitted (Before = submitted, After = saved).
/// </summary>
public sealed record EventCommandResult(
    EventCommandStatus Status,
    int? EventId = null,
    Guid? Version = null,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    IReadOnlyList<DuplicateCandidate>? Duplicates = null,
    EditableEvent? Current = null,
    IReadOnlyList<FieldChange>? Changes = null)
{
    public bool Succeeded => Status == EventCommandStatus.Saved;

    public static EventCommandResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(EventCommandStatus.Invalid, Errors: errors);

    public static EventCommandResult NotFound(int id) => new(EventCommandStatus.NotFound, EventId: id);
}
