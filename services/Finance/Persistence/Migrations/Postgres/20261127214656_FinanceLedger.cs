using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Finance.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FinanceLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contribution_status_changes");

            migrationBuilder.AddColumn<string>(
                name: "BudgetLineId",
                table: "contributions",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ParentId",
                table: "contributions",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReportedOn",
                table: "contributions",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<bool>(
                name: "Unvalued",
                table: "contributions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "contributions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "budget_lines",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BudgetPeriodId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OriginalUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    RevisedUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    PledgedUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    FundedUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    PaidInUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    DisbursedUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    AdvancedUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Audit_CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Audit_CreatedBy = table.Column<string>(type: "text", nullable: false),
                    Audit_LastRequestId = table.Column<string>(type: "text", nullable: false),
                    Audit_UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Audit_UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budget_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_budget_lines_budget_periods_BudgetPeriodId",
                        column: x => x.BudgetPeriodId,
                        principalTable: "budget_periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "coe_inspections",
                columns: table => new
                {
                    InspectionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LineId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContingentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LeaseType = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    ServiceabilityPercent = table.Column<int>(type: "integer", nullable: false),
                    InspectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Detailed = table.Column<bool>(type: "boolean", nullable: false),
                    BelowThreshold = table.Column<bool>(type: "boolean", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coe_inspections", x => x.InspectionId);
                });

            migrationBuilder.CreateTable(
                name: "contribution_versions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContributionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Change = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DonorNation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    ParentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BudgetLineId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StatusBeforeSuspension = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    AmountMinorUnits = table.Column<long>(type: "bigint", nullable: false),
                    UsdRate = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RateDate = table.Column<DateOnly>(type: "date", nullable: true),
                    UsdCents = table.Column<long>(type: "bigint", nullable: false),
                    Unvalued = table.Column<bool>(type: "boolean", nullable: false),
                    Earmark = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AgreementReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RequestId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contribution_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contribution_versions_contributions_ContributionId",
                        column: x => x.ContributionId,
                        principalTable: "contributions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deployments",
                columns: table => new
                {
                    ContingentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    OfficerCount = table.Column<int>(type: "integer", nullable: false),
                    DeployedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RepatriatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deployments", x => x.ContingentId);
                });

            migrationBuilder.CreateTable(
                name: "donor_totals",
                columns: table => new
                {
                    Donor = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    ContributionCount = table.Column<int>(type: "integer", nullable: false),
                    PledgedUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    CommittedUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    PaidUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    SuspendedUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    UnvaluedCount = table.Column<int>(type: "integer", nullable: false),
                    UnpaidUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    UnpaidCount = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_donor_totals", x => x.Donor);
                });

            migrationBuilder.CreateTable(
                name: "donor_unpaid_days",
                columns: table => new
                {
                    Donor = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    UnpaidUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    UnpaidCount = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_donor_unpaid_days", x => new { x.Donor, x.DecidedOn });
                });

            migrationBuilder.CreateTable(
                name: "exchange_rates",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    RateDate = table.Column<DateOnly>(type: "date", nullable: false),
                    UsdPerUnit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Audit_CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Audit_CreatedBy = table.Column<string>(type: "text", nullable: false),
                    Audit_LastRequestId = table.Column<string>(type: "text", nullable: false),
                    Audit_UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Audit_UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_rates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_head",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedUnearmarkedUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    AllocatedPaidUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    DisbursedUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_head", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reimbursement_accounts",
                columns: table => new
                {
                    SubjectId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Nation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    ContingentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ClaimedUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reimbursement_accounts", x => x.SubjectId);
                });

            migrationBuilder.CreateTable(
                name: "runway_state",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Low = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_runway_state", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "budget_line_revisions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BudgetLineId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PreviousUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    RevisedUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RevisedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RevisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RequestId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budget_line_revisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_budget_line_revisions_budget_lines_BudgetLineId",
                        column: x => x.BudgetLineId,
                        principalTable: "budget_lines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "disbursements",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BudgetLineId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UsdCents = table.Column<long>(type: "bigint", nullable: false),
                    DisbursedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Payee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PayeeNation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Advance = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RequestId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disbursements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disbursements_budget_lines_BudgetLineId",
                        column: x => x.BudgetLineId,
                        principalTable: "budget_lines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ledger_head",
                columns: new[] { "Id", "AllocatedPaidUsdCents", "DisbursedUsdCents", "Hash", "ReceivedUnearmarkedUsdCents", "ReceivedUsdCents", "Revision", "Sequence" },
                values: new object[] { 1, 0L, 0L, "0000000000000000000000000000000000000000000000000000000000000000", 0L, 0L, 0, 0L });

            migrationBuilder.InsertData(
                table: "runway_state",
                columns: new[] { "Id", "ChangedAt", "Low", "Revision" },
                values: new object[] { 1, null, false, 0 });

            migrationBuilder.CreateIndex(
                name: "IX_contributions_BudgetLineId",
                table: "contributions",
                column: "BudgetLineId");

            migrationBuilder.CreateIndex(
                name: "IX_contributions_ParentId_Id",
                table: "contributions",
                columns: new[] { "ParentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_budget_line_revisions_BudgetLineId_Id",
                table: "budget_line_revisions",
                columns: new[] { "BudgetLineId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_budget_lines_BudgetPeriodId_Category",
                table: "budget_lines",
                columns: new[] { "BudgetPeriodId", "Category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_coe_inspections_LineId",
                table: "coe_inspections",
                column: "LineId");

            migrationBuilder.CreateIndex(
                name: "IX_contribution_versions_ContributionId_Version",
                table: "contribution_versions",
                columns: new[] { "ContributionId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contribution_versions_Sequence",
                table: "contribution_versions",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disbursements_BudgetLineId_Id",
                table: "disbursements",
                columns: new[] { "BudgetLineId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_disbursements_DisbursedOn",
                table: "disbursements",
                column: "DisbursedOn");

            migrationBuilder.CreateIndex(
                name: "IX_disbursements_Sequence",
                table: "disbursements",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_donor_unpaid_days_DecidedOn",
                table: "donor_unpaid_days",
                column: "DecidedOn");

            migrationBuilder.CreateIndex(
                name: "IX_exchange_rates_Currency_RateDate",
                table: "exchange_rates",
                columns: new[] { "Currency", "RateDate" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "budget_line_revisions");

            migrationBuilder.DropTable(
                name: "coe_inspections");

            migrationBuilder.DropTable(
                name: "contribution_versions");

            migrationBuilder.DropTable(
                name: "deployments");

            migrationBuilder.DropTable(
                name: "disbursements");

            migrationBuilder.DropTable(
                name: "donor_totals");

            migrationBuilder.DropTable(
                name: "donor_unpaid_days");

            migrationBuilder.DropTable(
                name: "exchange_rates");

            migrationBuilder.DropTable(
                name: "ledger_head");

            migrationBuilder.DropTable(
                name: "reimbursement_accounts");

            migrationBuilder.DropTable(
                name: "runway_state");

            migrationBuilder.DropTable(
                name: "budget_lines");

            migrationBuilder.DropIndex(
                name: "IX_contributions_BudgetLineId",
                table: "contributions");

            migrationBuilder.DropIndex(
                name: "IX_contributions_ParentId_Id",
                table: "contributions");

            migrationBuilder.DropColumn(
                name: "BudgetLineId",
                table: "contributions");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "contributions");

            migrationBuilder.DropColumn(
                name: "ReportedOn",
                table: "contributions");

            migrationBuilder.DropColumn(
                name: "Unvalued",
                table: "contributions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "contributions");

            migrationBuilder.CreateTable(
                name: "contribution_status_changes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContributionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    From = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contribution_status_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contribution_status_changes_contributions_ContributionId",
                        column: x => x.ContributionId,
                        principalTable: "contributions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_contribution_status_changes_ContributionId_Id",
                table: "contribution_status_changes",
                columns: new[] { "ContributionId", "Id" });
        }
    }
}
