using System.Text.Json;
using Coordination.Auth;
using Coordination.Events;
using Coordination.Finance.Fund;
using Coordination.Finance.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.CrossService.Calls;
using static Coordination.Tests.Finance.FinanceDesk;

namespace Coordination.Tests.Finance;

/// <summary>
/// Spending the trust fund's money: disbursements never beyond what a line was paid unless flagged as an advance;
/// balance, burn and runway by the service's clock; FundRunwayLow once each time the runway falls below three months.
/// Each test has a finance of its own, so the fund holds exactly its own money.
/// </summary>
public sealed class FundTests : IAsyncLifetime
{
    private readonly TestClock clock = new(new DateTimeOffset(2025, 3, 31, 12, 0, 0, TimeSpan.Zero));
    private SuiteHost suite = null!;
    private FinanceDesk desk = null!;
    private string line = "";

    public async Task InitializeAsync()
    {
        suite = await FinanceClockFixture.StartAsync(clock, new Dictionary<string, string?> { ["Finance:Runway:CheckInterval"] = "01:00:00" });
        desk = new FinanceDesk(suite);
        var period = await desk.OpenPeriodAsync("S/RES/2751 (2024)", new DateOnly(2024, 10, 2), new DateOnly(2025, 10, 2));
        line = (await desk.LineAsync(period.Id, BudgetCategory.Logistics, 5_000_000)).Id;
    }

    public Task DisposeAsync() => suite.DisposeAsync().AsTask();

    private Task CheckRunwayAsync() => suite.Service("finance").Services.GetRequiredService<RunwayWatch>().CheckAsync(CancellationToken.None);

    [Fact]
    public async Task A_disbursement_beyond_what_the_line_was_paid_is_refused_unless_it_is_flagged_as_an_advance()
    {
        await desk.PaidAsync("JPN", 100_000, line);
        await desk.PledgeAsync("KOR", 900_000, line); // promised, not paid: nothing to spend yet
        await desk.DisburseAsync(line, 60_000);

        var refused = await RpcAssert.FailedPrecondition(() => desk.DisburseAsync(line, 50_000), "DISBURSEMENT_EXCEEDS_PAID_IN");
        Assert.Contains("USD 40,000.00 paid in and not yet disbursed; USD 50,000.00 was asked", refused.Violations[0].Description, StringComparison.Ordinal);
        Assert.Single((await desk.Disbursements().ListDisbursementsAsync(new ListDisbursementsRequest { BudgetLineId = line })).Disbursements);

        var advance = await desk.DisburseAsync(line, 50_000, advance: true);
        Assert.True(advance.Advance);
        var after = await desk.Budget().GetBudgetLineAsync(new GetBudgetLineRequest { Id = line });
        Assert.Equal((Usd(100_000), Usd(110_000), Usd(10_000)), (after.PaidInUsd, after.DisbursedUsd, after.AdvancedUsd));
        var fund = await desk.Reports().GetFundPositionAsync(new GetFundPositionRequest());
        Assert.Equal((Usd(100_000), Usd(110_000), Usd(-10_000)), (fund.ReceivedUsd, fund.DisbursedUsd, fund.BalanceUsd));
    }

