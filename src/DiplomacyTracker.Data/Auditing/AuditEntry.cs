namespace DiplomacyTracker.Data.Auditing;

public enum AuditAction
{
    Created = 0,
    Updated = 1,
    Deleted = 2,
    Restored = 3,
}

/// <summary>Who changed an event, when, and what changed (a field-level diff as JSON).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public int EventId { get; set; }

    public AuditAction Action { get; set; }

    public string UserName { get; set; } = string.Empty;

    /// <summary>The bulk import that made this change (creating the event, or undoing the import); null otherwise.</summary>
    public int? ImportId { get; set; }

    public DateTime At { get; set; }

    /// <summary>JSON array of { field, before, after }.</summary>
    public string ChangesJson { get; set; } = "[]";
}
