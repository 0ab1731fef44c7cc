using System.Globalization;

namespace DiplomacyTracker.Data.Events;

/// <summary>
/// <see cref="DerivedTables"/> for PostgreSQL: the same three derived tables, kept by triggers inside every write's own
/// transaction, with the same rules. EventFacets and FilterCounts are ordinary tables of the model (the Initial
/// migration creates them); what the model cannot say is here, for the DerivedTables migration and copy-database:
/// <list type="bullet">
/// <item><c>EventText</c>: one row per live event keyed by its place in the timeline (SortKey ×
/// <see cref="DerivedTables.OrderKeyFactor"/> + Id), with a <c>tsvector</c> of its title, summary and statements and of
/// their Chinese bigrams (GIN), and the same text as it is under a trigram GIN index, for single Chinese characters.</item>
/// <item>The text search configuration <c>diplomacy</c>: the simple parser, accents stripped and lower-cased, as
/// FTS5's unicode61 tokenizer with remove_diacritics does on SQLite.</item>
/// <item>Trigger functions that note which events a write changed and, when the transaction commits, bring all of
/// their facets and text up to date at once (a deferred constraint trigger), and keep the counts. Each write takes a
/// transaction-scoped advisory lock first, so writes to the record go one at a time as they do on SQLite: the counts
/// are then never updated in two orders at once (no deadlocks), and nothing else about writing changes.</item>
/// </list>
/// </summary>
public static class PostgreSqlDerivedTables
{
    private const long Factor = DerivedTables.OrderKeyFactor;

    /// <summary>The advisory lock every write to the record takes (an arbitrary number, the app's own).</summary>
    public const long WriteLock = 0x4469706C6F6D6163; // "Diplomac"

    private static readonly string UnknownSortKey = Common.PartialDate.Unknown.SortKey.ToString(CultureInfo.InvariantCulture);

    private const string Xi = "(SELECT \"Id\" FROM \"People\" WHERE \"Slug\" = 'xi-jinping')";
    private const string Putin = "(SELECT \"Id\" FROM \"People\" WHERE \"Slug\" = 'vladimir-putin')";

    private const string BothTookPart =
        $"EXISTS (SELECT 1 FROM \"EventParticipants\" bp WHERE bp.\"EventId\" = e.\"Id\" AND bp.\"PersonId\" = {Xi}) AND EXISTS (SELECT 1 FROM \"EventParticipants\" bp WHERE bp.\"EventId\" = e.\"Id\" AND bp.\"PersonId\" = {Putin})";

    private const string MetAtLeg =
        $"((EXISTS (SELECT 1 FROM \"LegAttendees\" a WHERE a.\"LegId\" = l.\"Id\" AND a.\"PersonId\" = {Xi}) AND EXISTS (SELECT 1 FROM \"LegAttendees\" a WHERE a.\"LegId\" = l.\"Id\" AND a.\"PersonId\" = {Putin})) OR (NOT EXISTS (SELECT 1 FROM \"LegAttendees\" a WHERE a.\"LegId\" = l.\"Id\") AND {BothTookPart}))";

