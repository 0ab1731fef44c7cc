using System.Globalization;

namespace DiplomacyTracker.Data.Events;

/// <summary>
/// The SQLite tables derived from the record, and the triggers that keep them in step inside every write's own
/// transaction (docs/decisions/0010-filters-in-timeline-order.md):
/// <list type="bullet">
/// <item><c>EventFacets</c>: every filter value of every live event, keyed (Kind, Value, EventSortKey, EventId), so
/// a filter's events come out of one index range already in timeline order.</item>
/// <item><c>FilterCounts</c>: how many live events have each value (and statements per speaker), so totals and the
/// unfiltered facet counts are lookups; a value no live event has any longer has no row.</item>
/// <item><c>EventText</c>: one full-text row per live event (title, summary and all its statements) whose rowid is the
/// event's place in the timeline (<see cref="OrderKeyFactor"/>), so the first page of a search for a word in most
/// events reads its first 50 matches, not all of them.</item>
/// <item><c>SearchTerms</c>: every word EventText has ever indexed (as FTS5 folds it), so a prefix the search box sends
/// ("energy"*) can be asked as the few whole words it stands for, which FTS5 reads in rowid order and stops after a
/// page, instead of as a prefix, whose matches FTS5 merges in full first (<see cref="SearchPrefixes"/>). It only
/// grows: a word no event has any longer matches nothing.</item>
/// <item>The counts-only kinds of <c>FilterCounts</c> (<see cref="CountSourceView"/>, ADR 0014): what the overview and the
/// map count when nothing is filtered, kept by taking each event's share out before a write and putting it back after.</item>
/// </list>
/// Triggers rather than application code: the editor, the API, the import, the seed and a hand-made write all pass
/// through them, and a facet can never be counted twice. The migration that created them and the data generator
/// (which drops the triggers for its bulk load, then runs <see cref="Rebuild"/>) both read this class; a change to
/// the SQL here needs a new migration that drops and recreates what it changes.
/// </summary>
public static class DerivedTables
{
    /// <summary>EventText's rowid is SortKey × this + Id: timeline order, with room for 100,000,000 events.</summary>
    public const long OrderKeyFactor = 100_000_000;

    private static readonly string UnknownSortKey = Common.PartialDate.Unknown.SortKey.ToString(CultureInfo.InvariantCulture);

    private const string Xi = "(SELECT Id FROM People WHERE Slug = 'xi-jinping')";
    private const string Putin = "(SELECT Id FROM People WHERE Slug = 'vladimir-putin')";

    // Xi and Putin both took part in event e.
    private const string BothTookPart =
        $"EXISTS (SELECT 1 FROM EventParticipants bp WHERE bp.EventId = e.Id AND bp.PersonId = {Xi}) AND EXISTS (SELECT 1 FROM EventParticipants bp WHERE bp.EventId = e.Id AND bp.PersonId = {Putin})";

    // They met at leg l: both attended it, or it has no attendees on record and both took part in the event.
    private const string MetAtLeg =
        $"((EXISTS (SELECT 1 FROM LegAttendees a WHERE a.LegId = l.Id AND a.PersonId = {Xi}) AND EXISTS (SELECT 1 FROM LegAttendees a WHERE a.LegId = l.Id AND a.PersonId = {Putin})) OR (NOT EXISTS (SELECT 1 FROM LegAttendees a WHERE a.LegId = l.Id) AND {BothTookPart}))";

