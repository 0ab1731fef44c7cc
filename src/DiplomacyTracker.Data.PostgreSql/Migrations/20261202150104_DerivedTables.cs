using DiplomacyTracker.Data.Events;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiplomacyTracker.Data.PostgreSql.Migrations
{
    /// <summary>EventText, the facet view and the triggers that keep EventFacets, FilterCounts and EventText (<see cref="PostgreSqlDerivedTables"/>).</summary>
    public partial class DerivedTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in PostgreSqlDerivedTables.Create)
            {
                migrationBuilder.Sql(sql);
            }

            // The record may already hold rows (none when the database is new); the triggers take over from here.
            foreach (var sql in PostgreSqlDerivedTables.Rebuild)
            {
                migrationBuilder.Sql(sql);
            }

            foreach (var (_, _, sql) in PostgreSqlDerivedTables.Triggers)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in PostgreSqlDerivedTables.Drop)
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.Sql("DELETE FROM \"FilterCounts\";");
            migrationBuilder.Sql("DELETE FROM \"EventFacets\";");
        }
    }
}
