using DiplomacyTracker.Data.Events.Editing;

namespace DiplomacyTracker.Data.Events.Importing;

/// <summary>One row of an import file, read into the editor's draft. <see cref="Problems"/> are what reading the row
/// already found (a date that is not a date, an unknown event type); the draft is then checked like any other.</summary>
/// <param name="Row">The row's number as the editor sees it: the CSV line (the header is line 1) or the JSON item (from 1).</param>
/// <param name="ExternalKey">The file's own key for the event; importing a row whose key is taken creates nothing.</param>
public sealed record ImportRow(int Row, string? ExternalKey, EventDraft Draft, IReadOnlyList<ImportProblem> Problems)
{
    public ImportRow(int row, string? externalKey, EventDraft draft)
        : this(row, externalKey, draft, [])
    {
    }
}

/// <summary>What is wrong with a row: the field (a file column or a draft path such as "Legs[0].City") and why.</summary>
public sealed record ImportProblem(string Field, string Message);

/// <summary>What the import does with one row: exactly one of the nested cases.</summary>
public abstract record ImportRowOutcome
{
    private ImportRowOutcome()
    {
    }

    /// <summary>The row becomes a new event. <paramref name="Warnings"/>: what the editor would be asked to confirm
    /// (held in the future, announced long ago); importing the checked file is that confirmation.</summary>
    public sealed record WouldCreate(IReadOnlyList<ImportProblem> Warnings) : ImportRowOutcome;

    /// <summary>The row breaks the rules; nothing is created from it.</summary>
    public sealed record Refused(IReadOnlyList<ImportProblem> Problems) : ImportRowOutcome;

    /// <summary>Saved events look like the same meeting; the row is left out (add it through the editor if it is not).</summary>
    public sealed record LikelyDuplicate(IReadOnlyList<DuplicateCandidate> Candidates) : ImportRowOutcome;

    /// <summary>The event is already recorded (same external key, or the same title and dates): skipped.</summary>
    public sealed record AlreadyImported(int EventId, string Title, bool IsDeleted, string Reason) : ImportRowOutcome;
}

public sealed record ImportRowResult(int Row, string Title, string? ExternalKey, ImportRowOutcome Outcome);

/// <summary>The dry run: what each row would do.</summary>
public sealed record ImportPreview(IReadOnlyList<ImportRowResult> Rows)
{
    public int WouldCreate => Rows.Count(r => r.Outcome is ImportRowOutcome.WouldCreate);

    public int Refused => Rows.Count(r => r.Outcome is ImportRowOutcome.Refused);

    public int LikelyDuplicates => Rows.Count(r => r.Outcome is ImportRowOutcome.LikelyDuplicate);

    public int AlreadyImported => Rows.Count(r => r.Outcome is ImportRowOutcome.AlreadyImported);
}

/// <summary>What applying an import did: exactly one of the nested cases.</summary>
public abstract record ImportCommandResult
{
    private ImportCommandResult()
    {
    }

    /// <summary>Every accepted row is now an event, all in one transaction; <see cref="Preview"/> says what became of each row.</summary>
    public sealed record Applied(int ImportId, int Created, int Skipped, ImportPreview Preview) : ImportCommandResult;

    /// <summary>No row would create an event (all refused, duplicates or already imported): nothing was written.</summary>
    public sealed record NothingToImport(ImportPreview Preview) : ImportCommandResult;

    /// <summary>The user may not import (not an editor, or no longer one).</summary>
    public sealed record Forbidden : ImportCommandResult;

    /// <summary>The database could not be written (disk full or I/O error); nothing was saved.</summary>
    public sealed record StorageFailed(bool DiskFull) : ImportCommandResult;
}

/// <summary>What undoing an import did: exactly one of the nested cases.</summary>
public abstract record UndoImportResult
{
    private UndoImportResult()
    {
    }

    /// <summary>Every event of the import is deleted (soft, each audited; restorable from Recently deleted).</summary>
    public sealed record Undone(int ImportId, int Deleted) : UndoImportResult;

    public sealed record NotFound(int ImportId) : UndoImportResult;

    public sealed record AlreadyUndone(int ImportId, DateTime At, string By) : UndoImportResult;

    /// <summary>Refused, nothing deleted: these events were edited since the import, and undoing would throw the edits away.</summary>
    public sealed record EditedSince(int ImportId, IReadOnlyList<int> EventIds) : UndoImportResult;

    public sealed record Forbidden : UndoImportResult;

    public sealed record StorageFailed(bool DiskFull) : UndoImportResult;
}

/// <summary>An import as the import page and GET /api/imports/{id} show it.</summary>
public sealed record ImportSummary(
    int Id,
    string FileName,
    string UserName,
    DateTime At,
    int RowCount,
    int CreatedCount,
    int SkippedCount,
    DateTime? UndoneAt,
    string? UndoneBy,
    IReadOnlyList<int> EventIds);