    private static string FacetSourceView => $"""
        CREATE VIEW "EventFacetSource" AS
        SELECT 'all'::text AS "Kind", ''::text AS "Value", e."SortKey" AS "EventSortKey", e."Id" AS "EventId" FROM "Events" e WHERE NOT e."IsDeleted"
        UNION ALL SELECT 'type', e."Type"::text, e."SortKey", e."Id" FROM "Events" e WHERE NOT e."IsDeleted"
        UNION ALL SELECT 'year', CASE WHEN e."SortKey" >= {UnknownSortKey} THEN 'unknown' ELSE (e."SortKey" / 10000)::text END, e."SortKey", e."Id" FROM "Events" e WHERE NOT e."IsDeleted"
        UNION ALL SELECT 'venue', l."City", e."SortKey", e."Id" FROM "EventLegs" l JOIN "Events" e ON e."Id" = l."EventId" WHERE NOT e."IsDeleted"
        UNION ALL SELECT 'venue', l."Country", e."SortKey", e."Id" FROM "EventLegs" l JOIN "Events" e ON e."Id" = l."EventId" WHERE NOT e."IsDeleted"
        UNION ALL SELECT 'person', p."PersonId"::text, e."SortKey", e."Id" FROM "EventParticipants" p JOIN "Events" e ON e."Id" = p."EventId" WHERE NOT e."IsDeleted"
        UNION ALL SELECT 'topic', t."Slug", e."SortKey", e."Id" FROM "EventTopics" et JOIN "Topics" t ON t."Id" = et."TopicsId" JOIN "Events" e ON e."Id" = et."EventId" WHERE NOT e."IsDeleted"
        UNION ALL SELECT 'xiputin', '', e."SortKey", e."Id" FROM "EventLegs" l JOIN "Events" e ON e."Id" = l."EventId" WHERE NOT e."IsDeleted" AND {MetAtLeg}
        UNION ALL SELECT 'xiputin', '', e."SortKey", e."Id" FROM "Events" e WHERE NOT e."IsDeleted" AND NOT EXISTS (SELECT 1 FROM "EventLegs" l WHERE l."EventId" = e."Id") AND {BothTookPart}
        UNION ALL SELECT 'xiputin-venue', l."City", e."SortKey", e."Id" FROM "EventLegs" l JOIN "Events" e ON e."Id" = l."EventId" WHERE NOT e."IsDeleted" AND {MetAtLeg}
        UNION ALL SELECT 'xiputin-venue', l."Country", e."SortKey", e."Id" FROM "EventLegs" l JOIN "Events" e ON e."Id" = l."EventId" WHERE NOT e."IsDeleted" AND {MetAtLeg};
        """;

    /// <summary>What an event adds to the counts-only kinds, as <see cref="DerivedTables.CountSourceView"/> on SQLite.</summary>
    public static string CountSourceView => """
        CREATE OR REPLACE VIEW "EventCountSource" AS
        SELECT 'host'::text AS "Kind", e."HostSide"::text AS "Value", e."Id" AS "EventId", 1 AS "N" FROM "Events" e WHERE NOT e."IsDeleted"
        UNION ALL SELECT 'country', l."Country", l."EventId", 1 FROM "EventLegs" l JOIN "Events" e ON e."Id" = l."EventId" WHERE NOT e."IsDeleted" GROUP BY l."EventId", l."Country"
        UNION ALL SELECT 'city', l."City" || chr(31) || l."Country", l."EventId", 1 FROM "EventLegs" l JOIN "Events" e ON e."Id" = l."EventId" WHERE NOT e."IsDeleted" GROUP BY l."EventId", l."City", l."Country"
        UNION ALL SELECT 'city-legs', l."City" || chr(31) || l."Country", l."EventId", count(*)::integer FROM "EventLegs" l JOIN "Events" e ON e."Id" = l."EventId" WHERE NOT e."IsDeleted" GROUP BY l."EventId", l."City", l."Country"
        UNION ALL SELECT 'pair', a."PersonId"::text || ',' || b."PersonId"::text, a."EventId", 1 FROM "EventParticipants" a JOIN "EventParticipants" b ON b."EventId" = a."EventId" AND b."PersonId" > a."PersonId" JOIN "Events" e ON e."Id" = a."EventId" WHERE NOT e."IsDeleted"
        UNION ALL SELECT 'multileg', '', e."Id", 1 FROM "Events" e WHERE NOT e."IsDeleted" AND (SELECT count(*) FROM "EventLegs" l WHERE l."EventId" = e."Id") > 1;
        """;

