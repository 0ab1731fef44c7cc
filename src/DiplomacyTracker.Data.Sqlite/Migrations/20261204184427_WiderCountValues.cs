using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiplomacyTracker.Data.Migrations
{
    /// <summary>
    /// A count's value may be a city and its country (up to 201 characters). SQLite does not enforce lengths, so only
    /// the model changes here; PostgreSQL's column is widened.
    /// </summary>
    public partial class WiderCountValues : Migration
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
