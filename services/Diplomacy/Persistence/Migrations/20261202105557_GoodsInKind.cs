using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Diplomacy.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class GoodsInKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "InKindPledgedUsdCents",
                table: "partner_tallies",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "InKindPledges",
                table: "partner_tallies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "InKind",
                table: "contribution_views",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InKindPledgedUsdCents",
                table: "partner_tallies");

            migrationBuilder.DropColumn(
                name: "InKindPledges",
                table: "partner_tallies");

            migrationBuilder.DropColumn(
                name: "InKind",
                table: "contribution_views");
        }
    }
}
