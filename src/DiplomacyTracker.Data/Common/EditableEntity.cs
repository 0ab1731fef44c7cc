namespace DiplomacyTracker.Data.Common;

/// <summary>
/// A row people can edit. SQLite has no rowversion, so <see cref="Version"/> is an app-managed concurrency token,
/// renewed by <see cref="DiplomacyDbContext"/> on every save; timestamps are set there too.
/// </summary>
public abstract class EditableEntity
{
    public int Id { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The key of the curated seed record this row came from; null for rows people added.</summary>
    public string? SeedKey { get; set; }
}