    /// <summary>What EventFacets must hold: every live event's filter values (the same rules as <see cref="EventQueries.Apply"/>).</summary>
    public static string FacetSourceView => $"""
        CREATE VIEW EventFacetSource AS
        SELECT 'all' AS Kind, '' AS Value, e.SortKey AS EventSortKey, e.Id AS EventId FROM Events e WHERE e.IsDeleted = 0
        UNION ALL SELECT 'type', CAST(e.Type AS TEXT), e.SortKey, e.Id FROM Events e WHERE e.IsDeleted = 0
        UNION ALL SELECT 'year', CASE WHEN e.SortKey >= {UnknownSortKey} THEN 'unknown' ELSE CAST(e.SortKey / 10000 AS TEXT) END, e.SortKey, e.Id FROM Events e WHERE e.IsDeleted = 0
        UNION ALL SELECT 'venue', l.City, e.SortKey, e.Id FROM EventLegs l JOIN Events e ON e.Id = l.EventId WHERE e.IsDeleted = 0
        UNION ALL SELECT 'venue', l.Country, e.SortKey, e.Id FROM EventLegs l JOIN Events e ON e.Id = l.EventId WHERE e.IsDeleted = 0
        UNION ALL SELECT 'person', CAST(p.PersonId AS TEXT), e.SortKey, e.Id FROM EventParticipants p JOIN Events e ON e.Id = p.EventId WHERE e.IsDeleted = 0
        UNION ALL SELECT 'topic', t.Slug, e.SortKey, e.Id FROM EventTopics et JOIN Topics t ON t.Id = et.TopicsId JOIN Events e ON e.Id = et.EventId WHERE e.IsDeleted = 0
        UNION ALL SELECT 'xiputin', '', e.SortKey, e.Id FROM EventLegs l JOIN Events e ON e.Id = l.EventId WHERE e.IsDeleted = 0 AND {MetAtLeg}
        UNION ALL SELECT 'xiputin', '', e.SortKey, e.Id FROM Events e WHERE e.IsDeleted = 0 AND NOT EXISTS (SELECT 1 FROM EventLegs l WHERE l.EventId = e.Id) AND {BothTookPart}
        UNION ALL SELECT 'xiputin-venue', l.City, e.SortKey, e.Id FROM EventLegs l JOIN Events e ON e.Id = l.EventId WHERE e.IsDeleted = 0 AND {MetAtLeg}
        UNION ALL SELECT 'xiputin-venue', l.Country, e.SortKey, e.Id FROM EventLegs l JOIN Events e ON e.Id = l.EventId WHERE e.IsDeleted = 0 AND {MetAtLeg};
        """;

    // Brings one event's facets up to date with EventFacetSource: what it no longer has goes, what is new comes in
    // (the count triggers on EventFacets follow). {0} is the event id expression.
    private const string RefreshFacets = """
        DELETE FROM EventFacets WHERE EventId = {0} AND NOT EXISTS (SELECT 1 FROM EventFacetSource s WHERE s.EventId = {0} AND s.Kind = EventFacets.Kind AND s.Value = EventFacets.Value AND s.EventSortKey = EventFacets.EventSortKey);
        INSERT OR IGNORE INTO EventFacets (Kind, Value, EventSortKey, EventId) SELECT Kind, Value, EventSortKey, EventId FROM EventFacetSource WHERE EventId = {0};
        """;

    // One event's full-text row: title, summary and every statement, Chinese as bigrams and characters (ADR 0009).
    private const string TextRow = """
        INSERT INTO EventText (rowid, Title, Summary, Statements, Bigrams, Chars)
        SELECT e.SortKey * 100000000 + e.Id, e.Title, e.Summary, st.Text,
               cjk_bigrams(e.Title || ' ' || coalesce(e.Summary, '') || ' ' || coalesce(st.Text, '')),
               cjk_chars(e.Title || ' ' || coalesce(e.Summary, '') || ' ' || coalesce(st.Text, ''))
        FROM Events e LEFT JOIN (SELECT EventId, group_concat(Text, char(10)) AS Text FROM Statements WHERE EventId = {0} GROUP BY EventId) st ON st.EventId = e.Id
        WHERE e.Id = {0} AND e.IsDeleted = 0;
        """ + CollectTerms;

    // The words of that row as FTS5 itself splits and folds them, added to SearchTerms: the event's text goes through
    // a one-row FTS5 table with the same tokenizer, read back through its vocabulary, and leaves again. Title, summary
    // and statements only, not the bigram columns: a prefix is never Chinese (FullTextQuery).
    private const string CollectTerms = """

        INSERT INTO SearchTermScratch (rowid, Text)
        SELECT 1, e.Title || ' ' || coalesce(e.Summary, '') || ' ' || coalesce((SELECT group_concat(Text, char(10)) FROM Statements WHERE EventId = {0}), '')
        FROM Events e WHERE e.Id = {0} AND e.IsDeleted = 0;
        INSERT OR IGNORE INTO SearchTerms (Term) SELECT term FROM SearchTermScratchTerms;
        DELETE FROM SearchTermScratch;
        """;

