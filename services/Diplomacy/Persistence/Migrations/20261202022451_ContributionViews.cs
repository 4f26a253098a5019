using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Diplomacy.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ContributionViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contribution_views",
                columns: table => new
                {
                    ContributionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    PledgedUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    Suspended = table.Column<bool>(type: "boolean", nullable: false),
                    StatusChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contribution_views", x => x.ContributionId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contribution_views");
        }
    }
}
