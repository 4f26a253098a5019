using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Diplomacy.V1;
using Coordination.Finance.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.CrossService;

/// <summary>
/// A successor mandate carries the predecessor's funds over: when diplomacy records the transition, finance opens the
/// successor's budget period and each line of the predecessor's last period carries its unspent balance (paid in, not
/// disbursed) into the line of the same category there, where it counts towards coverage and may be disbursed.
/// </summary>
public sealed class MandateCarryOverFlowTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>
{
    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat);
    private readonly string financeOfficer = TestTokens.For("HTI", Roles.FinanceOfficer);

    private static Money Usd(long units) => new() { CurrencyCode = "USD", Units = units };

    [Fact]
    public async Task A_successor_mandate_receives_each_budget_lines_unspent_balance_in_its_first_period()
    {
        var suite = fixture.Suite;
        var mandate = await AdoptAsync(suite, diplomat, "S/RES/2751 (2024)", Day(2024, 10, 2), Day(2025, 10, 2), 2_500);
        var budget = suite.ViaGateway<BudgetService.BudgetServiceClient>(financeOfficer);
        var first = (await Eventually.Get(() => budget.ListBudgetPeriodsAsync(new ListBudgetPeriodsRequest()).ResponseAsync,
            p => p.Periods.Count == 1, what: "finance to open the budget period from MandateAdopted")).Periods[0];
        var logistics = await LineAsync(budget, first.Id, BudgetCategory.Logistics, 5_000_000);
        var training = await LineAsync(budget, first.Id, BudgetCategory.Training, 1_000_000);

        // Logistics: 3M paid in, 1.2M disbursed, so 1.8M unspent. Training: 0.5M pledged, nothing paid in: nothing to carry.
        var contributions = suite.ViaGateway<ContributionService.ContributionServiceClient>(financeOfficer);
        var paid = await contributions.RecordContributionAsync(Contribution("USA", 3_000_000, logistics.Id));
        foreach (var status in new[] { ContributionStatus.Committed, ContributionStatus.Paid })
        {
            await contributions.ChangeContributionStatusAsync(new ChangeContributionStatusRequest
            {
                RequestId = NewId(), Id = paid.Id, Status = status, EffectiveOn = Day(2025, 1, 15),
            });
        }
        await contributions.RecordContributionAsync(Contribution("CAN", 500_000, training.Id));
        var disbursements = suite.ViaGateway<DisbursementService.DisbursementServiceClient>(financeOfficer);
        await disbursements.RecordDisbursementAsync(Disbursement(logistics.Id, 1_200_000, Day(2025, 3, 1)));

        await suite.ViaGateway<MandateService.MandateServiceClient>(diplomat).TransitionMandateAsync(new TransitionMandateRequest
        {
            RequestId = NewId(),
            Id = mandate.Id,
            Successor = new AdoptMandateRequest
            {
                RequestId = NewId(), ResolutionSymbol = "S/RES/2793 (2025)", AdoptedOn = Day(2025, 9, 30),
                Vote = new Vote { InFavour = 12, Abstentions = 3 }, PeriodStart = Day(2025, 10, 3), PeriodEnd = YearsAhead(1), PersonnelCeiling = 5_550,
            },
        });
        var periods = await Eventually.Get(() => budget.ListBudgetPeriodsAsync(new ListBudgetPeriodsRequest()).ResponseAsync,
            p => p.Periods.Count == 2, what: "finance to open the successor's budget period from MandateTransitioned");
        var successor = periods.Periods.Single(p => p.ResolutionSymbol == "S/RES/2793 (2025)");
        Assert.Equal(first.Id, successor.CarriedOverFromBudgetPeriodId);

        var reports = suite.ViaGateway<FinanceReportService.FinanceReportServiceClient>(TestTokens.For("CAN", Roles.Observer));
        var carried = await reports.GetCoverageReportAsync(new GetCoverageReportRequest { BudgetPeriodId = successor.Id });
        var row = Assert.Single(carried.Rows);
        Assert.Equal((BudgetCategory.Logistics, 1_800_000L, 0L, "Carried over from S/RES/2751 (2024)"),
            (row.Line.Category, row.Line.CarriedInUsd.Units, row.Line.RevisedAmount.Units, row.Line.Description));
        Assert.Equal(1_800_000L, carried.TotalCarriedIn.Units);
        var before = await budget.GetBudgetLineAsync(new GetBudgetLineRequest { Id = logistics.Id });
        Assert.Equal((1_800_000L, 3_000_000L, 1_200_000L), (before.CarriedOutUsd.Units, before.PaidInUsd.Units, before.DisbursedUsd.Units));
        Assert.Equal(0L, (await budget.GetBudgetLineAsync(new GetBudgetLineRequest { Id = training.Id })).CarriedOutUsd.Units);

        // The money now lives in the successor's line: it covers the requirement finance sets and may be disbursed there,
        // while the predecessor's line has nothing left to disburse without an advance.
        await budget.ReviseBudgetLineAsync(new ReviseBudgetLineRequest
        {
            RequestId = NewId(), Id = row.Line.Id, RevisedAmount = Usd(4_000_000), Reason = "Requirement of S/RES/2793 for convoys",
        });
        var covered = await reports.GetCoverageReportAsync(new GetCoverageReportRequest { BudgetPeriodId = successor.Id });
        Assert.Equal((4_500L, 2_200_000L), (covered.Rows[0].CoverageBasisPoints, covered.Rows[0].Gap.Units));
        await disbursements.RecordDisbursementAsync(Disbursement(row.Line.Id, 1_000_000, Day(2025, 11, 1)));
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => disbursements.RecordDisbursementAsync(Disbursement(logistics.Id, 1, Day(2025, 9, 1))).ResponseAsync);
    }

    private static async Task<BudgetLine> LineAsync(BudgetService.BudgetServiceClient budget, string periodId, BudgetCategory category, long usd) =>
        await budget.CreateBudgetLineAsync(new CreateBudgetLineRequest
        {
            RequestId = NewId(), BudgetPeriodId = periodId, Category = category, Description = $"{category} of S/RES/2751", Amount = Usd(usd),
        });

    private static RecordContributionRequest Contribution(string donor, long usd, string lineId) => new()
    {
        RequestId = NewId(), DonorNationCode = donor, Amount = Usd(usd), Channel = Channel.TrustFund, DecidedOn = Day(2024, 12, 1), BudgetLineId = lineId,
    };

    private static RecordDisbursementRequest Disbursement(string lineId, long usd, Date on) => new()
    {
        RequestId = NewId(), BudgetLineId = lineId, Amount = Usd(usd), DisbursedOn = on, Payee = "WFP Haiti", Purpose = "Convoys to the hospital",
    };
}