    private const string RefreshText =
        "DELETE FROM EventText WHERE rowid = (SELECT SortKey * 100000000 + Id FROM Events WHERE Id = {0});\n" + TextRow;

    // Statements per speaker of live events: +1 / -1 for one statement row (old / new), when its event is live.
    private const string CountStatement = """
        INSERT INTO FilterCounts (Kind, Value, Count)
        SELECT 'statements-by', CAST({0}.SpeakerId AS TEXT), {1} FROM Events e WHERE e.Id = {0}.EventId AND e.IsDeleted = 0 AND {0}.SpeakerId IS NOT NULL
        ON CONFLICT (Kind, Value) DO UPDATE SET Count = Count + excluded.Count;
        DELETE FROM FilterCounts WHERE Kind = 'statements-by' AND Value = CAST({0}.SpeakerId AS TEXT) AND Count = 0;
        """;

    // All of one event's statements counted in or out (soft delete, restore, hard delete).
    private const string CountEventStatements = """
        INSERT INTO FilterCounts (Kind, Value, Count)
        SELECT 'statements-by', CAST(SpeakerId AS TEXT), {1} * COUNT(*) FROM Statements WHERE EventId = {0} AND SpeakerId IS NOT NULL GROUP BY SpeakerId
        ON CONFLICT (Kind, Value) DO UPDATE SET Count = Count + excluded.Count;
        DELETE FROM FilterCounts WHERE Kind = 'statements-by' AND Count = 0;
        """;

    /// <summary>
    /// What an event adds to the counts-only kinds (<see cref="FacetKind.Counted"/>): per event, each value and how much
    /// (distinct events per country and city, its legs per city, every pair of its participants, its host side, one if it
    /// has several legs). The overview and the map read these counts when nothing is filtered, instead of grouping every
    /// leg and participation of a million events (27 s and 5 s). No row per event is kept for them (the pairs alone would
    /// be six million): the triggers take an event's share out before a write that changes it and put it back after.
    /// </summary>
    public static string CountSourceView => """
        CREATE VIEW EventCountSource AS
        SELECT 'host' AS Kind, CAST(e.HostSide AS TEXT) AS Value, e.Id AS EventId, 1 AS N FROM Events e WHERE e.IsDeleted = 0
        UNION ALL SELECT 'country', l.Country, l.EventId, 1 FROM EventLegs l JOIN Events e ON e.Id = l.EventId WHERE e.IsDeleted = 0 GROUP BY l.EventId, l.Country
        UNION ALL SELECT 'city', l.City || char(31) || l.Country, l.EventId, 1 FROM EventLegs l JOIN Events e ON e.Id = l.EventId WHERE e.IsDeleted = 0 GROUP BY l.EventId, l.City, l.Country
        UNION ALL SELECT 'city-legs', l.City || char(31) || l.Country, l.EventId, COUNT(*) FROM EventLegs l JOIN Events e ON e.Id = l.EventId WHERE e.IsDeleted = 0 GROUP BY l.EventId, l.City, l.Country
        UNION ALL SELECT 'pair', CAST(a.PersonId AS TEXT) || ',' || CAST(b.PersonId AS TEXT), a.EventId, 1 FROM EventParticipants a JOIN EventParticipants b ON b.EventId = a.EventId AND b.PersonId > a.PersonId JOIN Events e ON e.Id = a.EventId WHERE e.IsDeleted = 0
        UNION ALL SELECT 'multileg', '', e.Id, 1 FROM Events e WHERE e.IsDeleted = 0 AND (SELECT COUNT(*) FROM EventLegs l WHERE l.EventId = e.Id) > 1;
        """;