    /// <summary>
    /// The counts-only kinds: an event's share is taken out before the first write of the transaction that changes it
    /// (a BEFORE trigger, so the record is still as it was) and put back, as the record then is, when the transaction
    /// settles (<c>diplomacy_settle</c>). <c>CountsPending</c> holds the events taken out.
    /// </summary>
    public static IReadOnlyList<string> CreateCounts { get; } =
    [
        CountSourceView,
        "CREATE TABLE IF NOT EXISTS \"CountsPending\" (\"EventId\" integer PRIMARY KEY);",
        $$"""
        CREATE OR REPLACE FUNCTION diplomacy_take_out(event_id integer) RETURNS void LANGUAGE plpgsql AS $body$
        BEGIN
            IF event_id IS NULL THEN
                RETURN;
            END IF;
            PERFORM diplomacy_mark(event_id);
            INSERT INTO "CountsPending" ("EventId") VALUES (event_id) ON CONFLICT DO NOTHING;
            IF FOUND THEN
                INSERT INTO "CountPending" ("Kind", "Value", "Delta") SELECT "Kind", "Value", -"N" FROM "EventCountSource" WHERE "EventId" = event_id;
            END IF;
        END $body$;
        """,
        """
        CREATE OR REPLACE FUNCTION diplomacy_counted_changing() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            -- Each branch names only the columns its table has (a record's missing field is an error even unread).
            IF TG_TABLE_NAME = 'Events' THEN
                IF TG_OP = 'DELETE' THEN
                    PERFORM diplomacy_take_out(OLD."Id");
                ELSE
                    PERFORM diplomacy_take_out(NEW."Id");
                END IF;
            ELSE
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    PERFORM diplomacy_take_out(OLD."EventId");
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    PERFORM diplomacy_take_out(NEW."EventId");
                END IF;
            END IF;
            IF TG_OP = 'DELETE' THEN
                RETURN OLD;
            END IF;
            RETURN NEW;
        END $body$;
        """,
        SettleFunction,
    ];

    // Put back the share of every event taken out, as the record now is (before the deltas are summed).
    private const string PutBack = """
        PERFORM diplomacy_refresh(pending);
                WITH taken AS (DELETE FROM "CountsPending" RETURNING "EventId")
                INSERT INTO "CountPending" ("Kind", "Value", "Delta") SELECT "Kind", "Value", "N" FROM "EventCountSource" WHERE "EventId" IN (SELECT "EventId" FROM taken);
        """;

    /// <summary>Settles a transaction's changes at commit: facets, text and the counts.</summary>
    public static string SettleFunction => SettleFunctionBeforeKeptCounts.Replace("PERFORM diplomacy_refresh(pending);", PutBack, StringComparison.Ordinal);

    /// <summary>diplomacy_settle as it was before the counts-only kinds (the KeptOverviewCounts migration's Down).</summary>
    public const string SettleFunctionBeforeKeptCounts = """
        CREATE OR REPLACE FUNCTION diplomacy_settle() RETURNS trigger LANGUAGE plpgsql AS $body$
        DECLARE
            pending integer[];
        BEGIN
            -- The first pending row's turn settles them all (one set-based refresh); the rest find nothing left.
            WITH taken AS (DELETE FROM "DerivedPending" RETURNING "EventId") SELECT array_agg("EventId") INTO pending FROM taken;
            IF pending IS NOT NULL THEN
                PERFORM diplomacy_refresh(pending);
                INSERT INTO "FilterCounts" ("Kind", "Value", "Count")
                    SELECT "Kind", "Value", sum("Delta") FROM "CountPending" GROUP BY "Kind", "Value" HAVING sum("Delta") <> 0
                    ON CONFLICT ("Kind", "Value") DO UPDATE SET "Count" = "FilterCounts"."Count" + excluded."Count";
                DELETE FROM "CountPending";
                -- A value no live event has any longer has no row.
                DELETE FROM "FilterCounts" WHERE "Count" <= 0;
            END IF;
            RETURN NULL;
        END $body$;
        """;

