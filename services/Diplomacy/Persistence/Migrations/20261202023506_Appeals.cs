using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Diplomacy.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Appeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "appeals",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Trigger = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    GapUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    Gaps = table.Column<string>(type: "text", nullable: false),
                    RunwayMonths = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BalanceUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    MonthlyBurnUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    FundingAsOf = table.Column<DateOnly>(type: "date", nullable: true),
                    BudgetPeriodId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Lines = table.Column<string>(type: "text", nullable: false),
                    Audit_CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Audit_CreatedBy = table.Column<string>(type: "text", nullable: false),
                    Audit_LastRequestId = table.Column<string>(type: "text", nullable: false),
                    Audit_UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Audit_UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appeals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "funding_pictures",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BalanceUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    MonthlyBurnUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    RunwayMonths = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    WarningMonths = table.Column<int>(type: "integer", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    BudgetPeriodId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Gaps = table.Column<string>(type: "text", nullable: false),
                    HeardAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_pictures", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appeals");

            migrationBuilder.DropTable(
                name: "funding_pictures");
        }
    }
}
