using Coordination.Auth;
using Coordination.Events;
using Coordination.Finance.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Xunit;
using static Coordination.Tests.CrossService.Calls;
using static Coordination.Tests.Finance.FinanceDesk;

namespace Coordination.Tests.Finance;

/// <summary>
/// Money traced from a donor through the trust fund to budget lines. An allocation from the fund to a line is the one
/// kind of internal flow: it adds to the line it reaches and to no donor or fund total. Each test has a finance of its
/// own, so the mission-wide totals it asserts are exactly its own flows.
/// </summary>
public sealed class AllocationTests : IAsyncLifetime
{
    private readonly TestClock clock = new(new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero));
    private SuiteHost suite = null!;
    private FinanceDesk desk = null!;
    private string personnelLine = "";
    private string logisticsLine = "";

    public async Task InitializeAsync()
    {
        suite = await FinanceClockFixture.StartAsync(clock);
        desk = new FinanceDesk(suite);
        var period = await desk.OpenPeriodAsync("S/RES/2751 (2024)", new DateOnly(2024, 10, 2), new DateOnly(2025, 10, 2));
        personnelLine = (await desk.LineAsync(period.Id, BudgetCategory.PersonnelReimbursement, 2_000_000)).Id;
        logisticsLine = (await desk.LineAsync(period.Id, BudgetCategory.Logistics, 500_000)).Id;
    }

    public Task DisposeAsync() => suite.DisposeAsync().AsTask();

    [Fact]
    public async Task A_donors_payment_allocated_through_the_fund_to_budget_lines_is_counted_once_everywhere()
    {
        var usa = await desk.PaidAsync("USA", 1_000_000);
        var toPersonnel = await desk.AllocateAsync(usa.Id, personnelLine, 600_000);
        await desk.MoveAsync(toPersonnel.Id, ContributionStatus.Paid, Day(2025, 2, 12));
        var toLogistics = await desk.AllocateAsync(usa.Id, logisticsLine, 250_000);

        // The allocations are child flows of the donor's contribution, committed when made, in USD.
        Assert.Equal((usa.Id, "USA", ContributionStatus.Committed, Usd(250_000)), (toLogistics.ParentId, toLogistics.DonorNationCode, toLogistics.Status, toLogistics.UsdValue));

        // The donor gave USD 1,000,000 once: not 1,850,000.
        var donors = await desk.Reports().GetDonorReportAsync(new GetDonorReportRequest());
        var row = Assert.Single(donors.Donors);
        Assert.Equal((1, Usd(1_000_000), Usd(1_000_000), Usd(1_000_000)), (row.ContributionCount, row.PledgedUsd, row.CommittedUsd, row.PaidUsd));
        Assert.Equal(Usd(1_000_000), donors.Total.PaidUsd);

        // The fund received it once; 600,000 of it has moved to a line, 400,000 is still unallocated.
        var fund = await desk.Reports().GetFundPositionAsync(new GetFundPositionRequest());
        Assert.Equal((Usd(1_000_000), Usd(1_000_000), Usd(400_000)), (fund.ReceivedUsd, fund.BalanceUsd, fund.UnallocatedUsd));

        // Each line counts what reached it: funded when committed, paid in when transferred.
        var coverage = await desk.Reports().GetCoverageReportAsync(new GetCoverageReportRequest());
        var personnel = coverage.Rows.Single(r => r.Line.Id == personnelLine);
        var logistics = coverage.Rows.Single(r => r.Line.Id == logisticsLine);
        Assert.Equal((Usd(600_000), Usd(600_000), 3_000L, Usd(1_400_000)), (personnel.Line.FundedUsd, personnel.Line.PaidInUsd, personnel.CoverageBasisPoints, personnel.Gap));
        Assert.Equal((Usd(250_000), Usd(0), 5_000L), (logistics.Line.FundedUsd, logistics.Line.PaidInUsd, logistics.CoverageBasisPoints));
        Assert.Equal(Usd(850_000), coverage.TotalFunded);
        // Cash paid in to the lines plus what the fund has not allocated is what the fund received, not more.
        Assert.Equal(Cents(fund.ReceivedUsd), Cents(personnel.Line.PaidInUsd) + Cents(logistics.Line.PaidInUsd) + Cents(fund.UnallocatedUsd));

        // Lists of contributions show donors' flows; the allocations are listed under their parent.
        var listed = await desk.Contributions().ListContributionsAsync(new ListContributionsRequest());
        Assert.Equal([usa.Id], listed.Contributions.Select(c => c.Id));
        var children = await desk.Contributions().ListContributionsAsync(new ListContributionsRequest { ParentId = usa.Id });
        Assert.Equal([toPersonnel.Id, toLogistics.Id], children.Contributions.Select(c => c.Id));

        // The trace follows the money to the lines and says what is left.
        var trace = await desk.Contributions().TraceContributionAsync(new TraceContributionRequest { Id = usa.Id });
        Assert.Equal([(personnelLine, 600_000L), (logisticsLine, 250_000L)], trace.Lines.Select(l => (l.Line.Id, l.TracedUsd.Units)).OrderByDescending(l => l.Item2));
        Assert.Equal(Usd(150_000), trace.UnallocatedUsd);
        var up = await desk.Contributions().TraceContributionAsync(new TraceContributionRequest { Id = toPersonnel.Id });
        Assert.Equal(usa.Id, up.Parent.Id);

        // Partners hear of the donor's money once: internal transfers announce nothing.
        var pledged = await desk.OutboxAsync(nameof(ContributionPledged));
        var paid = await desk.OutboxAsync(nameof(ContributionPaid));
        Assert.Single(pledged);
        Assert.Single(paid);
        Assert.DoesNotContain(paid, p => p.Payload.Contains(toPersonnel.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_allocation_beyond_its_parent_from_an_earmarked_or_unpaid_parent_or_by_a_contributor_is_refused()
    {
        var canada = await desk.PaidAsync("CAN", 300_000);
        await desk.AllocateAsync(canada.Id, logisticsLine, 200_000);

        var beyond = await RpcAssert.FailedPrecondition(() => desk.AllocateAsync(canada.Id, personnelLine, 100_001), "ALLOCATION_EXCEEDS_PARENT");
        Assert.Contains("USD 200,000.00 of it is already allocated", beyond.Violations[0].Description, StringComparison.Ordinal);

        var earmarked = await desk.PaidAsync("GBR", 50_000, personnelLine);
        await RpcAssert.FailedPrecondition(() => desk.AllocateAsync(earmarked.Id, logisticsLine, 10_000), "NOT_ALLOCATABLE");

        var promised = await desk.PledgeAsync("AUS", 80_000);
        var early = await desk.AllocateAsync(promised.Id, logisticsLine, 80_000);
        await RpcAssert.FailedPrecondition(() => desk.MoveAsync(early.Id, ContributionStatus.Paid), "PARENT_NOT_PAID");
        await RpcAssert.FailedPrecondition(() => desk.MoveAsync(promised.Id, ContributionStatus.Cancelled, reason: "withdrawn"), "PARENT_HAS_ALLOCATIONS");
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => desk.Contributions(TestTokens.For("CAN", Roles.Contributor))
            .AllocateContributionAsync(new AllocateContributionRequest
            {
                RequestId = NewId(), ParentId = canada.Id, BudgetLineId = personnelLine, Amount = Usd(1), DecidedOn = Day(2025, 2, 1),
            }).ResponseAsync);
        await RpcAssert.InvalidFields(() => desk.Contributions().AllocateContributionAsync(new AllocateContributionRequest
        {
            RequestId = NewId(), ParentId = canada.Id, BudgetLineId = personnelLine, Amount = Amount("CAD", 1), DecidedOn = Day(2025, 2, 1),
        }).ResponseAsync, "amount.currency_code");

        var lines = (await desk.Reports().GetCoverageReportAsync(new GetCoverageReportRequest())).Rows.ToDictionary(r => r.Line.Id);
        Assert.Equal(Usd(280_000), lines[logisticsLine].Line.FundedUsd);
        Assert.Equal(Usd(50_000), lines[personnelLine].Line.FundedUsd);
    }
}
