using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Logistics.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MissionLoops2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "expected_arrivals",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    UnitType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Officers = table.Column<int>(type: "integer", nullable: false),
                    ReadinessLevel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LevelReachedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PledgeVersion = table.Column<int>(type: "integer", nullable: false),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_expected_arrivals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "known_mandates",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResolutionSymbol = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    SuccessorId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ExpiringPeriodEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiringDaysBefore = table.Column<int>(type: "integer", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_known_mandates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scheduled_rotations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    OutgoingContingentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IncomingContingentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SiteId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OutgoingOfficers = table.Column<int>(type: "integer", nullable: false),
                    IncomingOfficers = table.Column<int>(type: "integer", nullable: false),
                    IncomingArrivesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OutgoingDepartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ScheduledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduled_rotations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_expected_arrivals_Nation",
                table: "expected_arrivals",
                column: "Nation");

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_rotations_IncomingContingentId",
                table: "scheduled_rotations",
                column: "IncomingContingentId");

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_rotations_OutgoingContingentId",
                table: "scheduled_rotations",
                column: "OutgoingContingentId");

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_rotations_SiteId",
                table: "scheduled_rotations",
                column: "SiteId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "expected_arrivals");

            migrationBuilder.DropTable(
                name: "known_mandates");

            migrationBuilder.DropTable(
                name: "scheduled_rotations");
        }
    }
}
