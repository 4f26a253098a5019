using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Personnel.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contingents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    UnitType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OfficerCount = table.Column<int>(type: "integer", nullable: false),
                    DeclaredOfficers = table.Column<int>(type: "integer", nullable: false),
                    AssignedOfficers = table.Column<int>(type: "integer", nullable: false),
                    TourMonths = table.Column<int>(type: "integer", nullable: false),
                    SiteId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DeployedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PlannedTourEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    TourEndCappedByMandate = table.Column<bool>(type: "boolean", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Audit_CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Audit_CreatedBy = table.Column<string>(type: "text", nullable: false),
                    Audit_LastRequestId = table.Column<string>(type: "text", nullable: false),
                    Audit_UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Audit_UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contingents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mandates",
                columns: table => new
                {
                    MandateId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResolutionSymbol = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    PersonnelCeiling = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mandates", x => x.MandateId);
                });

            migrationBuilder.CreateTable(
                name: "officer_tallies",
                columns: table => new
                {
                    Nation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_officer_tallies", x => new { x.Nation, x.Status, x.Gender });
                });

            migrationBuilder.CreateTable(
                name: "officers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    ServiceNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GivenNames = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Rank = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    Languages = table.Column<string>(type: "text", nullable: false),
                    Skills = table.Column<string>(type: "text", nullable: false),
                    Vetting = table.Column<string>(type: "text", nullable: false),
                    NextVettingStage = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    VettingFailed = table.Column<bool>(type: "boolean", nullable: false),
                    Screening = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ScreenedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ContingentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Audit_CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Audit_CreatedBy = table.Column<string>(type: "text", nullable: false),
                    Audit_LastRequestId = table.Column<string>(type: "text", nullable: false),
                    Audit_UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Audit_UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_officers", x => x.Id);
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
                name: "pledges",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    UnitType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OfficerCount = table.Column<int>(type: "integer", nullable: false),
                    ReadinessLevel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PledgedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LastRenewedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RenewalDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Audit_CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Audit_CreatedBy = table.Column<string>(type: "text", nullable: false),
                    Audit_LastRequestId = table.Column<string>(type: "text", nullable: false),
                    Audit_UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Audit_UpdatedBy = table.Column<string>(type: "text", nullable: false),
                    Evidence_AssessmentVisitOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Evidence_DeployableWithinDays = table.Column<int>(type: "integer", nullable: true),
                    Evidence_RapidDeploymentConfirmedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Evidence_VerifiedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pledges", x => x.Id);
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
                name: "site_views",
                columns: table => new
                {
                    SiteId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StatusChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangeCount = table.Column<int>(type: "integer", nullable: false),
                    RequiredPosture = table.Column<int>(type: "integer", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_site_views", x => x.SiteId);
                });

            migrationBuilder.CreateTable(
                name: "status_of_forces_parties",
                columns: table => new
                {
                    AgreementId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    InForceOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TerminatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_status_of_forces_parties", x => new { x.AgreementId, x.Nation });
                });

            migrationBuilder.CreateTable(
                name: "rotations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    OutgoingNation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    OutgoingContingentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IncomingContingentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SiteId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IncomingArrivesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OutgoingDepartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OverlapDays = table.Column<int>(type: "integer", nullable: false),
                    Audit_CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Audit_CreatedBy = table.Column<string>(type: "text", nullable: false),
                    Audit_LastRequestId = table.Column<string>(type: "text", nullable: false),
                    Audit_UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Audit_UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rotations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rotations_contingents_IncomingContingentId",
                        column: x => x.IncomingContingentId,
                        principalTable: "contingents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rotations_contingents_OutgoingContingentId",
                        column: x => x.OutgoingContingentId,
                        principalTable: "contingents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "officer_qualifications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OfficerId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ObtainedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_officer_qualifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_officer_qualifications_officers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pledge_versions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PledgeId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Change = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    UnitType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OfficerCount = table.Column<int>(type: "integer", nullable: false),
                    ReadinessLevel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Evidence_AssessmentVisitOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Evidence_DeployableWithinDays = table.Column<int>(type: "integer", nullable: true),
                    Evidence_RapidDeploymentConfirmedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Evidence_VerifiedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pledge_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pledge_versions_pledges_PledgeId",
                        column: x => x.PledgeId,
                        principalTable: "pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_contingents_Nation_Id",
                table: "contingents",
                columns: new[] { "Nation", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_contingents_SiteId_Status",
                table: "contingents",
                columns: new[] { "SiteId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_contingents_Status",
                table: "contingents",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_mandates_PeriodEnd",
                table: "mandates",
                column: "PeriodEnd");

            migrationBuilder.CreateIndex(
                name: "IX_officer_qualifications_ExpiresOn",
                table: "officer_qualifications",
                column: "ExpiresOn");

            migrationBuilder.CreateIndex(
                name: "IX_officer_qualifications_OfficerId",
                table: "officer_qualifications",
                column: "OfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_officers_ContingentId_Id",
                table: "officers",
                columns: new[] { "ContingentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_officers_Nation_Id",
                table: "officers",
                columns: new[] { "Nation", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_officers_Nation_ServiceNumber",
                table: "officers",
                columns: new[] { "Nation", "ServiceNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_officers_Nation_Status_Gender",
                table: "officers",
                columns: new[] { "Nation", "Status", "Gender" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_DispatchedAt_NextAttemptAt",
                table: "outbox_messages",
                columns: new[] { "DispatchedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_pledge_versions_PledgeId_Id",
                table: "pledge_versions",
                columns: new[] { "PledgeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_pledge_versions_PledgeId_Version",
                table: "pledge_versions",
                columns: new[] { "PledgeId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pledges_Nation_Id",
                table: "pledges",
                columns: new[] { "Nation", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_pledges_Status_RenewalDueOn",
                table: "pledges",
                columns: new[] { "Status", "RenewalDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_processed_messages_ProcessedAt",
                table: "processed_messages",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_request_records_CreatedAt",
                table: "request_records",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_rotations_IncomingContingentId",
                table: "rotations",
                column: "IncomingContingentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rotations_Nation_Id",
                table: "rotations",
                columns: new[] { "Nation", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_rotations_OutgoingContingentId",
                table: "rotations",
                column: "OutgoingContingentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rotations_OutgoingNation_Id",
                table: "rotations",
                columns: new[] { "OutgoingNation", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_status_of_forces_parties_Nation_InForceOn",
                table: "status_of_forces_parties",
                columns: new[] { "Nation", "InForceOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mandates");

            migrationBuilder.DropTable(
                name: "officer_qualifications");

            migrationBuilder.DropTable(
                name: "officer_tallies");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "pledge_versions");

            migrationBuilder.DropTable(
                name: "processed_messages");

            migrationBuilder.DropTable(
                name: "request_records");

            migrationBuilder.DropTable(
                name: "rotations");

            migrationBuilder.DropTable(
                name: "site_views");

            migrationBuilder.DropTable(
                name: "status_of_forces_parties");

            migrationBuilder.DropTable(
                name: "officers");

            migrationBuilder.DropTable(
                name: "pledges");

            migrationBuilder.DropTable(
                name: "contingents");
        }
    }
}
