using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Diplomacy.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SiteStatusTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "site_status_tallies",
                columns: table => new
                {
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SiteName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    LastStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LastChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Changes = table.Column<int>(type: "INTEGER", nullable: false),
                    TimesLost = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_site_status_tallies", x => x.SiteId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "site_status_tallies");
        }
    }
}