    [Fact]
    public async Task A_malformed_disbursement_is_invalid_and_only_officers_disburse()
    {
        await desk.PaidAsync("NLD", 10_000, line);
        RecordDisbursementRequest Request(Coordination.Common.V1.Money amount) => new()
        {
            RequestId = NewId(), BudgetLineId = line, Amount = amount, DisbursedOn = Day(2025, 3, 1), Payee = "Supplier", Purpose = "Fuel",
        };

        await RpcAssert.InvalidFields(() => desk.Disbursements().RecordDisbursementAsync(Request(Usd(-100))).ResponseAsync, "amount");
        await RpcAssert.InvalidFields(() => desk.Disbursements().RecordDisbursementAsync(Request(Amount("HTG", 100))).ResponseAsync, "amount.currency_code");
        await RpcAssert.InvalidFields(() => desk.Disbursements().RecordDisbursementAsync(new RecordDisbursementRequest { RequestId = NewId(), BudgetLineId = "x" }).ResponseAsync,
            "budget_line_id", "amount", "disbursed_on", "payee", "purpose");
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => desk.Disbursements(TestTokens.For("NLD", Roles.Contributor)).RecordDisbursementAsync(Request(Usd(100))).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => desk.Disbursements(TestTokens.For("NLD", Roles.Observer)).ListDisbursementsAsync(new ListDisbursementsRequest()).ResponseAsync);
        Assert.Empty((await desk.Disbursements().ListDisbursementsAsync(new ListDisbursementsRequest())).Disbursements);
    }

    [Fact]
    public async Task A_correction_that_would_take_back_money_a_line_has_spent_is_refused()
    {
        var paid = await desk.PaidAsync("CHE", 80_000, line);
        await desk.DisburseAsync(line, 70_000);

        var refused = await RpcAssert.FailedPrecondition(() => desk.Contributions().CorrectContributionAsync(new CorrectContributionRequest
        {
            RequestId = NewId(), Id = paid.Id, Reason = "Only half arrived", Amount = Usd(40_000),
        }).ResponseAsync, "LINE_OVERDRAWN");
        Assert.Contains("USD 70,000.00 already disbursed", refused.Violations[0].Description, StringComparison.Ordinal);
        await desk.Contributions().CorrectContributionAsync(new CorrectContributionRequest
        {
            RequestId = NewId(), Id = paid.Id, Reason = "Bank charges deducted", Amount = Usd(79_950),
        });
        Assert.Equal(Usd(79_950), (await desk.Budget().GetBudgetLineAsync(new GetBudgetLineRequest { Id = line })).PaidInUsd);
    }

    [Fact]
    public async Task The_runway_is_announced_low_once_when_it_falls_below_three_months_and_again_only_after_recovering()
    {
        await desk.PaidAsync("USA", 1_200_000, line);
        // In the 90 days to 31 March: 300,000 spent, so a monthly burn of 100,000 and a runway of 900,000 / 100,000 = 9 months.
        await desk.DisburseAsync(line, 100_000, Day(2025, 1, 15));
        await desk.DisburseAsync(line, 200_000, Day(2025, 3, 10));
        await desk.DisburseAsync(line, 99_900, Day(2024, 12, 31)); // 90 days before: just outside the window

        var fund = await desk.Reports(TestTokens.For("KEN", Roles.Observer)).GetFundPositionAsync(new GetFundPositionRequest());
        Assert.Equal((Usd(800_100), Usd(100_000), "8.00", false), (fund.BalanceUsd, fund.MonthlyBurnUsd, fund.RunwayMonths, fund.RunwayLow));
        await CheckRunwayAsync();
        Assert.Empty(await desk.OutboxAsync(nameof(FundRunwayLow)));

        // 600,000 more on 25 March: burn (100,000 + 200,000 + 600,000) / 3 = 300,000; balance 200,100; runway 0.667 -> "0.66".
        await desk.DisburseAsync(line, 600_000, Day(2025, 3, 25));
        await CheckRunwayAsync();
        await CheckRunwayAsync();
        var warnings = await desk.OutboxAsync(nameof(FundRunwayLow));
        var low = JsonSerializer.Deserialize<FundRunwayLow>(Assert.Single(warnings).Payload, EventCatalog.JsonOptions)!;
        Assert.Equal((20_010_000L, 30_000_000L, "0.66", 3, new DateOnly(2025, 3, 31)), (low.BalanceUsdCents, low.MonthlyBurnUsdCents, low.RunwayMonths, low.WarningMonths, low.AsOf));
        // It carries the period's gap per budget line, as the coverage report shows it, for diplomacy's appeal.
        var coverage = await desk.Reports(TestTokens.For("KEN", Roles.Observer)).GetCoverageReportAsync(new GetCoverageReportRequest());
        var gap = Assert.Single(low.Gaps);
        Assert.Equal((coverage.BudgetPeriodId, line), (low.BudgetPeriodId, gap.BudgetLineId));
        Assert.Equal(coverage.Rows.Single().Line.Category.ToString().ToUpperInvariant(), gap.Category.Replace("_", "", StringComparison.Ordinal));
        Assert.Equal(coverage.Rows.Single().Gap, Usd(gap.GapUsdCents / 100, (int)(gap.GapUsdCents % 100) * 10_000_000));
        Assert.True(gap.GapUsdCents > 0 && gap.RequirementUsdCents - gap.FundedUsdCents == gap.GapUsdCents, gap.ToString());

        // A payment lifts it above three months (balance 1,200,100 = 4.00 months): no announcement, the watch resets.
        await desk.PaidAsync("CAN", 1_000_000, line);
        await CheckRunwayAsync();
        Assert.Single(await desk.OutboxAsync(nameof(FundRunwayLow)));

        // A week later 400,000 more is spent: the runway falls again (800,100 / 433,333.33 = 1.84) and is announced again.
        clock.SetToday(new DateOnly(2025, 4, 7));
        await desk.DisburseAsync(line, 400_000, Day(2025, 4, 2));
        await CheckRunwayAsync();
        warnings = await desk.OutboxAsync(nameof(FundRunwayLow));
        Assert.Equal(2, warnings.Count);
        Assert.Contains("\"runwayMonths\":\"1.84\"", warnings[1].Payload, StringComparison.Ordinal);
    }
}
