using DiplomacyTracker.Data.Events;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiplomacyTracker.Data.PostgreSql.Migrations
{
    /// <summary>EventText's text out of line and its rows in timeline order (<see cref="PostgreSqlDerivedTables.Narrow"/>); a new database has both already.</summary>
    public partial class NarrowEventText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in PostgreSqlDerivedTables.Narrow)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The order of the rows needs no undoing.
            migrationBuilder.Sql("ALTER TABLE \"EventText\" RESET (toast_tuple_target);");
        }
    }
}
