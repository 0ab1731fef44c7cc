using DiplomacyTracker.Data.Events;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiplomacyTracker.Data.PostgreSql.Migrations
{
    /// <summary>
    /// Every Chinese character also on its own in EventText's tsvector, so a search for one character is a GIN lookup
    /// rather than a LIKE over every event's text (<see cref="PostgreSqlDerivedTables.CjkCharsFunction"/>). Existing
    /// rows with Chinese get their characters appended, after the words and pairs, as a new row has them; a database
    /// created after this change has them from DerivedTables already (hence OR REPLACE).
    /// </summary>
    public partial class ChineseCharacters : Migration
    {
        private const string Appended = " || to_tsvector('diplomacy', diplomacy_cjk_chars(b.body))";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PostgreSqlDerivedTables.CjkCharsFunction);
            migrationBuilder.Sql(PostgreSqlDerivedTables.RefreshFunction);
            migrationBuilder.Sql("""
                UPDATE "EventText" SET "Document" = "Document" || to_tsvector('diplomacy', diplomacy_cjk_chars("Text"))
                WHERE "Text" ~ '[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U0003FFFF]';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The characters already in the tsvectors do no harm; new rows stop getting them.
            migrationBuilder.Sql(PostgreSqlDerivedTables.RefreshFunction.Replace(Appended, "", StringComparison.Ordinal));
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS diplomacy_cjk_chars;");
        }
    }
}
