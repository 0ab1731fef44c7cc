using DiplomacyTracker.Data.Events;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiplomacyTracker.Data.Migrations
{
    /// <summary>
    /// Every filter reads a page from an index in timeline order, and totals are kept, not counted
    /// (docs/decisions/0010-filters-in-timeline-order.md): EventFacets, FilterCounts and EventText, filled here once
    /// from the record (minutes at 1,000,000 events) and from then on kept by triggers in each write's transaction
    /// (<see cref="DerivedTables"/>). EventText replaces EventSearch and StatementSearch: one row per live event, whose
    /// rowid is its place in the timeline. The tables are created by hand rather than by EF Core: WITHOUT ROWID
    /// (the key is the index; no second copy of every row) and an FTS5 table are not in EF Core's vocabulary.
    /// </summary>
    public partial class FilterIndexesInTimelineOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in DerivedTables.DropSearchTables.Concat(DerivedTables.CreateTables).Concat(DerivedTables.Rebuild))
            {
                migrationBuilder.Sql(sql);
            }

            foreach (var trigger in DerivedTables.Triggers)
            {
                migrationBuilder.Sql(trigger.Sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in DerivedTables.Triggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger.Name};");
            }

            migrationBuilder.Sql("DROP VIEW IF EXISTS EventFacetSource;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS EventText;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS EventFacets;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS FilterCounts;");
            ChineseFullText.CreateSearchTables(migrationBuilder);
        }
    }
}
