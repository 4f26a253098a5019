using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Finance.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RunningTotalBounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddCheckConstraint(
                name: "CK_ledger_head_totals",
                table: "ledger_head",
                sql: "\"ReceivedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"ReceivedUnearmarkedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"AllocatedPaidUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"DisbursedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000");

            migrationBuilder.AddCheckConstraint(
                name: "CK_donor_unpaid_days_totals",
                table: "donor_unpaid_days",
                sql: "\"UnpaidUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000");

            migrationBuilder.AddCheckConstraint(
                name: "CK_donor_totals_totals",
                table: "donor_totals",
                sql: "\"PledgedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"CommittedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"PaidUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"SuspendedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"UnpaidUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000");

            migrationBuilder.AddCheckConstraint(
                name: "CK_budget_lines_totals",
                table: "budget_lines",
                sql: "\"PledgedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"FundedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"PaidInUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"DisbursedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000 AND \"AdvancedUsdCents\" BETWEEN -10000000000000000 AND 10000000000000000");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_ledger_head_totals",
                table: "ledger_head");

            migrationBuilder.DropCheckConstraint(
                name: "CK_donor_unpaid_days_totals",
                table: "donor_unpaid_days");

            migrationBuilder.DropCheckConstraint(
                name: "CK_donor_totals_totals",
                table: "donor_totals");

            migrationBuilder.DropCheckConstraint(
                name: "CK_budget_lines_totals",
                table: "budget_lines");
        }
    }
}
