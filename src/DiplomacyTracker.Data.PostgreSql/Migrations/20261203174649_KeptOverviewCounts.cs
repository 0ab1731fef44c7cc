using DiplomacyTracker.Data.Events;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiplomacyTracker.Data.PostgreSql.Migrations
{
    /// <summary>
    /// Kept counts for the overview and the map unfiltered (<see cref="PostgreSqlDerivedTables.CreateCounts"/>), counted
    /// once here from the record and from then on by triggers. A database created after this change already has them
    /// from DerivedTables (which reads the current <see cref="PostgreSqlDerivedTables"/>): hence OR REPLACE and IF
    /// EXISTS, and the counts of these kinds are counted afresh.
    /// </summary>
    public partial class KeptOverviewCounts : Migration
    {
        private static string CountedKinds => string.Join(", ", FacetKind.Counted.Select(k => $"'{k}'"));

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in PostgreSqlDerivedTables.CreateCounts)
            {
                migrationBuilder.Sql(sql);
            }

            foreach (var trigger in PostgreSqlDerivedTables.CountTriggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{trigger.Name}\" ON \"{trigger.Table}\";");
                migrationBuilder.Sql(trigger.Sql);
            }

            migrationBuilder.Sql($"DELETE FROM \"FilterCounts\" WHERE \"Kind\" IN ({CountedKinds});");
            migrationBuilder.Sql(PostgreSqlDerivedTables.FillCounts);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in PostgreSqlDerivedTables.DropCounts)
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.Sql($"DELETE FROM \"FilterCounts\" WHERE \"Kind\" IN ({CountedKinds});");
        }
    }
}
