using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiplomacyTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class FilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_SortKey_Id",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_Type",
                table: "Events");

            migrationBuilder.AlterColumn<string>(
                name: "Country",
                table: "EventLegs",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                collation: "NOCASE",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "City",
                table: "EventLegs",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                collation: "NOCASE",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 100);

            migrationBuilder.CreateIndex(
                name: "IX_Events_SortKey_Id_IsDeleted",
                table: "Events",
                columns: new[] { "SortKey", "Id", "IsDeleted" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_Type_SortKey_Id_IsDeleted",
                table: "Events",
                columns: new[] { "Type", "SortKey", "Id", "IsDeleted" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_SortKey_Id_IsDeleted",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_Type_SortKey_Id_IsDeleted",
                table: "Events");

            migrationBuilder.AlterColumn<string>(
                name: "Country",
                table: "EventLegs",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 100,
                oldCollation: "NOCASE");

            migrationBuilder.AlterColumn<string>(
                name: "City",
                table: "EventLegs",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 100,
                oldCollation: "NOCASE");

            migrationBuilder.CreateIndex(
                name: "IX_Events_SortKey_Id",
                table: "Events",
                columns: new[] { "SortKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_Type",
                table: "Events",
                column: "Type");
        }
    }
}
