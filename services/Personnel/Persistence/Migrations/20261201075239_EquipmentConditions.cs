using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Personnel.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EquipmentConditions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "equipment_conditions",
                columns: table => new
                {
                    EquipmentLineId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContingentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    InspectionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    InspectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ServiceabilityPercent = table.Column<int>(type: "integer", nullable: false),
                    BelowThreshold = table.Column<bool>(type: "boolean", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_equipment_conditions", x => x.EquipmentLineId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_equipment_conditions_ContingentId_BelowThreshold",
                table: "equipment_conditions",
                columns: new[] { "ContingentId", "BelowThreshold" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "equipment_conditions");
        }
    }
}
