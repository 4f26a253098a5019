using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Personnel.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ForceGeneration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RequiredPosture",
                table: "site_views",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Evidence_AssessmentVisitOn",
                table: "pledges",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Evidence_DeployableWithinDays",
                table: "pledges",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Evidence_RapidDeploymentConfirmedOn",
                table: "pledges",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Evidence_VerifiedOn",
                table: "pledges",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastRenewedOn",
                table: "pledges",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PledgedOn",
                table: "pledges",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "RenewalDueOn",
                table: "pledges",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "pledges",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "pledges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "pledges",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "WithdrawnOn",
                table: "pledges",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AssignedOfficers",
                table: "contingents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "DeclaredOfficers",
                table: "contingents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "officer_tallies",
                columns: table => new
                {
                    Nation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_officer_tallies", x => new { x.Nation, x.Status, x.Gender });
                });

            migrationBuilder.CreateTable(
                name: "officers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ServiceNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GivenNames = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Rank = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Languages = table.Column<string>(type: "TEXT", nullable: false),
                    Skills = table.Column<string>(type: "TEXT", nullable: false),
                    Vetting = table.Column<string>(type: "TEXT", nullable: false),
                    NextVettingStage = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    VettingFailed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Screening = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ScreenedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContingentId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Audit_CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Audit_CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Audit_LastRequestId = table.Column<string>(type: "TEXT", nullable: false),
                    Audit_UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Audit_UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_officers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pledge_versions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PledgeId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    UnitType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OfficerCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReadinessLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Evidence_AssessmentVisitOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Evidence_DeployableWithinDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Evidence_RapidDeploymentConfirmedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Evidence_VerifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "rotations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    OutgoingContingentId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IncomingContingentId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IncomingArrivesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OutgoingDepartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OverlapDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Audit_CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Audit_CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Audit_LastRequestId = table.Column<string>(type: "TEXT", nullable: false),
                    Audit_UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Audit_UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
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
                name: "status_of_forces_parties",
                columns: table => new
                {
                    AgreementId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    InForceOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_status_of_forces_parties", x => new { x.AgreementId, x.Nation });
                });

            migrationBuilder.CreateTable(
                name: "officer_qualifications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OfficerId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ObtainedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "IX_pledges_Status_RenewalDueOn",
                table: "pledges",
                columns: new[] { "Status", "RenewalDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_contingents_SiteId_Status",
                table: "contingents",
                columns: new[] { "SiteId", "Status" });

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
                name: "IX_pledge_versions_PledgeId_Id",
                table: "pledge_versions",
                columns: new[] { "PledgeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_pledge_versions_PledgeId_Version",
                table: "pledge_versions",
                columns: new[] { "PledgeId", "Version" },
                unique: true);

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
                name: "IX_status_of_forces_parties_Nation_InForceOn",
                table: "status_of_forces_parties",
                columns: new[] { "Nation", "InForceOn" });

            // Rows from before force generation: the declared count is what each contingent had; each pledge gets its
            // first version and a renewal a year after it was made.
            migrationBuilder.Sql("""
                UPDATE contingents SET "DeclaredOfficers" = "OfficerCount";
                UPDATE pledges SET "Version" = 1, "Status" = 'Active',
                    "PledgedOn" = substr("Audit_CreatedAt", 1, 10),
                    "RenewalDueOn" = date(substr("Audit_CreatedAt", 1, 10), '+12 months');
                INSERT INTO pledge_versions ("Id", "PledgeId", "Version", "Change", "UnitType", "OfficerCount", "ReadinessLevel", "Status", "Reason", "ChangedBy", "ChangedAt")
                SELECT "Id", "Id", 1, 'Created', "UnitType", "OfficerCount", "ReadinessLevel", 'Active', '', "Audit_CreatedBy", "Audit_CreatedAt" FROM pledges;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "officer_qualifications");

            migrationBuilder.DropTable(
                name: "officer_tallies");

            migrationBuilder.DropTable(
                name: "pledge_versions");

            migrationBuilder.DropTable(
                name: "rotations");

            migrationBuilder.DropTable(
                name: "status_of_forces_parties");

            migrationBuilder.DropTable(
                name: "officers");

            migrationBuilder.DropIndex(
                name: "IX_pledges_Status_RenewalDueOn",
                table: "pledges");

            migrationBuilder.DropIndex(
                name: "IX_contingents_SiteId_Status",
                table: "contingents");

            migrationBuilder.DropColumn(
                name: "RequiredPosture",
                table: "site_views");

            migrationBuilder.DropColumn(
                name: "Evidence_AssessmentVisitOn",
                table: "pledges");

            migrationBuilder.DropColumn(
                name: "Evidence_DeployableWithinDays",
                table: "pledges");

            migrationBuilder.DropColumn(
                name: "Evidence_RapidDeploymentConfirmedOn",
                table: "pledges");

            migrationBuilder.DropColumn(
                name: "Evidence_VerifiedOn",
                table: "pledges");

            migrationBuilder.DropColumn(
                name: "LastRenewedOn",
                table: "pledges");

            migrationBuilder.DropColumn(
                name: "PledgedOn",
                table: "pledges");

            migrationBuilder.DropColumn(
                name: "RenewalDueOn",
                table: "pledges");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "pledges");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "pledges");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "pledges");

            migrationBuilder.DropColumn(
                name: "WithdrawnOn",
                table: "pledges");

            migrationBuilder.DropColumn(
                name: "AssignedOfficers",
                table: "contingents");

            migrationBuilder.DropColumn(
                name: "DeclaredOfficers",
                table: "contingents");
        }
    }
}
