using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiplomacyTracker.Data.Migrations
{
    /// <summary>FilterCounts by kind and count: the overview's top pairs read ten rows, not all 44,000 pairs at 1,000,000 events (12 ms → well under 1).</summary>
    public partial class FilterCountsByCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_FilterCounts_Kind_Count",
                table: "FilterCounts",
                columns: new[] { "Kind", "Count" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FilterCounts_Kind_Count",
                table: "FilterCounts");
        }
    }
}
