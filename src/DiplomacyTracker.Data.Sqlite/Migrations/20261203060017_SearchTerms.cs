using DiplomacyTracker.Data.Events;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiplomacyTracker.Data.Migrations
{
    /// <summary>
    /// SearchTerms: every word EventText indexes, so a search's prefix is asked as whole words (<see cref="DerivedTables"/>).
    /// The table is filled once from EventText's vocabulary (25 s on the benchmark's 1,000,000-event file) and the
    /// triggers that write EventText are recreated to add each new word. A database created after this change already has them from
    /// FilterIndexesInTimelineOrder (which reads the current <see cref="DerivedTables"/>): hence IF NOT EXISTS.
    /// </summary>
    public partial class SearchTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in DerivedTables.CreateSearchTerms.Concat(DerivedTables.RebuildSearchTerms))
            {
                migrationBuilder.Sql(sql);
            }

            foreach (var trigger in DerivedTables.Triggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger.Name};");
                migrationBuilder.Sql(trigger.Sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in DerivedTables.TriggersBeforeSearchTerms)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger.Name};");
                migrationBuilder.Sql(trigger.Sql);
            }

            migrationBuilder.Sql("DROP TABLE IF EXISTS SearchTermScratchTerms;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS SearchTermScratch;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS SearchTerms;");
        }
    }
}
