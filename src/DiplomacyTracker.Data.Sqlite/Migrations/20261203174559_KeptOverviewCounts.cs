using DiplomacyTracker.Data.Events;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiplomacyTracker.Data.Migrations
{
    /// <summary>
    /// Kept counts for the overview and the map unfiltered: events per host side, country and city, legs per city,
    /// events per pair of participants and events with several legs (<see cref="DerivedTables.CountSourceView"/>),
    /// counted once here from the record and from then on by triggers. A database created after this change already has
    /// the view and the triggers from FilterIndexesInTimelineOrder and SearchTerms (which read the current
    /// <see cref="DerivedTables"/>): hence IF NOT EXISTS, and the counts of these kinds are counted afresh.
    /// </summary>
    public partial class KeptOverviewCounts : Migration
    {
        private static string CountedKinds => string.Join(", ", FacetKind.Counted.Select(k => $"'{k}'"));

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DerivedTables.CountSourceView.Replace("CREATE VIEW", "CREATE VIEW IF NOT EXISTS", StringComparison.Ordinal));
            foreach (var trigger in DerivedTables.CountTriggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger.Name};");
                migrationBuilder.Sql(trigger.Sql);
            }

            migrationBuilder.Sql($"DELETE FROM FilterCounts WHERE Kind IN ({CountedKinds});");
            migrationBuilder.Sql(DerivedTables.FillCounts);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in DerivedTables.CountTriggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger.Name};");
            }

            migrationBuilder.Sql("DROP VIEW IF EXISTS EventCountSource;");
            migrationBuilder.Sql($"DELETE FROM FilterCounts WHERE Kind IN ({CountedKinds});");
        }
    }
}