    /// <summary>The triggers of the counts-only kinds (migration KeptOverviewCounts); also in <see cref="Triggers"/>.</summary>
    public static IReadOnlyList<(string Name, string Table, string Sql)> CountTriggers { get; } =
    [
        ("Events_Counts", "Events", "CREATE TRIGGER \"Events_Counts\" BEFORE INSERT OR DELETE OR UPDATE OF \"IsDeleted\", \"HostSide\" ON \"Events\" FOR EACH ROW EXECUTE FUNCTION diplomacy_counted_changing();"),
        ("EventLegs_Counts", "EventLegs", "CREATE TRIGGER \"EventLegs_Counts\" BEFORE INSERT OR DELETE OR UPDATE OF \"City\", \"Country\", \"EventId\" ON \"EventLegs\" FOR EACH ROW EXECUTE FUNCTION diplomacy_counted_changing();"),
        ("EventParticipants_Counts", "EventParticipants", "CREATE TRIGGER \"EventParticipants_Counts\" BEFORE INSERT OR DELETE OR UPDATE OF \"PersonId\", \"EventId\" ON \"EventParticipants\" FOR EACH ROW EXECUTE FUNCTION diplomacy_counted_changing();"),
    ];

    /// <summary>The counts-only kinds counted afresh (after their rows are deleted, or into an empty table).</summary>
    public const string FillCounts =
        "INSERT INTO \"FilterCounts\" (\"Kind\", \"Value\", \"Count\") SELECT \"Kind\", \"Value\", sum(\"N\") FROM \"EventCountSource\" GROUP BY \"Kind\", \"Value\";";

    /// <summary>What <see cref="CreateCounts"/> made, and the triggers, in the order to drop them (diplomacy_settle goes back to <see cref="SettleFunctionBeforeKeptCounts"/>).</summary>
    public static IReadOnlyList<string> DropCounts { get; } =
    [
        "DROP TRIGGER IF EXISTS \"Events_Counts\" ON \"Events\";",
        "DROP TRIGGER IF EXISTS \"EventLegs_Counts\" ON \"EventLegs\";",
        "DROP TRIGGER IF EXISTS \"EventParticipants_Counts\" ON \"EventParticipants\";",
        SettleFunctionBeforeKeptCounts,
        "DROP FUNCTION IF EXISTS diplomacy_counted_changing, diplomacy_take_out;",
        "DROP TABLE IF EXISTS \"CountsPending\";",
        "DROP VIEW IF EXISTS \"EventCountSource\";",
    ];

    // One event's text as EventText holds it: title, summary and its statements in order.
    // An event's tsvector: its words, its Chinese pairs (phrases of two or more characters) and its Chinese characters
    // one by one (a search for one character), each part after the one before so the pairs keep their positions.
    private const string Document =
        "to_tsvector('diplomacy', b.body) || to_tsvector('diplomacy', diplomacy_cjk_bigrams(b.body)) || to_tsvector('diplomacy', diplomacy_cjk_chars(b.body))";

    /// <summary>Brings the facets and full-text rows of these events up to date with the record, all at once.</summary>
    public static string RefreshFunction { get; } =
        $$"""
        CREATE OR REPLACE FUNCTION diplomacy_refresh(event_ids integer[]) RETURNS void LANGUAGE plpgsql AS $body$
        BEGIN
            -- What the facets should be, read from the view once (a probe of the view per existing row would read it
            -- once per facet: 80,000 times when an import of 10,000 events is undone).
            CREATE TEMPORARY TABLE IF NOT EXISTS diplomacy_wanted_facets ("Kind" text, "Value" text COLLATE case_insensitive, "EventSortKey" integer, "EventId" integer) ON COMMIT DROP;
            TRUNCATE diplomacy_wanted_facets;
            INSERT INTO diplomacy_wanted_facets SELECT "Kind", "Value", "EventSortKey", "EventId" FROM "EventFacetSource" WHERE "EventId" = ANY (event_ids);
            ANALYZE diplomacy_wanted_facets;
            WITH gone AS (
                DELETE FROM "EventFacets" f WHERE f."EventId" = ANY (event_ids) AND NOT EXISTS (
                    SELECT 1 FROM diplomacy_wanted_facets s WHERE s."EventId" = f."EventId" AND s."Kind" = f."Kind" AND s."Value" = f."Value" AND s."EventSortKey" = f."EventSortKey")
                RETURNING f."Kind", f."Value")
            INSERT INTO "CountPending" ("Kind", "Value", "Delta") SELECT "Kind", "Value", -count(*) FROM gone GROUP BY "Kind", "Value";
            WITH added AS (
                INSERT INTO "EventFacets" ("Kind", "Value", "EventSortKey", "EventId")
                SELECT DISTINCT "Kind", "Value", "EventSortKey", "EventId" FROM diplomacy_wanted_facets ON CONFLICT DO NOTHING
                RETURNING "Kind", "Value")
            INSERT INTO "CountPending" ("Kind", "Value", "Delta") SELECT "Kind", "Value", count(*) FROM added GROUP BY "Kind", "Value";
            DELETE FROM "EventText" WHERE "EventId" = ANY (event_ids);
            INSERT INTO "EventText" ("Key", "EventId", "Document", "Text")
                SELECT e."SortKey"::bigint * {{Factor}} + e."Id", e."Id", {{Document}}, b.body
                FROM "Events" e CROSS JOIN LATERAL (SELECT {{Body}} AS body) b
                WHERE e."Id" = ANY (event_ids) AND NOT e."IsDeleted";
        END $body$;
        """;

