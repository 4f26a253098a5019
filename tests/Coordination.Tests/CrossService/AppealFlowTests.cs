using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Diplomacy.V1;
using Coordination.Finance.Fund;
using Coordination.Finance.V1;
using Coordination.Tests.Finance;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.CrossService;

/// <summary>
/// The call to honour commitments: finance reports the trust fund's runway falling low (FundRunwayLow, with the gap per
/// budget line), and diplomacy issues an appeal that quotes it and sets each partner's commitments against what it
/// delivered (officers, money) and the goods it pledged in kind, the most overdue first; every partner reads it, seeing
/// the mission's figures and its own line. Finance and diplomacy of their own (so the fund holds only this test's
/// money), behind the real gateway, on a clock at 2025-06-30.
/// </summary>
public sealed class AppealFlowTests : IAsyncLifetime
{
    private readonly TestClock clock = new(new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat);
    private SuiteHost suite = null!;
    private FinanceDesk desk = null!;

    public async Task InitializeAsync()
    {
        suite = await SuiteHost.StartAsync(["finance", "diplomacy"], services: s => s.AddSingleton<TimeProvider>(clock));
        await suite.StartGatewayAsync(SuiteHost.UnlimitedPartners());
        desk = new FinanceDesk(suite);
    }

    public Task DisposeAsync() => suite.DisposeAsync().AsTask();

    private AppealService.AppealServiceClient Appeals(string token) => suite.ViaGateway<AppealService.AppealServiceClient>(token);

    private Task<Coordination.Diplomacy.V1.Commitment> AnnounceAsync(string nation, CommitmentKind kind, Date due, int officers = 0, long usd = 0) =>
        suite.ViaGateway<CommitmentService.CommitmentServiceClient>(diplomat).AnnounceCommitmentAsync(new AnnounceCommitmentRequest
        {
            RequestId = NewId(), NationCode = nation, Kind = kind, Description = $"{nation} commitment", AnnouncedOn = Day(2024, 10, 11), DueOn = due,
            Officers = officers, Amount = usd > 0 ? FinanceDesk.Usd(usd) : null,
        }).ResponseAsync;

