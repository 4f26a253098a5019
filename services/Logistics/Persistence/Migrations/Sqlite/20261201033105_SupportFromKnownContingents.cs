using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Logistics.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupportFromKnownContingents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DeployedOfficers",
                table: "known_contingents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PlannedTourEnd",
                table: "known_contingents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RepatriatedOfficers",
                table: "known_contingents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SiteId",
                table: "known_contingents",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "equipment_lines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_known_contingents_SiteId",
                table: "known_contingents",
                column: "SiteId");

            migrationBuilder.Sql(SupportFromKnownContingentsSql.MoveSupportToKnownContingents);
            migrationBuilder.Sql(SupportFromKnownContingentsSql.RestampAndCloseEquipmentLines);

            migrationBuilder.DropTable(
                name: "site_assignments");

            migrationBuilder.DropTable(
                name: "support_plans");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_known_contingents_SiteId",
                table: "known_contingents");

            migrationBuilder.DropColumn(
                name: "DeployedOfficers",
                table: "known_contingents");

            migrationBuilder.DropColumn(
                name: "PlannedTourEnd",
                table: "known_contingents");

            migrationBuilder.DropColumn(
                name: "RepatriatedOfficers",
                table: "known_contingents");

            migrationBuilder.DropColumn(
                name: "SiteId",
                table: "known_contingents");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "equipment_lines");

            migrationBuilder.CreateTable(
                name: "site_assignments",
                columns: table => new
                {
                    ContingentId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Nation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Officers = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_site_assignments", x => x.ContingentId);
                });

            migrationBuilder.CreateTable(
                name: "support_plans",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContingentId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InboundMovement = table.Column<int>(type: "INTEGER", nullable: false),
                    Nation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Officers = table.Column<int>(type: "INTEGER", nullable: false),
                    OutboundMovement = table.Column<int>(type: "INTEGER", nullable: false),
                    RationDays = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_plans", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_site_assignments_SiteId_Active",
                table: "site_assignments",
                columns: new[] { "SiteId", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_support_plans_ContingentId",
                table: "support_plans",
                column: "ContingentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_support_plans_SiteId",
                table: "support_plans",
                column: "SiteId");
        }
    }
}
