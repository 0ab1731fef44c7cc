using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiplomacyTracker.Data.Migrations
{
    /// <summary>
    /// No schema change: EF Core 10 records complex properties (the PartialDate columns) as required in the model
    /// snapshot, and refuses to migrate while the snapshot differs from the model. This migration only carries the
    /// refreshed snapshot.
    /// </summary>
    public partial class EfCore10ModelSnapshot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
