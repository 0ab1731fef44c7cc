namespace DiplomacyTracker.Data.Operations;

/// <summary>
/// The tables the database keeps itself, through triggers, from the tables people edit (today the full-text indexes).
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
    // The values the Events_FullText_* and Statements_FullText_* triggers (migration ChineseFullText) index.
    private const string EventValues = "e.Id, e.Title, e.Summary, cjk_bigrams(e.Title || ' ' || coalesce(e.Summary, '')), cjk_chars(e.Title || ' ' || coalesce(e.Summary, ''))";
    private const string StatementValues = "s.Id, s.Text, cjk_bigrams(s.Text), cjk_chars(s.Text)";

    public static IReadOnlyList<string> RebuildSteps { get; } =
    [
        // Contentless FTS5 tables: 'delete-all' empties them; rowid order makes the fastest insert.
        "INSERT INTO EventSearch(EventSearch) VALUES ('delete-all');",
        $"INSERT INTO EventSearch(rowid, Title, Summary, Bigrams, Chars) SELECT {EventValues} FROM Events e ORDER BY e.Id;",
        "INSERT INTO StatementSearch(StatementSearch) VALUES ('delete-all');",
        $"INSERT INTO StatementSearch(rowid, Text, Bigrams, Chars) SELECT {StatementValues} FROM Statements s ORDER BY s.Id;",
    ];
}
