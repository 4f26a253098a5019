using Coordination.Auth;
using Coordination.Finance.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Xunit;
using static Coordination.Tests.CrossService.Calls;
using static Coordination.Tests.Finance.FinanceDesk;

namespace Coordination.Tests.Finance;

/// <summary>The requirement: budget lines per mandate period, with original and revised amounts in USD.</summary>
public sealed class BudgetLineTests(FinanceClockFixture fixture) : IClassFixture<FinanceClockFixture>
{
    private FinanceDesk Desk => fixture.Desk;

    [Fact]
    public async Task A_finance_officer_adds_lines_to_a_period_opened_by_a_mandate_and_every_role_reads_them()
    {
        var period = await Desk.OpenPeriodAsync("S/RES/2751 (2024)", new DateOnly(2024, 10, 2), new DateOnly(2025, 10, 2));

        var personnel = await Desk.LineAsync(period.Id, BudgetCategory.PersonnelReimbursement, 120_000_000);
        var oversight = await Desk.Budget().CreateBudgetLineAsync(new CreateBudgetLineRequest
        {
            RequestId = NewId(), BudgetPeriodId = period.Id, Category = BudgetCategory.HumanRightsOversight,
            Description = "Human-rights compliance framework", Amount = Usd(4_250_000, 500_000_000),
        });

        Assert.Equal(Usd(120_000_000), personnel.OriginalAmount);
        Assert.Equal(Usd(120_000_000), personnel.RevisedAmount);
        Assert.Equal(Usd(4_250_000, 500_000_000), oversight.RevisedAmount);
        Assert.Equal(Usd(0), personnel.FundedUsd);
        foreach (var role in Roles.All)
        {
            var lines = await Desk.Budget(TestTokens.For("JAM", role)).ListBudgetLinesAsync(new ListBudgetLinesRequest { BudgetPeriodId = period.Id });
            Assert.Equal([personnel.Id, oversight.Id], lines.Lines.Select(l => l.Id));
        }
    }

    [Fact]
    public async Task A_contributor_cannot_earmark_its_pledge_to_a_budget_line_so_it_cannot_fill_a_shared_line()
    {
        var period = await Desk.OpenPeriodAsync("S/RES/2801 (2025)", new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31));
        var line = await Desk.LineAsync(period.Id, BudgetCategory.Logistics, 1_000_000);
        var italy = TestTokens.For("ITA", Roles.Contributor);
        RecordContributionRequest Pledge(string lineId) => new()
        {
            RequestId = NewId(), DonorNationCode = "ITA", Amount = Usd(1_000_000), Channel = Channel.TrustFund, DecidedOn = Day(2025, 1, 15),
            BudgetLineId = lineId,
        };

