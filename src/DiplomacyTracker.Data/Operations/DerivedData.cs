namespace DiplomacyTracker.Data.Operations;

/// <summary>
/// The tables the database keeps itself, through triggers, from the tables people edit (the filter index, the kept counts and the full-text rows: <see cref="Events.DerivedTables"/>).
/// <see cref="RebuildSteps"/> fills each of them again from scratch, as if every row had been inserted with the
/// triggers active; <see cref="BulkLoad"/> runs them after a load with the triggers switched off.
/// </summary>
/// <remarks>
/// When a migration adds a trigger-kept table (or changes what a trigger writes), add or change its step here in the
/// same commit: <c>BulkLoadTests</c> compares a database loaded through <see cref="BulkLoad"/> with one loaded with the
/// triggers on, table by table, and fails when a step is missing or writes something else.
/// The steps run in order, with no triggers active and every index in place; each first empties its table.
/// </remarks>
public static class DerivedData
{
    public static IReadOnlyList<string> RebuildSteps { get; } =
    [
        // The contentless EventText empties with 'delete-all'; the rebuild inserts in key order, the fastest.
        "DELETE FROM EventFacets;",
        "DELETE FROM FilterCounts;",
        "INSERT INTO EventText(EventText) VALUES ('delete-all');",
        "DELETE FROM SearchTerms;",
        .. Events.DerivedTables.Rebuild,
    ];
}
