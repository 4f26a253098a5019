using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Personnel.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MissionLoops2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CivilianCeiling",
                table: "mandates",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExpiryWarningDays",
                table: "mandates",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UniformedCeiling",
                table: "mandates",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Commander",
                table: "contingents",
                type: "character varying(120)",
                maxLength: 120,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "HomeUnit",
                table: "contingents",
                type: "character varying(120)",
                maxLength: 120,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "expected_pledges",
                columns: table => new
                {
                    CommitmentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Officers = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AnnouncedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AnnouncedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EngagementId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_expected_pledges", x => x.CommitmentId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_expected_pledges_Nation_DueOn",
                table: "expected_pledges",
                columns: new[] { "Nation", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "expected_pledges");

            migrationBuilder.DropColumn(
                name: "CivilianCeiling",
                table: "mandates");

            migrationBuilder.DropColumn(
                name: "ExpiryWarningDays",
                table: "mandates");

            migrationBuilder.DropColumn(
                name: "UniformedCeiling",
                table: "mandates");

            migrationBuilder.DropColumn(
                name: "Commander",
                table: "contingents");

            migrationBuilder.DropColumn(
                name: "HomeUnit",
                table: "contingents");
        }
    }
}
