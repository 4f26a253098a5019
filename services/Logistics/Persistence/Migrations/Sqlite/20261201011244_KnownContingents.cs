using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Logistics.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KnownContingents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RequestingNation",
                table: "requisitions",
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "known_contingents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    UnitType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OfficerCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DeployedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RepatriatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_known_contingents", x => x.Id);
                });

            // The contingents logistics heard deploy before it kept this read model: every ContingentDeployed made a support plan.
            migrationBuilder.Sql("""
                INSERT INTO known_contingents ("Id", "Nation", "UnitType", "OfficerCount", "Status", "DeployedOn", "RepatriatedOn", "Revision", "UpdatedAt")
                SELECT "ContingentId", "Nation", '', "Officers",
                       CASE WHEN "Status" = 'Closed' THEN 'Repatriated' ELSE 'Deployed' END,
                       "StartsOn", CASE WHEN "Status" = 'Closed' THEN "EndsOn" END, 1, "UpdatedAt"
                FROM support_plans;
                UPDATE requisitions SET "RequestingNation" = (SELECT k."Nation" FROM known_contingents k WHERE k."Id" = requisitions."RequestingContingentId")
                WHERE EXISTS (SELECT 1 FROM known_contingents k WHERE k."Id" = requisitions."RequestingContingentId");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "known_contingents");

            migrationBuilder.DropColumn(
                name: "RequestingNation",
                table: "requisitions");
        }
    }
}