    // The share of the events {0} in the counts-only kinds, taken out (before a write) or put back (after it). A value
    // whose count falls to zero goes (only taking out can make one).
    private const string TakeOutCounts = """
        INSERT INTO FilterCounts (Kind, Value, Count) SELECT Kind, Value, -N FROM EventCountSource WHERE EventId IN ({0})
        ON CONFLICT (Kind, Value) DO UPDATE SET Count = Count + excluded.Count;
        DELETE FROM FilterCounts WHERE Count = 0 AND (Kind, Value) IN (SELECT Kind, Value FROM EventCountSource WHERE EventId IN ({0}));
        """;

    private const string PutBackCounts = """
        INSERT INTO FilterCounts (Kind, Value, Count) SELECT Kind, Value, N FROM EventCountSource WHERE EventId IN ({0})
        ON CONFLICT (Kind, Value) DO UPDATE SET Count = Count + excluded.Count;
        """;

    private static (string Name, string Table, string Sql) CountTrigger(string name, string table, string when, string change, string template, string events) =>
        (name, table, $"CREATE TRIGGER {name} {when} {change} ON {table} BEGIN\n{Format(template, events)}\nEND;");

    /// <summary>The triggers that keep the counts-only kinds (migration KeptOverviewCounts); also in <see cref="Triggers"/>.</summary>
    public static IReadOnlyList<(string Name, string Table, string Sql)> CountTriggers { get; } =
    [
        CountTrigger("Events_Counts_Insert", "Events", "AFTER", "INSERT", PutBackCounts, "new.Id"),
        CountTrigger("Events_Counts_Update_Before", "Events", "BEFORE", "UPDATE OF IsDeleted, HostSide", TakeOutCounts, "old.Id"),
        CountTrigger("Events_Counts_Update_After", "Events", "AFTER", "UPDATE OF IsDeleted, HostSide", PutBackCounts, "new.Id"),
        // Before the row goes, while it is live; the cascade's own triggers then find no live event.
        CountTrigger("Events_Counts_Delete", "Events", "BEFORE", "DELETE", TakeOutCounts, "old.Id"),
        .. new[] { ("EventLegs", "City, Country, EventId"), ("EventParticipants", "PersonId, EventId") }.SelectMany(t => new[]
        {
            CountTrigger($"{t.Item1}_Counts_Insert_Before", t.Item1, "BEFORE", "INSERT", TakeOutCounts, "new.EventId"),
            CountTrigger($"{t.Item1}_Counts_Insert_After", t.Item1, "AFTER", "INSERT", PutBackCounts, "new.EventId"),
            CountTrigger($"{t.Item1}_Counts_Update_Before", t.Item1, "BEFORE", $"UPDATE OF {t.Item2}", TakeOutCounts, "old.EventId, new.EventId"),
            CountTrigger($"{t.Item1}_Counts_Update_After", t.Item1, "AFTER", $"UPDATE OF {t.Item2}", PutBackCounts, "old.EventId, new.EventId"),
            CountTrigger($"{t.Item1}_Counts_Delete_Before", t.Item1, "BEFORE", "DELETE", TakeOutCounts, "old.EventId"),
            CountTrigger($"{t.Item1}_Counts_Delete_After", t.Item1, "AFTER", "DELETE", PutBackCounts, "old.EventId"),
        }),
    ];

    /// <summary>The counts-only kinds counted afresh from <c>EventCountSource</c> (after their rows are deleted, or into an empty table).</summary>
    public const string FillCounts =
        "INSERT INTO FilterCounts (Kind, Value, Count) SELECT Kind, Value, SUM(N) FROM EventCountSource WHERE true GROUP BY Kind, Value;";

