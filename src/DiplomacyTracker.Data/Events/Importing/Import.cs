namespace DiplomacyTracker.Data.Events.Importing;

/// <summary>
/// One applied bulk import: who ran it, when, from which file, and what it did. The events it created carry its id
/// (<see cref="Event.ImportId"/>), and so do their audit entries, so the whole import can be found and undone.
/// </summary>
public sealed class Import
{
    public const int FileNameMaxLength = 260;

    public int Id { get; set; }

    public string UserName { get; set; } = string.Empty;

    public DateTime At { get; set; }

    public string FileName { get; set; } = string.Empty;

    /// <summary>Rows in the file.</summary>
    public int RowCount { get; set; }

    /// <summary>Events the import created.</summary>
    public int CreatedCount { get; set; }

    /// <summary>Rows left out: refused, likely duplicates, or already imported.</summary>
    public int SkippedCount { get; set; }

    public DateTime? UndoneAt { get; set; }

    public string? UndoneBy { get; set; }
}
