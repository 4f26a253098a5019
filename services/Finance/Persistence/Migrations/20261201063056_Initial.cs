using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Finance.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "budget_periods",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MandateId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResolutionSymbol = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budget_periods", x => x.Id);
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
                name: "contributions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DonorNation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    ParentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BudgetLineId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    AmountMinorUnits = table.Column<long>(type: "bigint", nullable: false),
                    UsdRate = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RateDate = table.Column<DateOnly>(type: "date", nullable: true),
                    UsdCents = table.Column<long>(type: "bigint", nullable: false),
                    Unvalued = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StatusBeforeSuspension = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Earmark = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AgreementReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Audit_CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Audit_CreatedBy = table.Column<string>(type: "text", nullable: false),
                    Audit_LastRequestId = table.Column<string>(type: "text", nullable: false),
                    Audit_UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Audit_UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contributions", x => x.Id);
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
                    table.CheckConstraint("CK_donor_totals_totals", "\"PledgedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"CommittedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"PaidUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"SuspendedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"UnpaidUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000");
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
                    table.CheckConstraint("CK_donor_unpaid_days_totals", "\"UnpaidUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000");
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
                    table.CheckConstraint("CK_ledger_head_totals", "\"ReceivedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"ReceivedUnearmarkedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"AllocatedPaidUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"DisbursedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000");
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DispatchedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClaimToken = table.Column<Guid>(type: "uuid", nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "processed_messages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_processed_messages", x => new { x.MessageId, x.Consumer });
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
                name: "request_records",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Method = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Response = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_records", x => new { x.Scope, x.RequestId });
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
                    table.CheckConstraint("CK_budget_lines_totals", "\"PledgedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"FundedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"PaidInUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"DisbursedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"AdvancedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000");
                    table.ForeignKey(
                        name: "FK_budget_lines_budget_periods_BudgetPeriodId",
                        column: x => x.BudgetPeriodId,
                        principalTable: "budget_periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_budget_line_revisions_BudgetLineId_Id",
                table: "budget_line_revisions",
                columns: new[] { "BudgetLineId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_budget_lines_BudgetPeriodId_Category",
                table: "budget_lines",
                columns: new[] { "BudgetPeriodId", "Category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_budget_periods_ResolutionSymbol",
                table: "budget_periods",
                column: "ResolutionSymbol",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_coe_inspections_ContingentId",
                table: "coe_inspections",
                column: "ContingentId");

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
                name: "IX_contributions_BudgetLineId",
                table: "contributions",
                column: "BudgetLineId");

            migrationBuilder.CreateIndex(
                name: "IX_contributions_DonorNation_Id",
                table: "contributions",
                columns: new[] { "DonorNation", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_contributions_ParentId_Id",
                table: "contributions",
                columns: new[] { "ParentId", "Id" });

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

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_DispatchedAt_NextAttemptAt",
                table: "outbox_messages",
                columns: new[] { "DispatchedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_processed_messages_ProcessedAt",
                table: "processed_messages",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_request_records_CreatedAt",
                table: "request_records",
                column: "CreatedAt");
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
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "processed_messages");

            migrationBuilder.DropTable(
                name: "reimbursement_accounts");

            migrationBuilder.DropTable(
                name: "request_records");

            migrationBuilder.DropTable(
                name: "runway_state");

            migrationBuilder.DropTable(
                name: "contributions");

            migrationBuilder.DropTable(
                name: "budget_lines");

            migrationBuilder.DropTable(
                name: "budget_periods");
        }
    }
}
