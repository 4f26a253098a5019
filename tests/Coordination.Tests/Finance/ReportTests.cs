using Coordination.Auth;
using Coordination.Finance.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Xunit;
using static Coordination.Tests.CrossService.Calls;
using static Coordination.Tests.Finance.FinanceDesk;

namespace Coordination.Tests.Finance;

/// <summary>Requirement vs funded per budget line, and pledged, committed and paid per donor with the ageing of what is unpaid.</summary>
public sealed class ReportTests(FinanceClockFixture fixture) : IClassFixture<FinanceClockFixture>
{
    private FinanceDesk Desk => fixture.Desk;

    [Fact]
    public async Task Coverage_per_line_is_funded_over_the_revised_requirement_rounded_down_with_the_gap_and_everyone_reads_it()
    {
        var period = await Desk.OpenPeriodAsync("S/RES/2751 (2024)", new DateOnly(2024, 10, 2), new DateOnly(2025, 10, 2));
        var training = await Desk.LineAsync(period.Id, BudgetCategory.Training, 3_000_000);
        var equipment = await Desk.LineAsync(period.Id, BudgetCategory.Equipment, 1_000_000);
        await Desk.PaidAsync("IRL", 1_000_000, training.Id);
        var committed = await Desk.PledgeAsync("FIN", 250_000, equipment.Id);
        await Desk.MoveAsync(committed.Id, ContributionStatus.Committed);
        await Desk.PledgeAsync("DNK", 500_000, equipment.Id); // pledged only: not yet funded
        var cancelled = await Desk.PledgeAsync("ISL", 100_000, equipment.Id);
        await Desk.MoveAsync(cancelled.Id, ContributionStatus.Cancelled, reason: "Withdrawn");

        foreach (var role in Roles.All)
        {
            var report = await Desk.Reports(TestTokens.For("BHS", role)).GetCoverageReportAsync(new GetCoverageReportRequest { BudgetPeriodId = period.Id });
            Assert.Equal("S/RES/2751 (2024)", report.ResolutionSymbol);
            Assert.Equal([BudgetCategory.Equipment, BudgetCategory.Training], report.Rows.Select(r => r.Line.Category));
            var (eq, tr) = (report.Rows[0], report.Rows[1]);
            // Training: 1,000,000 of 3,000,000 = 33.333…% -> 3,333 basis points, rounded down.
            Assert.Equal((Usd(1_000_000), 3_333L, Usd(2_000_000)), (tr.Line.FundedUsd, tr.CoverageBasisPoints, tr.Gap));
            // Equipment: 250,000 committed of 1,000,000 = 2,500 basis points; 750,000 promised in all.
            Assert.Equal((Usd(250_000), Usd(750_000), 2_500L, Usd(750_000)), (eq.Line.FundedUsd, eq.Line.PledgedUsd, eq.CoverageBasisPoints, eq.Gap));
            // 1,250,000 of 4,000,000 = 3,125 basis points.
            Assert.Equal((Usd(4_000_000), Usd(1_250_000), Usd(2_750_000), 3_125L), (report.TotalRequirement, report.TotalFunded, report.TotalGap, report.CoverageBasisPoints));
        }
        await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => fixture.Suite.ViaGateway<FinanceReportService.FinanceReportServiceClient>(null).GetCoverageReportAsync(new GetCoverageReportRequest()).ResponseAsync);
    }

    [Fact]
    public async Task Unpaid_pledges_age_by_the_services_clock_into_four_buckets()
    {
        fixture.Clock.SetToday(new DateOnly(2025, 6, 30));
        async Task Pledge(long usd, DateOnly decided) => await Desk.PledgeAsync("NZL", usd, decidedOn: Day(decided.Year, decided.Month, decided.Day));
        await Pledge(10_000, new DateOnly(2025, 6, 1));     // 29 days
        await Pledge(20_000, new DateOnly(2025, 4, 1));     // 90 days: still the first bucket
        await Pledge(30_000, new DateOnly(2025, 2, 1));     // 149 days
        await Pledge(40_000, new DateOnly(2024, 9, 1));     // 302 days
        await Pledge(50_000, new DateOnly(2023, 12, 1));    // 577 days
        var paid = await Desk.PledgeAsync("NZL", 60_000, decidedOn: Day(2023, 12, 1));
        await Desk.MoveAsync(paid.Id, ContributionStatus.Committed);
        await Desk.MoveAsync(paid.Id, ContributionStatus.Paid);

        var row = (await Desk.Reports().GetDonorReportAsync(new GetDonorReportRequest { DonorNationCode = "NZL" })).Donors.Single();
        Assert.Equal((6, Usd(210_000), Usd(60_000), Usd(60_000), Usd(150_000)), (row.ContributionCount, row.PledgedUsd, row.CommittedUsd, row.PaidUsd, row.OutstandingUsd));
        Assert.Equal([(0, 90, 30_000L, 2), (91, 180, 30_000L, 1), (181, 365, 40_000L, 1), (366, 0, 50_000L, 1)],
            row.Ageing.Select(b => (b.FromDays, b.ToDays, b.UnpaidUsd.Units, b.Count)));

        // A month later the two youngest have aged: the one of 1 April is now 120 days old.
        fixture.Clock.SetToday(new DateOnly(2025, 7, 30));
        row = (await Desk.Reports().GetDonorReportAsync(new GetDonorReportRequest { DonorNationCode = "NZL" })).Donors.Single();
        Assert.Equal([10_000L, 50_000L, 40_000L, 50_000L], row.Ageing.Select(b => b.UnpaidUsd.Units));
        fixture.Clock.SetToday(new DateOnly(2025, 6, 30));
    }

    [Fact]
    public async Task A_contributor_reads_only_its_own_donor_row_and_other_partners_none()
    {
        await Desk.PledgeAsync("MEX", 5_000);
        await Desk.PledgeAsync("BRA", 7_000);
        var mexico = TestTokens.For("MEX", Roles.Contributor);

        var own = await Desk.Reports(mexico).GetDonorReportAsync(new GetDonorReportRequest());
        Assert.Equal(["MEX"], own.Donors.Select(d => d.DonorNationCode));
        Assert.Equal(Usd(5_000), own.Total.PledgedUsd);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Desk.Reports(mexico).GetDonorReportAsync(new GetDonorReportRequest { DonorNationCode = "BRA" }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Desk.Reports(TestTokens.For("MEX", Roles.Diplomat)).GetDonorReportAsync(new GetDonorReportRequest()).ResponseAsync);
        var all = await Desk.Reports(TestTokens.For("HTI", Roles.MissionAdmin)).GetDonorReportAsync(new GetDonorReportRequest());
        Assert.Contains(all.Donors, d => d.DonorNationCode == "BRA");
        Assert.Equal(all.Donors.Sum(d => Cents(d.PledgedUsd)), Cents(all.Total.PledgedUsd));
    }
}
