using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Diplomacy.V1;
using Coordination.Finance.V1;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.CrossService;

/// <summary>
/// The loop partners are judged by: a commitment announced in diplomacy is fulfilled by the pledge personnel
/// records and the payment finance records, each arriving as an event; the brief shows it all.
/// </summary>
public sealed class CommitmentFlowTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>
{
    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat);
    private readonly string kenya = TestTokens.For("KEN", Roles.Contributor);
    private readonly string financeOfficer = TestTokens.For("HTI", Roles.FinanceOfficer);

    [Fact]
    public async Task Commitments_announced_here_are_fulfilled_by_personnels_pledges_and_finances_payments()
    {
        var suite = fixture.Suite;
        var engagement = await suite.ViaGateway<EngagementService.EngagementServiceClient>(diplomat).RecordEngagementAsync(new RecordEngagementRequest
        {
            RequestId = NewId(),
            Kind = EngagementKind.Meeting,
            Title = "President Ruto and Prime Minister Conille",
            HeldOn = Day(2024, 10, 11),
            Participants = { new Participant { NationCode = "KEN", Role = "President" }, new Participant { NationCode = "HTI", Role = "Prime Minister" } },
        });
        var commitments = suite.ViaGateway<CommitmentService.CommitmentServiceClient>(diplomat);
        var officers = await commitments.AnnounceCommitmentAsync(new AnnounceCommitmentRequest
        {
            RequestId = NewId(), NationCode = "KEN", Kind = CommitmentKind.Personnel, Description = "600 more officers next month",
            EngagementId = engagement.Id, AnnouncedOn = Day(2024, 10, 11), DueOn = YearsAhead(4), Officers = 600,
        });
        var money = await commitments.AnnounceCommitmentAsync(new AnnounceCommitmentRequest
        {
            RequestId = NewId(), NationCode = "KEN", Kind = CommitmentKind.Funds, Description = "USD 10M to the trust fund",
            EngagementId = engagement.Id, AnnouncedOn = Day(2024, 10, 11), DueOn = YearsAhead(),
            Amount = new Money { CurrencyCode = "USD", Units = 10_000_000 },
        });

        var pledges = suite.ViaGateway<PledgeService.PledgeServiceClient>(kenya);
        var first = await pledges.CreatePledgeAsync(new CreatePledgeRequest { RequestId = NewId(), NationCode = "KEN", UnitType = UnitType.FormedPoliceUnit, OfficerCount = 400 });
        var mine = suite.ViaGateway<CommitmentService.CommitmentServiceClient>(kenya);
        var partly = await Eventually.Get(() => mine.GetCommitmentAsync(new GetCommitmentRequest { Id = officers.Id }).ResponseAsync,
            c => c.OfficersDelivered == 400, what: "diplomacy to count the first pledge");
        Assert.Equal(CommitmentState.PartlyFulfilled, partly.State);

        var second = await pledges.CreatePledgeAsync(new CreatePledgeRequest { RequestId = NewId(), NationCode = "KEN", UnitType = UnitType.FormedPoliceUnit, OfficerCount = 300 });
        var fulfilled = await Eventually.Get(() => mine.GetCommitmentAsync(new GetCommitmentRequest { Id = officers.Id }).ResponseAsync,
            c => c.State == CommitmentState.Fulfilled, what: "diplomacy to count the second pledge");
        Assert.Equal(600, fulfilled.OfficersDelivered);
        Assert.Equal([(first.Id, 400), (second.Id, 200)], fulfilled.Fulfilments.Select(f => (f.SourceId, f.Officers)));
        Assert.All(fulfilled.Fulfilments, f => Assert.Equal("personnel-pledge", f.Source));

        var contributions = suite.ViaGateway<ContributionService.ContributionServiceClient>(financeOfficer);
        var contribution = await contributions.RecordContributionAsync(new RecordContributionRequest
        {
            RequestId = NewId(), DonorNationCode = "KEN", Amount = new Money { CurrencyCode = "USD", Units = 10_000_000 },
            Channel = Channel.TrustFund, DecidedOn = Day(2024, 10, 20),
        });
        foreach (var status in new[] { ContributionStatus.Committed, ContributionStatus.Paid })
        {
            await contributions.ChangeContributionStatusAsync(new ChangeContributionStatusRequest
            {
                RequestId = NewId(), Id = contribution.Id, Status = status, EffectiveOn = Day(2024, 11, 5),
            });
        }
        var paid = await Eventually.Get(() => mine.GetCommitmentAsync(new GetCommitmentRequest { Id = money.Id }).ResponseAsync,
            c => c.State == CommitmentState.Fulfilled, what: "diplomacy to count the payment");
        Assert.Equal(contribution.Id, Assert.Single(paid.Fulfilments).SourceId);

        var brief = await Eventually.Get(
            () => suite.ViaGateway<PartnerService.PartnerServiceClient>(kenya).GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "KEN" }).ResponseAsync,
            b => b.PaidUsd.Units == 10_000_000, what: "the brief to show the payment");
        Assert.Equal(700, brief.PledgedOfficers);
        Assert.Equal(10_000_000, brief.PledgedUsd.Units);
        Assert.Equal(2, Assert.Single(brief.CommitmentCounts).Count);
        Assert.Equal(CommitmentState.Fulfilled, brief.CommitmentCounts[0].State);
    }

    [Fact]
    public async Task A_pledge_withdrawn_in_personnel_no_longer_fulfils_commitments_nor_counts_in_the_brief()
    {
        var suite = fixture.Suite;
        var jamaica = TestTokens.For("JAM", Roles.Contributor);
        var commitments = suite.ViaGateway<CommitmentService.CommitmentServiceClient>(diplomat);
        var overdue = await commitments.AnnounceCommitmentAsync(new AnnounceCommitmentRequest
        {
            RequestId = NewId(), NationCode = "JAM", Kind = CommitmentKind.Personnel, Description = "100 officers before December",
            AnnouncedOn = Day(2024, 10, 11), DueOn = Day(2024, 11, 30), Officers = 100,
        });
        var later = await commitments.AnnounceCommitmentAsync(new AnnounceCommitmentRequest
        {
            RequestId = NewId(), NationCode = "JAM", Kind = CommitmentKind.Personnel, Description = "500 officers next year",
            AnnouncedOn = Day(2024, 10, 11), DueOn = YearsAhead(), Officers = 500,
        });

        var pledges = suite.ViaGateway<PledgeService.PledgeServiceClient>(jamaica);
        var briefs = suite.ViaGateway<PartnerService.PartnerServiceClient>(jamaica);
        var first = await pledges.CreatePledgeAsync(new CreatePledgeRequest { RequestId = NewId(), NationCode = "JAM", UnitType = UnitType.FormedPoliceUnit, OfficerCount = 300 });
        await Eventually.Get(() => briefs.GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "JAM" }).ResponseAsync,
            b => b.PledgedOfficers == 300, what: "diplomacy to count the first pledge");
        var second = await pledges.CreatePledgeAsync(new CreatePledgeRequest { RequestId = NewId(), NationCode = "JAM", UnitType = UnitType.FormedPoliceUnit, OfficerCount = 300 });
        var brief = await Eventually.Get(() => briefs.GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "JAM" }).ResponseAsync,
            b => b.PledgedOfficers == 600 && b.Commitments.All(c => c.State == CommitmentState.Fulfilled), what: "diplomacy to count both pledges");
        Assert.Equal([(first.Id, 100)], brief.Commitments.Single(c => c.Id == overdue.Id).Fulfilments.Select(f => (f.SourceId, f.Officers)));
        Assert.Equal(500, brief.Commitments.Single(c => c.Id == later.Id).Fulfilments.Sum(f => f.Officers));

        var withdrawn = await pledges.WithdrawPledgeAsync(new WithdrawPledgeRequest { RequestId = NewId(), Id = first.Id, Reason = "Units needed at home" });
        Assert.Equal(PledgeStatus.Withdrawn, withdrawn.Status);
        brief = await Eventually.Get(() => briefs.GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "JAM" }).ResponseAsync,
            b => b.PledgedOfficers == 300, what: "diplomacy to take the withdrawn pledge off the brief");
        var slipping = brief.Commitments.Single(c => c.Id == overdue.Id);
        Assert.Equal(CommitmentState.Slipping, slipping.State);
        Assert.Equal(0, slipping.OfficersDelivered);
        Assert.Empty(slipping.Fulfilments);
        var partly = brief.Commitments.Single(c => c.Id == later.Id);
        Assert.Equal(CommitmentState.PartlyFulfilled, partly.State);
        Assert.Equal(300, partly.OfficersDelivered);
        Assert.Equal([(second.Id, 300)], partly.Fulfilments.Select(f => (f.SourceId, f.Officers)));
        Assert.Equal([(CommitmentState.PartlyFulfilled, 1), (CommitmentState.Slipping, 1)], brief.CommitmentCounts.Select(c => (c.State, c.Count)));

        await pledges.WithdrawPledgeAsync(new WithdrawPledgeRequest { RequestId = NewId(), Id = second.Id, Reason = "Mission postponed" });
        var open = await Eventually.Get(() => commitments.GetCommitmentAsync(new GetCommitmentRequest { Id = later.Id }).ResponseAsync,
            c => c.OfficersDelivered == 0, what: "diplomacy to take back the second pledge");
        Assert.Equal(CommitmentState.Open, open.State);
        Assert.Empty(open.Fulfilments);
        brief = await briefs.GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "JAM" });
        Assert.Equal(0, brief.PledgedOfficers);
    }

    [Fact]
    public async Task A_suspended_contribution_no_longer_counts_in_what_its_donor_pledged_and_lifting_the_suspension_counts_it_again()
    {
        var suite = fixture.Suite;
        var canada = TestTokens.For("CAN", Roles.Contributor);
        var briefs = suite.ViaGateway<PartnerService.PartnerServiceClient>(canada);
        var contributions = suite.ViaGateway<ContributionService.ContributionServiceClient>(financeOfficer);
        Task<Contribution> Record(long units) => contributions.RecordContributionAsync(new RecordContributionRequest
        {
            RequestId = NewId(), DonorNationCode = "CAN", Amount = new Money { CurrencyCode = "USD", Units = units },
            Channel = Channel.TrustFund, DecidedOn = Day(2024, 10, 20),
        }).ResponseAsync;
        Task<Contribution> Change(string id, ContributionStatus status, string reason = "") => contributions.ChangeContributionStatusAsync(
            new ChangeContributionStatusRequest { RequestId = NewId(), Id = id, Status = status, EffectiveOn = Day(2024, 11, 5), Reason = reason }).ResponseAsync;
        var before = (await briefs.GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "CAN" })).PledgedUsd?.Units ?? 0;

        await Record(1_000_000);
        var audited = await Record(4_000_000);
        await Change(audited.Id, ContributionStatus.Committed);
        await Eventually.Get(() => briefs.GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "CAN" }).ResponseAsync,
            b => b.PledgedUsd?.Units == before + 5_000_000, what: "diplomacy to count both pledges");

        await Change(audited.Id, ContributionStatus.Suspended, "Audit of the transfer");
        await Eventually.Get(() => briefs.GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "CAN" }).ResponseAsync,
            b => b.PledgedUsd?.Units == before + 1_000_000, what: "diplomacy to take the suspended contribution off the pledged USD");

        await Change(audited.Id, ContributionStatus.Committed);
        await Eventually.Get(() => briefs.GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "CAN" }).ResponseAsync,
            b => b.PledgedUsd?.Units == before + 5_000_000, what: "diplomacy to count the reinstated contribution again");
    }

    [Fact]
    public async Task A_successor_mandate_carries_contingents_over_moves_the_ceiling_and_opens_a_budget_period()
    {
        var suite = fixture.Suite;
        var admin = TestTokens.For("HTI", Roles.MissionAdmin);
        var mandates = suite.ViaGateway<MandateService.MandateServiceClient>(diplomat);
        var mss = await AdoptAsync(suite, diplomat, "S/RES/2751 (2024)", Day(2024, 10, 2), Day(2025, 10, 2), 2_500);
        await PersonnelKnowsMandateAsync(suite, admin, "S/RES/2751 (2024)");
        var contingent = await DeployAsync(suite, admin, "KEN", 200, 12, Day(2025, 6, 25));
        Assert.Equal(Day(2025, 10, 2), contingent.PlannedTourEnd);

        var gsf = await mandates.TransitionMandateAsync(new TransitionMandateRequest
        {
            RequestId = NewId(),
            Id = mss.Id,
            Successor = new AdoptMandateRequest
            {
                ResolutionSymbol = "S/RES/2793 (2025)",
                AdoptedOn = Day(2025, 9, 30),
                Vote = new Vote { InFavour = 12, Abstentions = 3 },
                PeriodStart = Day(2025, 10, 3),
                PeriodEnd = Day(2026, 10, 2),
                PersonnelCeiling = 5_550,
                Tasks = { "Gang Suppression Force: neutralise gangs and protect critical infrastructure" },
            },
        });
        Assert.Equal(mss.Id, gsf.PredecessorId);
        Assert.Equal(MandateStatus.Succeeded, (await mandates.GetMandateAsync(new GetMandateRequest { Id = mss.Id })).Status);

        var strength = await PersonnelKnowsMandateAsync(suite, admin, "S/RES/2793 (2025)");
        Assert.Equal(5_550, strength.AuthorizedCeiling);
        var carried = await Eventually.Get(
            () => suite.ViaGateway<ContingentService.ContingentServiceClient>(admin).GetContingentAsync(new GetContingentRequest { Id = contingent.Id }).ResponseAsync,
            c => !c.TourEndCappedByMandate, what: "personnel to carry the contingent over");
        Assert.Equal(Day(2026, 6, 24), carried.PlannedTourEnd);
        await Eventually.Get(
            () => suite.ViaGateway<BudgetService.BudgetServiceClient>(admin).ListBudgetPeriodsAsync(new ListBudgetPeriodsRequest()).ResponseAsync,
            p => p.Periods.Any(x => x.ResolutionSymbol == "S/RES/2793 (2025)" && x.StartsOn.Equals(Day(2025, 10, 3))), what: "finance to open the successor's budget period");

        await RpcAssert.FailedPrecondition(() => mandates.ExtendMandateAsync(new ExtendMandateRequest
        {
            RequestId = NewId(), Id = mss.Id, ResolutionSymbol = "S/RES/9999 (2025)", AdoptedOn = Day(2025, 9, 30), PeriodEnd = Day(2026, 10, 2),
        }).ResponseAsync, "MANDATE_SUCCEEDED");
    }
}
