using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Diplomacy.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CeilingSplit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CivilianCeiling",
                table: "mandates",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UniformedCeiling",
                table: "mandates",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CivilianCeiling",
                table: "mandate_renewals",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UniformedCeiling",
                table: "mandate_renewals",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CivilianCeiling",
                table: "mandates");

            migrationBuilder.DropColumn(
                name: "UniformedCeiling",
                table: "mandates");

            migrationBuilder.DropColumn(
                name: "CivilianCeiling",
                table: "mandate_renewals");

            migrationBuilder.DropColumn(
                name: "UniformedCeiling",
                table: "mandate_renewals");
        }
    }
}
