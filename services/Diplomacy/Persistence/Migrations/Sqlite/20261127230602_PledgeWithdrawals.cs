using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Diplomacy.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PledgeWithdrawals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pledge_views",
                columns: table => new
                {
                    PledgeId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Nation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    PledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OfficersCounted = table.Column<int>(type: "INTEGER", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pledge_views", x => x.PledgeId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pledge_views");
        }
    }
}