    private static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);

    /// <summary>Every trigger: (name, table, CREATE TRIGGER statement).</summary>
    public static IReadOnlyList<(string Name, string Table, string Sql)> Triggers => [.. FacetTriggers, .. CountTriggers];

    /// <summary>The triggers that keep EventFacets, FilterCounts (but the counts-only kinds) and EventText.</summary>
    private static IReadOnlyList<(string Name, string Table, string Sql)> FacetTriggers { get; } =
    [
        ("EventFacets_Count_Insert", "EventFacets", """
            CREATE TRIGGER EventFacets_Count_Insert AFTER INSERT ON EventFacets BEGIN
                INSERT INTO FilterCounts (Kind, Value, Count) VALUES (new.Kind, new.Value, 1) ON CONFLICT (Kind, Value) DO UPDATE SET Count = Count + 1;
            END;
            """),
        ("EventFacets_Count_Delete", "EventFacets", """
            CREATE TRIGGER EventFacets_Count_Delete AFTER DELETE ON EventFacets BEGIN
                UPDATE FilterCounts SET Count = Count - 1 WHERE Kind = old.Kind AND Value = old.Value;
                DELETE FROM FilterCounts WHERE Kind = old.Kind AND Value = old.Value AND Count = 0;
            END;
            """),

        ("Events_Facets_Insert", "Events", $"""
            CREATE TRIGGER Events_Facets_Insert AFTER INSERT ON Events BEGIN
            {Format(RefreshFacets, "new.Id")}
            {Format(TextRow, "new.Id")}
            END;
            """),
        ("Events_Facets_Update", "Events", $"""
            CREATE TRIGGER Events_Facets_Update AFTER UPDATE OF Type, SortKey, IsDeleted, Title, Summary ON Events BEGIN
            {Format(RefreshFacets, "new.Id")}
                DELETE FROM EventText WHERE rowid = old.SortKey * 100000000 + old.Id;
            {Format(TextRow, "new.Id")}
            END;
            """),
        ("Events_Statements_Deleted", "Events", $"""
            CREATE TRIGGER Events_Statements_Deleted AFTER UPDATE OF IsDeleted ON Events WHEN old.IsDeleted = 0 AND new.IsDeleted = 1 BEGIN
            {Format(CountEventStatements, "new.Id", -1)}
            END;
            """),
        ("Events_Statements_Restored", "Events", $"""
            CREATE TRIGGER Events_Statements_Restored AFTER UPDATE OF IsDeleted ON Events WHEN old.IsDeleted = 1 AND new.IsDeleted = 0 BEGIN
            {Format(CountEventStatements, "new.Id", 1)}
            END;
            """),
        // Before the row goes: its statements are still there to be counted out, and the cascade that deletes them
        // then finds no live event (so they are not counted out twice).
        ("Events_Derived_Delete", "Events", $"""
            CREATE TRIGGER Events_Derived_Delete BEFORE DELETE ON Events BEGIN
                DELETE FROM EventText WHERE rowid = old.SortKey * 100000000 + old.Id;
                DELETE FROM EventFacets WHERE EventId = old.Id;
            {Format(CountEventStatements, "old.Id", "(CASE WHEN old.IsDeleted = 0 THEN -1 ELSE 0 END)")}
            END;
            """),

        ("EventLegs_Facets_Insert", "EventLegs", $"CREATE TRIGGER EventLegs_Facets_Insert AFTER INSERT ON EventLegs BEGIN\n{Format(RefreshFacets, "new.EventId")}\nEND;"),
        ("EventLegs_Facets_Update", "EventLegs", $"CREATE TRIGGER EventLegs_Facets_Update AFTER UPDATE OF City, Country, EventId ON EventLegs BEGIN\n{Format(RefreshFacets, "old.EventId")}\n{Format(RefreshFacets, "new.EventId")}\nEND;"),
        ("EventLegs_Facets_Delete", "EventLegs", $"CREATE TRIGGER EventLegs_Facets_Delete AFTER DELETE ON EventLegs BEGIN\n{Format(RefreshFacets, "old.EventId")}\nEND;"),
        ("EventParticipants_Facets_Insert", "EventParticipants", $"CREATE TRIGGER EventParticipants_Facets_Insert AFTER INSERT ON EventParticipants BEGIN\n{Format(RefreshFacets, "new.EventId")}\nEND;"),
        ("EventParticipants_Facets_Update", "EventParticipants", $"CREATE TRIGGER EventParticipants_Facets_Update AFTER UPDATE OF PersonId, EventId ON EventParticipants BEGIN\n{Format(RefreshFacets, "old.EventId")}\n{Format(RefreshFacets, "new.EventId")}\nEND;"),
        ("EventParticipants_Facets_Delete", "EventParticipants", $"CREATE TRIGGER EventParticipants_Facets_Delete AFTER DELETE ON EventParticipants BEGIN\n{Format(RefreshFacets, "old.EventId")}\nEND;"),
        ("EventTopics_Facets_Insert", "EventTopics", $"CREATE TRIGGER EventTopics_Facets_Insert AFTER INSERT ON EventTopics BEGIN\n{Format(RefreshFacets, "new.EventId")}\nEND;"),
        ("EventTopics_Facets_Delete", "EventTopics", $"CREATE TRIGGER EventTopics_Facets_Delete AFTER DELETE ON EventTopics BEGIN\n{Format(RefreshFacets, "old.EventId")}\nEND;"),
        // Any attendee matters, not only Xi or Putin: a leg's first attendee means the event's participants no longer stand in for it.
        ("LegAttendees_Facets_Insert", "LegAttendees", $"CREATE TRIGGER LegAttendees_Facets_Insert AFTER INSERT ON LegAttendees BEGIN\n{Format(RefreshFacets, "(SELECT EventId FROM EventLegs WHERE Id = new.LegId)")}\nEND;"),
        ("LegAttendees_Facets_Delete", "LegAttendees", $"CREATE TRIGGER LegAttendees_Facets_Delete AFTER DELETE ON LegAttendees BEGIN\n{Format(RefreshFacets, "(SELECT EventId FROM EventLegs WHERE Id = old.LegId)")}\nEND;"),

        ("Statements_Derived_Insert", "Statements", $"""
            CREATE TRIGGER Statements_Derived_Insert AFTER INSERT ON Statements BEGIN
            {Format(RefreshText, "new.EventId")}
            {Format(CountStatement, "new", 1)}
            END;
            """),
        ("Statements_Derived_Update", "Statements", $"""
            CREATE TRIGGER Statements_Derived_Update AFTER UPDATE OF Text, EventId, SpeakerId ON Statements BEGIN
            {Format(RefreshText, "old.EventId")}
            {Format(RefreshText, "new.EventId")}
            {Format(CountStatement, "old", -1)}
            {Format(CountStatement, "new", 1)}
            END;
            """),
        ("Statements_Derived_Delete", "Statements", $"""
            CREATE TRIGGER Statements_Derived_Delete AFTER DELETE ON Statements BEGIN
            {Format(RefreshText, "old.EventId")}
            {Format(CountStatement, "old", -1)}
            END;
            """),
    ];

    /// <summary>The triggers as they were before SearchTerms (the SearchTerms migration's Down).</summary>
    public static IReadOnlyList<(string Name, string Table, string Sql)> TriggersBeforeSearchTerms =>
        FacetTriggers.Select(t => (t.Name, t.Table, new[] { "new.Id", "new.EventId", "old.EventId" }.Aggregate(t.Sql, (sql, id) => sql.Replace(Format(CollectTerms, id), "")))).ToList();

    /// <summary>The names of the triggers on <paramref name="table"/> (EF Core must know of them).</summary>
    public static IEnumerable<string> TriggersOn(string table) => Triggers.Where(t => t.Table == table).Select(t => t.Name);

    /// <summary>SearchTerms and the one-row FTS5 table (and its vocabulary) the triggers split an event's words with (migration SearchTerms).</summary>
    public static IReadOnlyList<string> CreateSearchTerms { get; } =
    [
        "CREATE TABLE IF NOT EXISTS SearchTerms (Term TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;",
        "CREATE VIRTUAL TABLE IF NOT EXISTS SearchTermScratch USING fts5(Text, tokenize='unicode61 remove_diacritics 2');",
        "CREATE VIRTUAL TABLE IF NOT EXISTS SearchTermScratchTerms USING fts5vocab(SearchTermScratch, row);",
    ];

    /// <summary>
    /// Fills SearchTerms from EventText's vocabulary (the columns the triggers collect from). Reads every word's list
    /// of rows once: 9–25 s at 1,000,000 events (file in the OS cache or not).
    /// </summary>
    public static IReadOnlyList<string> RebuildSearchTerms { get; } =
    [
        "CREATE VIRTUAL TABLE temp.EventTextTerms USING fts5vocab(main, 'EventText', 'col');",
        "INSERT OR IGNORE INTO SearchTerms (Term) SELECT DISTINCT term FROM temp.EventTextTerms WHERE col IN ('Title', 'Summary', 'Statements');",
        "DROP TABLE temp.EventTextTerms;",
    ];

    /// <summary>The derived tables and their view, empty (the triggers come after <see cref="Rebuild"/>).</summary>
    public static IReadOnlyList<string> CreateTables { get; } =
    [
        """
        CREATE TABLE EventFacets (
            Kind TEXT NOT NULL, Value TEXT NOT NULL COLLATE NOCASE, EventSortKey INTEGER NOT NULL, EventId INTEGER NOT NULL,
            PRIMARY KEY (Kind, Value, EventSortKey, EventId)) WITHOUT ROWID;
        """,
        "CREATE INDEX IX_EventFacets_EventId ON EventFacets (EventId);",
        """
        CREATE TABLE FilterCounts (
            Kind TEXT NOT NULL, Value TEXT NOT NULL COLLATE NOCASE, Count INTEGER NOT NULL,
            PRIMARY KEY (Kind, Value)) WITHOUT ROWID;
        """,
        "CREATE VIRTUAL TABLE EventText USING fts5(Title, Summary, Statements, Bigrams, Chars, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');",
        FacetSourceView,
        CountSourceView,
        .. CreateSearchTerms,
    ];

    /// <summary>
    /// Fills the derived tables from the record, all at once (the migration, and the generator after a bulk load with
    /// the triggers dropped). Expects them empty.
    /// </summary>
    public static IReadOnlyList<string> Rebuild { get; } =
    [
        "INSERT OR IGNORE INTO EventFacets (Kind, Value, EventSortKey, EventId) SELECT Kind, Value, EventSortKey, EventId FROM EventFacetSource ORDER BY 1, 2, 3, 4;",
        "INSERT INTO FilterCounts (Kind, Value, Count) SELECT Kind, Value, COUNT(*) FROM EventFacets GROUP BY Kind, Value;",
        """
        INSERT INTO FilterCounts (Kind, Value, Count)
        SELECT 'statements-by', CAST(s.SpeakerId AS TEXT), COUNT(*) FROM Statements s JOIN Events e ON e.Id = s.EventId
        WHERE e.IsDeleted = 0 AND s.SpeakerId IS NOT NULL GROUP BY s.SpeakerId;
        """,
        FillCounts,
        """
        INSERT INTO EventText (rowid, Title, Summary, Statements, Bigrams, Chars)
        SELECT e.SortKey * 100000000 + e.Id, e.Title, e.Summary, st.Text,
               cjk_bigrams(e.Title || ' ' || coalesce(e.Summary, '') || ' ' || coalesce(st.Text, '')),
               cjk_chars(e.Title || ' ' || coalesce(e.Summary, '') || ' ' || coalesce(st.Text, ''))
        FROM Events e LEFT JOIN (SELECT EventId, group_concat(Text, char(10)) AS Text FROM Statements GROUP BY EventId) st ON st.EventId = e.Id
        WHERE e.IsDeleted = 0 ORDER BY e.SortKey, e.Id;
        """,
        .. RebuildSearchTerms,
    ];

    /// <summary>The full-text tables and triggers these replace (migration ChineseFullText).</summary>
    public static IReadOnlyList<string> DropSearchTables { get; } =
    [
        "DROP TRIGGER IF EXISTS Events_FullText_Insert;", "DROP TRIGGER IF EXISTS Events_FullText_Delete;", "DROP TRIGGER IF EXISTS Events_FullText_Update;",
        "DROP TRIGGER IF EXISTS Statements_FullText_Insert;", "DROP TRIGGER IF EXISTS Statements_FullText_Delete;", "DROP TRIGGER IF EXISTS Statements_FullText_Update;",
        "DROP TABLE IF EXISTS EventSearch;", "DROP TABLE IF EXISTS StatementSearch;",
    ];
}