    /// <summary>Every Chinese character of a text once, space-separated: a single-character search as a word of the tsvector, not a LIKE over every event's text (over 30 s at 1,000,000 events).</summary>
    public const string CjkCharsFunction = """
        CREATE OR REPLACE FUNCTION diplomacy_cjk_chars(body text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $body$
            SELECT coalesce(string_agg(DISTINCT c[1], ' '), '')
            FROM regexp_matches(body, '[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U0003FFFF]', 'g') AS m(c);
        $body$;
        """;

    private const string Body =
        """e."Title" || ' ' || coalesce(e."Summary", '') || ' ' || coalesce((SELECT string_agg(s."Text", E'\n' ORDER BY s."Id") FROM "Statements" s WHERE s."EventId" = e."Id"), '')""";

    private const string CreateDocumentIndex = "CREATE INDEX \"IX_EventText_Document\" ON \"EventText\" USING gin (\"Document\");";
    private const string CreateTextIndex = "CREATE INDEX \"IX_EventText_Text\" ON \"EventText\" USING gin (\"Text\" gin_trgm_ops);";

    /// <summary>Extensions, the text search configuration, EventText, the view and the functions (before the triggers).</summary>
    public static IReadOnlyList<string> Create { get; } =
    [
        // Both are trusted extensions: the database's owner may create them without being a superuser.
        "CREATE EXTENSION IF NOT EXISTS pg_trgm;",
        "CREATE EXTENSION IF NOT EXISTS unaccent;",
        "CREATE TEXT SEARCH CONFIGURATION diplomacy (COPY = simple);",
        "ALTER TEXT SEARCH CONFIGURATION diplomacy ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;",
        """
        CREATE TABLE "EventText" (
            "Key" bigint PRIMARY KEY, "EventId" integer NOT NULL, "Document" tsvector NOT NULL, "Text" text NOT NULL)
            WITH (toast_tuple_target = 128);
        """,
        // Document and Text are kept out of line (toast_tuple_target), so the table itself is keys: reading the matches
        // GIN found touches a page per hundred events, not per five (50 ms instead of 220 for a word in a third of
        // 100,000 events).
        "CREATE INDEX \"IX_EventText_EventId\" ON \"EventText\" (\"EventId\");",
        CreateDocumentIndex,
        CreateTextIndex,
        // Chinese has no spaces between words: every run of ideographs also goes into the tsvector as its overlapping
        // pairs (习近 近平 平会 …), in order, so a word of two or more characters is the phrase of its pairs, found
        // through the GIN index as on SQLite (ADR 0009). The trigram index cannot serve a two-character word.
        """
        CREATE FUNCTION diplomacy_cjk_bigrams(body text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $body$
            SELECT coalesce(string_agg(substr(run[1], i, 2), ' ' ORDER BY n, i), '')
            FROM regexp_matches(body, '[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U0003FFFF]{2,}', 'g') WITH ORDINALITY AS m(run, n),
                 generate_series(1, char_length(run[1]) - 1) AS i;
        $body$;
        """,
        CjkCharsFunction,
        FacetSourceView,
        RefreshFunction,
        // Statements per speaker of live events, by delta (+1 / -1 for one statement, ± all of an event's).
        $$"""
        CREATE FUNCTION diplomacy_count_statements(event_id integer, speaker_id integer, delta integer) RETURNS void LANGUAGE plpgsql AS $body$
        BEGIN
            PERFORM pg_advisory_xact_lock({{WriteLock}});
            INSERT INTO "CountPending" ("Kind", "Value", "Delta")
                SELECT 'statements-by', s."SpeakerId"::text, delta * count(*) FROM "Statements" s JOIN "Events" e ON e."Id" = s."EventId"
                WHERE s."EventId" = event_id AND NOT e."IsDeleted" AND s."SpeakerId" IS NOT NULL AND (speaker_id IS NULL OR s."SpeakerId" = speaker_id)
                GROUP BY s."SpeakerId";
        END $body$;
        """,
        // Changed events wait in DerivedPending until the transaction commits, then are settled together in one
        // set-based refresh: an import of 10,000 events (legs, people, attendees, statements: ~20 row writes each)
        // reads the facet view once, not 200,000 times. Still inside the writing transaction (a deferred constraint trigger runs before COMMIT ends),
        // so a reader never sees the record without its facets; only the writer itself, before it commits, could.
        "CREATE TABLE \"DerivedPending\" (\"EventId\" integer PRIMARY KEY);",
        // Changes to the counts wait too, appended (never updated: ten thousand updates of the "all" row in one
        // transaction would each walk the chain of its earlier versions), and are summed into FilterCounts at commit.
        "CREATE TABLE \"CountPending\" (\"Kind\" text NOT NULL, \"Value\" text COLLATE case_insensitive NOT NULL, \"Delta\" integer NOT NULL);",
        $$"""
        CREATE FUNCTION diplomacy_mark(event_id integer) RETURNS void LANGUAGE plpgsql AS $body$
        BEGIN
            IF event_id IS NOT NULL THEN
                PERFORM pg_advisory_xact_lock({{WriteLock}});
                INSERT INTO "DerivedPending" ("EventId") VALUES (event_id) ON CONFLICT DO NOTHING;
            END IF;
        END $body$;
        """,
        SettleFunctionBeforeKeptCounts,
        """
        CREATE FUNCTION diplomacy_event_changed() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                -- Before the row goes: its statements are still there to be counted out, and the cascade that deletes
                -- them then finds no live event (so they are not counted out twice).
                IF NOT OLD."IsDeleted" THEN
                    PERFORM diplomacy_count_statements(OLD."Id", NULL, -1);
                END IF;
                -- Its facets (and their counts) and text go when the transaction settles, as for any other change.
                PERFORM diplomacy_mark(OLD."Id");
                RETURN OLD;
            END IF;
            IF TG_OP = 'UPDATE' AND OLD."IsDeleted" AND NOT NEW."IsDeleted" THEN
                PERFORM diplomacy_count_statements(NEW."Id", NULL, 1);
            END IF;
            PERFORM diplomacy_mark(NEW."Id");
            RETURN NEW;
        END $body$;
        """,
        // Soft delete counts statements out while the event is still live as far as the count is concerned.
        """
        CREATE FUNCTION diplomacy_event_deleting() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            PERFORM diplomacy_count_statements(OLD."Id", NULL, -1);
            RETURN NEW;
        END $body$;
        """,
        """
        CREATE FUNCTION diplomacy_event_part_changed() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                PERFORM diplomacy_mark(OLD."EventId");
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                PERFORM diplomacy_mark(NEW."EventId");
            END IF;
            RETURN NULL;
        END $body$;
        """,
        // Any attendee matters, not only Xi or Putin: a leg's first attendee means the event's participants no longer stand in for it.
        """
        CREATE FUNCTION diplomacy_attendee_changed() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            PERFORM diplomacy_mark(l."EventId") FROM "EventLegs" l WHERE l."Id" = CASE WHEN TG_OP = 'DELETE' THEN OLD."LegId" ELSE NEW."LegId" END;
            RETURN NULL;
        END $body$;
        """,
        """
        CREATE FUNCTION diplomacy_statement_changed() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                IF OLD."SpeakerId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Events" e WHERE e."Id" = OLD."EventId" AND NOT e."IsDeleted") THEN
                    INSERT INTO "CountPending" ("Kind", "Value", "Delta") VALUES ('statements-by', OLD."SpeakerId"::text, -1);
                END IF;
                PERFORM diplomacy_mark(OLD."EventId");
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                IF NEW."SpeakerId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Events" e WHERE e."Id" = NEW."EventId" AND NOT e."IsDeleted") THEN
                    INSERT INTO "CountPending" ("Kind", "Value", "Delta") VALUES ('statements-by', NEW."SpeakerId"::text, 1);
                END IF;
                IF TG_OP = 'INSERT' OR NEW."EventId" <> OLD."EventId" THEN
                    PERFORM diplomacy_mark(NEW."EventId");
                END IF;
            END IF;
            RETURN NULL;
        END $body$;
        """,
        .. CreateCounts,
    ];