        // Its whole requirement pledged by one donor would read as covered to every other donor.
        await Desk.LedgerUnchangedAsync(() => RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Desk.Contributions(italy).RecordContributionAsync(Pledge(line.Id)).ResponseAsync));
        var own = await Desk.Contributions(italy).RecordContributionAsync(Pledge(""));
        Assert.Equal(("ITA", ""), (own.DonorNationCode, own.BudgetLineId));
        Assert.Equal(Usd(0), (await Desk.Budget().GetBudgetLineAsync(new GetBudgetLineRequest { Id = line.Id })).PledgedUsd);

        // Finance earmarks it.
        var earmarked = await Desk.Contributions().RecordContributionAsync(Pledge(line.Id));
        Assert.Equal(line.Id, earmarked.BudgetLineId);
        Assert.Equal(Usd(1_000_000), (await Desk.Budget().GetBudgetLineAsync(new GetBudgetLineRequest { Id = line.Id })).PledgedUsd);
    }

    [Fact]
    public async Task A_period_has_one_line_per_category_and_an_unknown_period_is_not_found()
    {
        var period = await Desk.OpenPeriodAsync("S/RES/2699 (2023)", new DateOnly(2023, 10, 2), new DateOnly(2024, 10, 1));
        await Desk.LineAsync(period.Id, BudgetCategory.Training, 2_000_000);

        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => Desk.LineAsync(period.Id, BudgetCategory.Training, 3_000_000));
        await RpcAssert.FailsWith(StatusCode.NotFound, () => Desk.LineAsync(new string('a', 32), BudgetCategory.Training, 3_000_000));
        await RpcAssert.FailsWith(StatusCode.NotFound, () => Desk.PledgeAsync("AUT", 10_000, budgetLineId: new string('b', 32)));
        Assert.Empty((await Desk.Contributions().ListContributionsAsync(new ListContributionsRequest { DonorNationCode = "AUT" })).Contributions);
    }

    [Fact]
    public async Task Revising_a_line_keeps_the_original_amount_and_every_revision_with_who_and_why()
    {
        var period = await Desk.OpenPeriodAsync("S/RES/2793 (2025)", new DateOnly(2025, 10, 3), new DateOnly(2026, 10, 2));
        var line = await Desk.LineAsync(period.Id, BudgetCategory.Logistics, 50_000_000);
        var admin = TestTokens.For("HTI", Roles.MissionAdmin, subject: "hti-mission-admin");

        await Desk.Budget().ReviseBudgetLineAsync(new ReviseBudgetLineRequest
        {
            RequestId = NewId(), Id = line.Id, RevisedAmount = Usd(65_000_000), Reason = "Ceiling raised to 5,550 by S/RES/2793",
        });
        var revised = await Desk.Budget(admin).ReviseBudgetLineAsync(new ReviseBudgetLineRequest
        {
            RequestId = "revise-logistics-2", Id = line.Id, RevisedAmount = Usd(61_500_000), Reason = "Fuel contract renegotiated",
        });

        Assert.Equal(Usd(50_000_000), revised.OriginalAmount);
        Assert.Equal(Usd(61_500_000), revised.RevisedAmount);
        Assert.Equal("hti-mission-admin", revised.Audit.UpdatedBy);
        Assert.Equal("revise-logistics-2", revised.Audit.LastRequestId);
        var history = await Desk.Budget(TestTokens.For("USA", Roles.Observer)).ListBudgetLineRevisionsAsync(new ListBudgetLineRevisionsRequest { Id = line.Id });
        Assert.Equal([(50_000_000L, 65_000_000L), (65_000_000L, 61_500_000L)], history.Revisions.Select(r => (r.PreviousAmount.Units, r.RevisedAmount.Units)));
        Assert.Equal(["Ceiling raised to 5,550 by S/RES/2793", "Fuel contract renegotiated"], history.Revisions.Select(r => r.Reason));
        Assert.Equal("hti-mission-admin", history.Revisions[1].RevisedBy);
    }

    [Fact]
    public async Task A_requirement_that_is_negative_not_in_USD_or_finer_than_a_cent_is_invalid_and_a_contributor_may_not_add_one()
    {
        var period = await Desk.OpenPeriodAsync("S/RES/2699 (2023) bis", new DateOnly(2023, 10, 2), new DateOnly(2024, 10, 1));
        CreateBudgetLineRequest Request(Coordination.Common.V1.Money amount) => new()
        {
            RequestId = NewId(), BudgetPeriodId = period.Id, Category = BudgetCategory.Equipment, Amount = amount,
        };

        await RpcAssert.InvalidFields(() => Desk.Budget().CreateBudgetLineAsync(Request(Usd(-1))).ResponseAsync, "amount");
        await RpcAssert.InvalidFields(() => Desk.Budget().CreateBudgetLineAsync(Request(Amount("EUR", 1_000))).ResponseAsync, "amount.currency_code");
        await RpcAssert.InvalidFields(() => Desk.Budget().CreateBudgetLineAsync(Request(Usd(10, 5_000_000))).ResponseAsync, "amount.nanos");
        await RpcAssert.InvalidFields(() => Desk.Budget().CreateBudgetLineAsync(new CreateBudgetLineRequest { RequestId = NewId(), BudgetPeriodId = period.Id, Amount = Usd(1) }).ResponseAsync, "category");
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Desk.Budget(TestTokens.For("KEN", Roles.Contributor)).CreateBudgetLineAsync(Request(Usd(1_000))).ResponseAsync);

        var lines = await Desk.Budget().ListBudgetLinesAsync(new ListBudgetLinesRequest { BudgetPeriodId = period.Id });
        Assert.Empty(lines.Lines);
    }
}
