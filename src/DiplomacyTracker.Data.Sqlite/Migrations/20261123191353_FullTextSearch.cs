using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiplomacyTracker.Data.Migrations
{
    /// <summary>
    /// SQLite FTS5 indexes over event titles and summaries and over statement texts, kept in step by triggers
    /// (external-content tables: the text is stored once, in Events and Statements).
    /// </summary>
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE EventSearch USING fts5(Title, Summary, content='Events', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
                """);
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
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE StatementSearch USING fts5(Text, content='Statements', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
                """);
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
            // Index whatever rows exist already.
            migrationBuilder.Sql("INSERT INTO EventSearch(EventSearch) VALUES ('rebuild');");
            migrationBuilder.Sql("INSERT INTO StatementSearch(StatementSearch) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "Events_FullText_Insert", "Events_FullText_Delete", "Events_FullText_Update", "Statements_FullText_Insert", "Statements_FullText_Delete", "Statements_FullText_Update" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }

            migrationBuilder.Sql("DROP TABLE IF EXISTS EventSearch;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS StatementSearch;");
        }
    }
}