    /// <summary>Every trigger: (name, table, CREATE TRIGGER statement). Dropped and recreated around a bulk copy.</summary>
    public static IReadOnlyList<(string Name, string Table, string Sql)> Triggers => [.. FacetTriggers, .. CountTriggers];

    private static IReadOnlyList<(string Name, string Table, string Sql)> FacetTriggers { get; } =
    [
        ("DerivedPending_Settle", "DerivedPending", "CREATE CONSTRAINT TRIGGER \"DerivedPending_Settle\" AFTER INSERT ON \"DerivedPending\" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION diplomacy_settle();"),
        ("Events_Derived_Delete", "Events", "CREATE TRIGGER \"Events_Derived_Delete\" BEFORE DELETE ON \"Events\" FOR EACH ROW EXECUTE FUNCTION diplomacy_event_changed();"),
        ("Events_Statements_Deleted", "Events", "CREATE TRIGGER \"Events_Statements_Deleted\" BEFORE UPDATE OF \"IsDeleted\" ON \"Events\" FOR EACH ROW WHEN (NOT OLD.\"IsDeleted\" AND NEW.\"IsDeleted\") EXECUTE FUNCTION diplomacy_event_deleting();"),
        ("Events_Facets_Insert", "Events", "CREATE TRIGGER \"Events_Facets_Insert\" AFTER INSERT ON \"Events\" FOR EACH ROW EXECUTE FUNCTION diplomacy_event_changed();"),
        ("Events_Facets_Update", "Events", "CREATE TRIGGER \"Events_Facets_Update\" AFTER UPDATE OF \"Type\", \"SortKey\", \"IsDeleted\", \"Title\", \"Summary\" ON \"Events\" FOR EACH ROW EXECUTE FUNCTION diplomacy_event_changed();"),
        ("EventLegs_Facets", "EventLegs", "CREATE TRIGGER \"EventLegs_Facets\" AFTER INSERT OR DELETE OR UPDATE OF \"City\", \"Country\", \"EventId\" ON \"EventLegs\" FOR EACH ROW EXECUTE FUNCTION diplomacy_event_part_changed();"),
        ("EventParticipants_Facets", "EventParticipants", "CREATE TRIGGER \"EventParticipants_Facets\" AFTER INSERT OR DELETE OR UPDATE OF \"PersonId\", \"EventId\" ON \"EventParticipants\" FOR EACH ROW EXECUTE FUNCTION diplomacy_event_part_changed();"),
        ("EventTopics_Facets", "EventTopics", "CREATE TRIGGER \"EventTopics_Facets\" AFTER INSERT OR DELETE ON \"EventTopics\" FOR EACH ROW EXECUTE FUNCTION diplomacy_event_part_changed();"),
        ("LegAttendees_Facets", "LegAttendees", "CREATE TRIGGER \"LegAttendees_Facets\" AFTER INSERT OR DELETE ON \"LegAttendees\" FOR EACH ROW EXECUTE FUNCTION diplomacy_attendee_changed();"),
        ("Statements_Derived", "Statements", "CREATE TRIGGER \"Statements_Derived\" AFTER INSERT OR DELETE OR UPDATE OF \"Text\", \"EventId\", \"SpeakerId\" ON \"Statements\" FOR EACH ROW EXECUTE FUNCTION diplomacy_statement_changed();"),
    ];

