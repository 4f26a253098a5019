using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Diplomacy.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ContingentCapabilities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contingent_capabilities",
                columns: table => new
                {
                    ContingentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Reduced = table.Column<bool>(type: "boolean", nullable: false),
                    InspectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contingent_capabilities", x => x.ContingentId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_contingent_capabilities_Nation_Reduced",
                table: "contingent_capabilities",
                columns: new[] { "Nation", "Reduced" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contingent_capabilities");
        }
    }
}
