using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiplomacyTracker.Data.Migrations
{
    /// <summary>
    /// Chinese text becomes searchable (docs/decisions/0009-chinese-full-text.md): EventSearch and StatementSearch are
    /// recreated with two more columns, Bigrams and Chars, that the triggers fill through the cjk_bigrams / cjk_chars
    /// functions (SearchFunctions) and that stay empty for text without ideographs. The tables become contentless
    /// (content=''): their columns no longer mirror the base table's, and the app reads only rowids from them.
    /// Existing rows are indexed again here, once (minutes at 10,000,000 statements).
    /// </summary>
    public partial class ChineseFullText : Migration
    {
        private static readonly string[] Triggers =
        [
            "Events_FullText_Insert", "Events_FullText_Delete", "Events_FullText_Update",
            "Statements_FullText_Insert", "Statements_FullText_Delete", "Statements_FullText_Update",
        ];

        private const string EventValues = "{0}.Id, {0}.Title, {0}.Summary, cjk_bigrams({0}.Title || ' ' || coalesce({0}.Summary, '')), cjk_chars({0}.Title || ' ' || coalesce({0}.Summary, ''))";
        private const string StatementValues = "{0}.Id, {0}.Text, cjk_bigrams({0}.Text), cjk_chars({0}.Text)";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            DropAll(migrationBuilder);
            CreateSearchTables(migrationBuilder);
        }

        /// <summary>The tables and triggers this migration makes, filled from the record (also FilterIndexesInTimelineOrder's Down).</summary>
        internal static void CreateSearchTables(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE VIRTUAL TABLE EventSearch USING fts5(Title, Summary, Bigrams, Chars, content='', tokenize='unicode61 remove_diacritics 2');");
            migrationBuilder.Sql($"""
                CREATE TRIGGER Events_FullText_Insert AFTER INSERT ON Events BEGIN
                    INSERT INTO EventSearch(rowid, Title, Summary, Bigrams, Chars) VALUES ({Values(EventValues, "new")});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER Events_FullText_Delete AFTER DELETE ON Events BEGIN
                    INSERT INTO EventSearch(EventSearch, rowid, Title, Summary, Bigrams, Chars) VALUES ('delete', {Values(EventValues, "old")});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER Events_FullText_Update AFTER UPDATE OF Title, Summary ON Events BEGIN
                    INSERT INTO EventSearch(EventSearch, rowid, Title, Summary, Bigrams, Chars) VALUES ('delete', {Values(EventValues, "old")});
                    INSERT INTO EventSearch(rowid, Title, Summary, Bigrams, Chars) VALUES ({Values(EventValues, "new")});
                END;
                """);
            migrationBuilder.Sql("CREATE VIRTUAL TABLE StatementSearch USING fts5(Text, Bigrams, Chars, content='', tokenize='unicode61 remove_diacritics 2');");
            migrationBuilder.Sql($"""
                CREATE TRIGGER Statements_FullText_Insert AFTER INSERT ON Statements BEGIN
                    INSERT INTO StatementSearch(rowid, Text, Bigrams, Chars) VALUES ({Values(StatementValues, "new")});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER Statements_FullText_Delete AFTER DELETE ON Statements BEGIN
                    INSERT INTO StatementSearch(StatementSearch, rowid, Text, Bigrams, Chars) VALUES ('delete', {Values(StatementValues, "old")});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER Statements_FullText_Update AFTER UPDATE OF Text ON Statements BEGIN
                    INSERT INTO StatementSearch(StatementSearch, rowid, Text, Bigrams, Chars) VALUES ('delete', {Values(StatementValues, "old")});
                    INSERT INTO StatementSearch(rowid, Text, Bigrams, Chars) VALUES ({Values(StatementValues, "new")});
                END;
                """);
            migrationBuilder.Sql($"INSERT INTO EventSearch(rowid, Title, Summary, Bigrams, Chars) SELECT {Values(EventValues, "e")} FROM Events e;");
            migrationBuilder.Sql($"INSERT INTO StatementSearch(rowid, Text, Bigrams, Chars) SELECT {Values(StatementValues, "s")} FROM Statements s;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the external-content tables of FullTextSearch, without the Chinese columns.
            DropAll(migrationBuilder);
            migrationBuilder.Sql("CREATE VIRTUAL TABLE EventSearch USING fts5(Title, Summary, content='Events', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("""
                CREATE TRIGGER Events_FullText_Insert AFTER INSERT ON Events BEGIN
                    INSERT INTO EventSearch(rowid, Title, Summary) VALUES (new.Id, new.Title, new.Summary);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Events_FullText_Delete AFTER DELETE ON Events BEGIN
                    INSERT INTO EventSearch(EventSearch, rowid, Title, Summary) VALUES ('delete', old.Id, old.Title, old.Summary);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Events_FullText_Update AFTER UPDATE OF Title, Summary ON Events BEGIN
                    INSERT INTO EventSearch(EventSearch, rowid, Title, Summary) VALUES ('delete', old.Id, old.Title, old.Summary);
                    INSERT INTO EventSearch(rowid, Title, Summary) VALUES (new.Id, new.Title, new.Summary);
                END;
                """);
            migrationBuilder.Sql("CREATE VIRTUAL TABLE StatementSearch USING fts5(Text, content='Statements', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("""
                CREATE TRIGGER Statements_FullText_Insert AFTER INSERT ON Statements BEGIN
                    INSERT INTO StatementSearch(rowid, Text) VALUES (new.Id, new.Text);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Statements_FullText_Delete AFTER DELETE ON Statements BEGIN
                    INSERT INTO StatementSearch(StatementSearch, rowid, Text) VALUES ('delete', old.Id, old.Text);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Statements_FullText_Update AFTER UPDATE OF Text ON Statements BEGIN
                    INSERT INTO StatementSearch(StatementSearch, rowid, Text) VALUES ('delete', old.Id, old.Text);
                    INSERT INTO StatementSearch(rowid, Text) VALUES (new.Id, new.Text);
                END;
                """);
            migrationBuilder.Sql("INSERT INTO EventSearch(EventSearch) VALUES ('rebuild');");
            migrationBuilder.Sql("INSERT INTO StatementSearch(StatementSearch) VALUES ('rebuild');");
        }

        private static string Values(string template, string row) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, row);

        private static void DropAll(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in Triggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }

            migrationBuilder.Sql("DROP TABLE IF EXISTS EventSearch;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS StatementSearch;");
        }
    }
}