    /// <summary>Fills the derived tables from the record, all at once (the migration, and copy-database with the triggers dropped). Expects them empty.</summary>
    public static IReadOnlyList<string> Rebuild { get; } =
    [
        // A GIN index built once over the filled table is far quicker than one kept row by row; both run inside the
        // caller's transaction, so a failure leaves the indexes as they were.
        "DROP INDEX \"IX_EventText_Document\", \"IX_EventText_Text\";",
        "INSERT INTO \"EventFacets\" (\"Kind\", \"Value\", \"EventSortKey\", \"EventId\") SELECT \"Kind\", \"Value\", \"EventSortKey\", \"EventId\" FROM \"EventFacetSource\" ON CONFLICT DO NOTHING;",
        "INSERT INTO \"FilterCounts\" (\"Kind\", \"Value\", \"Count\") SELECT \"Kind\", \"Value\", count(*) FROM \"EventFacets\" GROUP BY \"Kind\", \"Value\";",
        """
        INSERT INTO "FilterCounts" ("Kind", "Value", "Count")
        SELECT 'statements-by', s."SpeakerId"::text, count(*) FROM "Statements" s JOIN "Events" e ON e."Id" = s."EventId"
        WHERE NOT e."IsDeleted" AND s."SpeakerId" IS NOT NULL GROUP BY s."SpeakerId";
        """,
        FillCounts,
        $"""
        INSERT INTO "EventText" ("Key", "EventId", "Document", "Text")
        SELECT e."SortKey"::bigint * {Factor} + e."Id", e."Id", {Document}, b.body
        FROM "Events" e CROSS JOIN LATERAL (SELECT {Body} AS body) b WHERE NOT e."IsDeleted" ORDER BY 1;
        """,
        "SET LOCAL maintenance_work_mem = '256MB';",
        CreateDocumentIndex,
        CreateTextIndex,
    ];

