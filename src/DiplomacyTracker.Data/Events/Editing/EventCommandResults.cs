using DiplomacyTracker.Data.Auditing;
using DiplomacyTracker.Data.Common;

namespace DiplomacyTracker.Data.Events.Editing;

/// <summary>One changed field: "Title" from "A" to "B". Before is null for a new value, After null for a removed one.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>A saved event that looks like the one being saved: how much (0–1, see <see cref="DuplicateScore"/>) and why
/// ("same city (Moscow)", "dates overlap", "2 of 2 participants in common").</summary>
public sealed record DuplicateCandidate(int Id, string Title, PartialDate Start, PartialDate End, double Score, IReadOnlyList<string> Reasons);

/// <summary>An event as the editor loads it: the draft plus the concurrency token to send back on save.</summary>
public sealed record EditableEvent(int Id, Guid Version, EventDraft Draft);

public sealed record DeletedEvent(int Id, string Title, PartialDate Start, PartialDate End, DateTime? DeletedAt, string? DeletedBy);

public sealed record AuditView(long Id, AuditAction Action, string UserName, DateTime At, IReadOnlyList<FieldChange> Changes);

/// <summary>
/// What a write did: exactly one of the nested cases (the private constructor keeps the set closed). Callers switch on
/// the case; each carries only what it means.
/// </summary>
public abstract record EventCommandResult
{
    private EventCommandResult()
    {
    }

    /// <summary>Written (or nothing needed writing): the event's id and its new version; the fields that changed.</summary>
    public sealed record Saved(int EventId, Guid Version, IReadOnlyList<FieldChange> Changes) : EventCommandResult;

    /// <summary>Refused by the rules; messages keyed by field path ("Legs[1].City").</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : EventCommandResult;

    /// <summary>Not written: the draft is allowed but looks like a mistake (held in the future, announced long ago);
    /// messages keyed by field path. Send <see cref="EventDraft.ConfirmWarnings"/> to save it anyway.</summary>
    public sealed record NeedsConfirmation(IReadOnlyDictionary<string, string[]> Warnings) : EventCommandResult;

    /// <summary>Not written: saved events that look like the same one (send IgnoreDuplicates to save anyway).</summary>
    public sealed record LikelyDuplicates(IReadOnlyList<DuplicateCandidate> Candidates) : EventCommandResult;

    /// <summary>Not written: someone saved the event since the editor loaded it. <see cref="Current"/> is what is saved
    /// now; <see cref="Changes"/> lists where it differs from what was submitted (Before = submitted, After = saved).</summary>
    public sealed record Conflict(EditableEvent Current, IReadOnlyList<FieldChange> Changes) : EventCommandResult;

    /// <summary>No such event (or, for a restore, no such deleted event).</summary>
    public sealed record NotFound(int EventId) : EventCommandResult;

    /// <summary>The user may not edit (not signed in, not an editor, or signed out since).</summary>
    public sealed record Forbidden : EventCommandResult;

    /// <summary>Not written: the database could not be written (the disk is full, or an I/O error). Nothing was saved;
    /// the same write works once space returns.</summary>
    public sealed record StorageFailed(bool DiskFull) : EventCommandResult;
}
