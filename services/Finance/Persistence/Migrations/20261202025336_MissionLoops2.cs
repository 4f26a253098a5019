using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Finance.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MissionLoops2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_budget_lines_totals",
                table: "budget_lines");

            migrationBuilder.AddColumn<string>(
                name: "CarriedOverFromPeriodId",
                table: "budget_periods",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "CarriedInUsdCents",
                table: "budget_lines",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "CarriedOutUsdCents",
                table: "budget_lines",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "SpentUsdCents",
                table: "budget_lines",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "WrittenOffUsdCents",
                table: "budget_lines",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "announced_funds",
                columns: table => new
                {
                    CommitmentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Donor = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    UsdCents = table.Column<long>(type: "bigint", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EngagementId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AnnouncedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_announced_funds", x => x.CommitmentId);
                });

            migrationBuilder.CreateTable(
                name: "rotation_overlaps",
                columns: table => new
                {
                    RotationId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    IncomingContingentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OutgoingContingentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SiteId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IncomingOfficerCount = table.Column<int>(type: "integer", nullable: false),
                    IncomingArrivesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OverlapDays = table.Column<int>(type: "integer", nullable: false),
                    ScheduledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rotation_overlaps", x => x.RotationId);
                });

            migrationBuilder.CreateTable(
                name: "shipment_expenditures",
                columns: table => new
                {
                    ShipmentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    WaybillNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IncurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    BudgetPeriodId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BudgetLineId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FreightUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    GoodsUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    WrittenOffUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shipment_expenditures", x => new { x.ShipmentId, x.Stage });
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_budget_lines_totals",
                table: "budget_lines",
                sql: "\"PledgedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"FundedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"PaidInUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"DisbursedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"AdvancedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"SpentUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"WrittenOffUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"CarriedInUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"CarriedOutUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000");

            migrationBuilder.CreateIndex(
                name: "IX_announced_funds_Donor",
                table: "announced_funds",
                column: "Donor");

            migrationBuilder.CreateIndex(
                name: "IX_rotation_overlaps_Nation",
                table: "rotation_overlaps",
                column: "Nation");

            migrationBuilder.CreateIndex(
                name: "IX_shipment_expenditures_BudgetPeriodId_BudgetLineId",
                table: "shipment_expenditures",
                columns: new[] { "BudgetPeriodId", "BudgetLineId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "announced_funds");

            migrationBuilder.DropTable(
                name: "rotation_overlaps");

            migrationBuilder.DropTable(
                name: "shipment_expenditures");

            migrationBuilder.DropCheckConstraint(
                name: "CK_budget_lines_totals",
                table: "budget_lines");

            migrationBuilder.DropColumn(
                name: "CarriedOverFromPeriodId",
                table: "budget_periods");

            migrationBuilder.DropColumn(
                name: "CarriedInUsdCents",
                table: "budget_lines");

            migrationBuilder.DropColumn(
                name: "CarriedOutUsdCents",
                table: "budget_lines");

            migrationBuilder.DropColumn(
                name: "SpentUsdCents",
                table: "budget_lines");

            migrationBuilder.DropColumn(
                name: "WrittenOffUsdCents",
                table: "budget_lines");

            migrationBuilder.AddCheckConstraint(
                name: "CK_budget_lines_totals",
                table: "budget_lines",
                sql: "\"PledgedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"FundedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"PaidInUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"DisbursedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"AdvancedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000");
        }
    }
}