    /// <summary>
    /// EventText as <see cref="Create"/> now makes it, for a database made before: text out of line and the rows in
    /// timeline order (the NarrowEventText migration; CLUSTER rewrites the table under an exclusive lock, about a
    /// minute and a half per 100,000 events here).
    /// </summary>
    public static IReadOnlyList<string> Narrow { get; } =
    [
        "ALTER TABLE \"EventText\" SET (toast_tuple_target = 128);",
        "CLUSTER \"EventText\" USING \"EventText_pkey\";",
    ];

    /// <summary>What <see cref="Create"/> made, in the order to drop it.</summary>
    public static IReadOnlyList<string> Drop { get; } =
    [
        "DROP FUNCTION IF EXISTS diplomacy_counted_changing, diplomacy_take_out CASCADE;",
        "DROP TABLE IF EXISTS \"CountsPending\";",
        "DROP VIEW IF EXISTS \"EventCountSource\";",
        "DROP FUNCTION IF EXISTS diplomacy_statement_changed, diplomacy_attendee_changed, diplomacy_event_part_changed, diplomacy_event_deleting, diplomacy_event_changed CASCADE;",
        "DROP FUNCTION IF EXISTS diplomacy_settle, diplomacy_mark CASCADE;",
        "DROP FUNCTION IF EXISTS diplomacy_count_statements, diplomacy_refresh;",
        "DROP TABLE IF EXISTS \"DerivedPending\", \"CountPending\";",
        "DROP VIEW IF EXISTS \"EventFacetSource\";",
        "DROP TABLE IF EXISTS \"EventText\";",
        "DROP FUNCTION IF EXISTS diplomacy_cjk_bigrams, diplomacy_cjk_chars;",
        "DROP TEXT SEARCH CONFIGURATION IF EXISTS diplomacy;",
    ];
}