    [Fact]
    public async Task A_low_runway_brings_an_appeal_with_the_gap_per_line_and_each_partners_overdue_commitments_first()
    {
        var period = await desk.OpenPeriodAsync("S/RES/2751 (2024)", new DateOnly(2024, 10, 2), new DateOnly(2025, 10, 2));
        var line = await desk.LineAsync(period.Id, BudgetCategory.Logistics, 5_000_000);
        await AnnounceAsync("KEN", CommitmentKind.Personnel, Day(2025, 1, 31), officers: 600);
        var jamaica = await AnnounceAsync("JAM", CommitmentKind.Funds, Day(2025, 5, 31), usd: 1_000_000);
        await AnnounceAsync("CAN", CommitmentKind.Funds, Day(2025, 12, 31), usd: 2_000_000);
        await desk.PaidAsync("JAM", 400_000, line.Id);
        await Eventually.Get(
            () => suite.ViaGateway<CommitmentService.CommitmentServiceClient>(diplomat).GetCommitmentAsync(new GetCommitmentRequest { Id = jamaica.Id }).ResponseAsync,
            c => c.AmountDelivered?.Units == 400_000, what: "diplomacy to count Jamaica's payment");
        // Canada pledged goods in kind (as logistics' in-kind pledges reach finance): 250,000 standing, 50,000 suspended.
        await desk.PledgeAsync("CAN", 250_000, channel: Channel.InKind);
        var held = await desk.PledgeAsync("CAN", 50_000, channel: Channel.InKind);
        await desk.MoveAsync(held.Id, ContributionStatus.Suspended, reason: "Goods not up to specification");
        var brief = await Eventually.Get(
            () => suite.ViaGateway<PartnerService.PartnerServiceClient>(diplomat).GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "CAN" }).ResponseAsync,
            b => b.ContributionsPledged == 2 && b.InKindPledgedUsd.Units == 250_000, what: "diplomacy to count Canada's goods in kind, the suspended pledge off");
        Assert.Equal(250_000L, brief.PledgedUsd.Units);
        // 400,000 in, 350,000 out in the last 90 days: a monthly burn of 116,666.67 and a runway well under three months.
        await desk.DisburseAsync(line.Id, 350_000, Day(2025, 6, 10));
        await suite.Service("finance").Services.GetRequiredService<RunwayWatch>().CheckAsync(CancellationToken.None);

        var listed = await Eventually.Get(() => Appeals(diplomat).ListAppealsAsync(new ListAppealsRequest()).ResponseAsync,
            l => l.Appeals.Count > 0, what: "diplomacy to issue an appeal on the low runway");
        var appeal = Assert.Single(listed.Appeals);
        Assert.Equal(AppealTrigger.FundRunwayLow, appeal.Trigger);
        Assert.Equal(Day(2025, 6, 30), appeal.IssuedOn);
        Assert.Equal(Day(2025, 6, 30), appeal.FundingAsOf);
        var fund = await desk.Reports().GetFundPositionAsync(new GetFundPositionRequest());
        Assert.Equal((fund.RunwayMonths, fund.BalanceUsd, fund.MonthlyBurnUsd), (appeal.RunwayMonths, appeal.FundBalance, appeal.MonthlyBurn));
        Assert.Contains(fund.RunwayMonths, appeal.Message, StringComparison.Ordinal);
        var gap = Assert.Single(appeal.Gaps);
        Assert.Equal((line.Id, "LOGISTICS", 5_000_000L), (gap.BudgetLineId, gap.Category, gap.Requirement.Units));
        Assert.True(gap.Gap.Units > 0, $"The line is funded with {gap.Funded.Units} of 5,000,000, so it has a gap.");
        Assert.Equal(gap.Requirement.Units - gap.Funded.Units, gap.Gap.Units);
        Assert.Equal(gap.Gap, appeal.Gap);
        Assert.Equal(period.Id, appeal.BudgetPeriodId);
        Assert.Equal(3, appeal.PartnerCount);

        // Kenya is overdue since January, Jamaica since May; Canada's commitment is not yet due.
        Assert.Equal(["KEN", "JAM", "CAN"], appeal.Partners.Select(p => p.NationCode));
        var kenya = appeal.Partners[0];
        Assert.Equal((600, 0, 600, 1, Day(2025, 1, 31)), (kenya.OfficersCommitted, kenya.OfficersDelivered, kenya.OfficersOverdue, kenya.CommitmentsOverdue, kenya.OverdueSince));
        var jam = appeal.Partners[1];
        Assert.Equal((1_000_000L, 400_000L, 600_000L, 400_000L), (jam.UsdCommitted.Units, jam.UsdDelivered.Units, jam.UsdOverdue.Units, jam.UsdPledged.Units));
        Assert.Equal(Day(2025, 5, 31), jam.OverdueSince);
        var can = appeal.Partners[2];
        Assert.Equal((2_000_000L, 0L, 0, null), (can.UsdCommitted.Units, can.UsdOverdue.Units, can.CommitmentsOverdue, can.OverdueSince));
        Assert.Equal((250_000L, 2, 250_000L), (can.UsdInKindPledged.Units, can.InKindPledges, can.UsdPledged.Units));
        Assert.Equal((0L, 0), (jam.UsdInKindPledged.Units, jam.InKindPledges));

        // A partner reads the mission's figures and its own line only; a role of no nation the mission's figures.
        var ownLine = await Appeals(TestTokens.For("JAM", Roles.Contributor)).GetAppealAsync(new GetAppealRequest { Id = appeal.Id });
        Assert.Equal(["JAM"], ownLine.Partners.Select(p => p.NationCode));
        Assert.Equal((appeal.Gap, appeal.RunwayMonths, 3), (ownLine.Gap, ownLine.RunwayMonths, ownLine.PartnerCount));
        var observed = await Appeals(TestTokens.For("NOR", Roles.Observer)).ListAppealsAsync(new ListAppealsRequest());
        Assert.Empty(Assert.Single(observed.Appeals).Partners);

        // A diplomat issues another appeal later: the same funding figures, the lines as they stand.
        var issued = await Appeals(diplomat).IssueAppealAsync(new IssueAppealRequest { RequestId = NewId(), Message = "Honour your commitments" });
        Assert.Equal((AppealTrigger.Issued, "Honour your commitments", appeal.RunwayMonths, appeal.Gap), (issued.Trigger, issued.Message, issued.RunwayMonths, issued.Gap));
        Assert.Equal(appeal.Partners, issued.Partners);
        Assert.Equal(2, (await Appeals(diplomat).ListAppealsAsync(new ListAppealsRequest())).Appeals.Count);
    }

    [Fact]
    public async Task Only_diplomats_issue_appeals_a_bad_request_is_invalid_and_an_unknown_appeal_is_not_found()
    {
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Appeals(TestTokens.For("KEN", Roles.Contributor)).IssueAppealAsync(new IssueAppealRequest { RequestId = NewId(), Message = "Pay up" }).ResponseAsync);
        await RpcAssert.InvalidFields(() => Appeals(diplomat).IssueAppealAsync(new IssueAppealRequest { RequestId = NewId() }).ResponseAsync, "message");
        await RpcAssert.InvalidFields(() => Appeals(diplomat).GetAppealAsync(new GetAppealRequest { Id = "not an id" }).ResponseAsync, "id");
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => Appeals(diplomat).GetAppealAsync(new GetAppealRequest { Id = new string('a', 32) }).ResponseAsync);

        // Control characters, an oversized message or a deadline that passes: refused precisely, and no appeal is kept.
        await RpcAssert.InvalidFields(() => Appeals(diplomat).IssueAppealAsync(new IssueAppealRequest { RequestId = NewId(), Message = "Pay\u0007 up" }).ResponseAsync, "message");
        await RpcAssert.InvalidFields(() => Appeals(diplomat).IssueAppealAsync(new IssueAppealRequest { RequestId = NewId(), Message = new string('x', 20_000) }).ResponseAsync, "message");
        await RpcAssert.FailsWith(StatusCode.DeadlineExceeded, () => Appeals(diplomat).IssueAppealAsync(
            new IssueAppealRequest { RequestId = NewId(), Message = "In a hurry" }, deadline: DateTime.UtcNow.AddMilliseconds(1)).ResponseAsync);
        Assert.Empty((await Appeals(diplomat).ListAppealsAsync(new ListAppealsRequest())).Appeals);

        // Without funding figures from finance, an appeal still carries the partners' lines, and says it has no runway.
        await AnnounceAsync("FJI", CommitmentKind.Personnel, Day(2025, 3, 1), officers: 100);
        var appeal = await Appeals(diplomat).IssueAppealAsync(new IssueAppealRequest { RequestId = NewId(), Message = "First call" });
        Assert.Equal(("", null, 0L), (appeal.RunwayMonths, appeal.FundingAsOf, appeal.Gap.Units));
        Assert.Equal(["FJI"], appeal.Partners.Select(p => p.NationCode));
        Assert.Equal(Day(2025, 3, 1), appeal.Partners[0].OverdueSince);
    }
}
