using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Logistics.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MissionLoops : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FreightUsdCents",
                table: "shipments",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UnitValueUsdCents",
                table: "shipment_lines",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_shipment_lines_unit_value",
                table: "shipment_lines",
                sql: "\"UnitValueUsdCents\" IS NULL OR \"UnitValueUsdCents\" > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_shipment_lines_unit_value",
                table: "shipment_lines");

            migrationBuilder.DropColumn(
                name: "FreightUsdCents",
                table: "shipments");

            migrationBuilder.DropColumn(
                name: "UnitValueUsdCents",
                table: "shipment_lines");
        }
    }
}
