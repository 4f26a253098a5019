using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Diplomacy.V1;
using Coordination.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.Diplomacy;

/// <summary>
/// What diplomacy takes from a client is bounded, through the gateway and by diplomacy's clock (here 2025-06-30): what
/// happened (a meeting, an announcement, an adoption, a party's step, a follow-up done) is dated neither after tomorrow
/// nor before 2000-01-01 and in its order; what is planned (a mandate's period, a due day) at most ten years ahead; a
/// repeated field is counted before its entries are read, and a repeated entry is refused where it repeats.
/// </summary>
public sealed class DiplomacyInputTests : IAsyncLifetime
{
    private static readonly Date[] Impossible = [Day(2025, 7, 2), Day(9999, 12, 31), Day(1999, 12, 31)];

    private readonly TestClock clock = new(new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat);
    private SuiteHost suite = null!;

    public async Task InitializeAsync()
    {
        suite = await SuiteHost.StartAsync(["diplomacy"], services: s => s.AddSingleton<TimeProvider>(clock));
        await suite.StartGatewayAsync(SuiteHost.UnlimitedPartners());
    }

    public Task DisposeAsync() => suite.DisposeAsync().AsTask();

    private EngagementService.EngagementServiceClient Engagements => suite.ViaGateway<EngagementService.EngagementServiceClient>(diplomat);

    private MandateService.MandateServiceClient Mandates => suite.ViaGateway<MandateService.MandateServiceClient>(diplomat);

    private AgreementService.AgreementServiceClient Agreements => suite.ViaGateway<AgreementService.AgreementServiceClient>(diplomat);

    private CommitmentService.CommitmentServiceClient Commitments => suite.ViaGateway<CommitmentService.CommitmentServiceClient>(diplomat);

    private static RecordEngagementRequest Meeting(Date heldOn) => new()
    {
        RequestId = NewId(),
        Kind = EngagementKind.Meeting,
        Title = "President Ruto and Prime Minister Conille, State House Nairobi",
        HeldOn = heldOn,
        Participants = { new Participant { NationCode = "KEN", Role = "President" }, new Participant { NationCode = "HTI", Role = "Prime Minister" } },
    };

    private static AdoptMandateRequest Mandate(Date adoptedOn, Date start, Date end) => new()
    {
        RequestId = NewId(), ResolutionSymbol = $"S/RES/T{NewId()[..8]} (2025)", AdoptedOn = adoptedOn, PeriodStart = start, PeriodEnd = end,
        PersonnelCeiling = 2_500,
    };

    private async Task<int> EngagementCountAsync() =>
        (await Engagements.ListEngagementsAsync(new ListEngagementsRequest { Page = new PageRequest { PageSize = 500 } })).Engagements.Count;

    [Fact]
    public async Task A_participant_named_twice_is_refused_on_the_repeated_entry_and_nothing_is_recorded()
    {
        var request = Meeting(Day(2025, 6, 1));
        request.Participants.Add(new Participant { NationCode = "JAM", Role = "Minister of National Security" });
        request.Participants.Add(new Participant { NationCode = "KEN", Role = "President" });

        var refused = await RpcAssert.InvalidFields(() => Engagements.RecordEngagementAsync(request).ResponseAsync, "participants[3]");

        Assert.Contains("participants[0]", refused.FieldViolations[0].Description, StringComparison.Ordinal);
        Assert.Equal(0, await EngagementCountAsync());
        request.Participants.RemoveAt(3);
        request.Participants.Add(new Participant { NationCode = "KEN", Role = "Cabinet Secretary for Foreign Affairs" });
        Assert.Equal(4, (await Engagements.RecordEngagementAsync(request)).Participants.Count);
    }

    [Fact]
    public async Task A_repeated_field_over_its_limit_is_refused_on_its_count_before_any_entry_is_read()
    {
        var engagement = Meeting(Day(2025, 6, 1));
        engagement.Participants.Clear();
        engagement.Participants.AddRange(Enumerable.Range(0, 101).Select(_ => new Participant { NationCode = "XXX", Role = "" }));
        engagement.FollowUps.AddRange(Enumerable.Range(0, 51).Select(_ => new NewFollowUp()));
        await RpcAssert.InvalidFields(() => Engagements.RecordEngagementAsync(engagement).ResponseAsync, "participants", "follow_ups");

        var agreement = new CreateAgreementRequest { RequestId = NewId(), Kind = AgreementKind.StatusOfForces, Title = "SOFA" };
        agreement.PartyNationCodes.AddRange(Enumerable.Repeat("XXX", 51));
        await RpcAssert.InvalidFields(() => Agreements.CreateAgreementAsync(agreement).ResponseAsync, "party_nation_codes");

        var mandate = Mandate(Day(2025, 6, 1), Day(2025, 6, 1), Day(2026, 5, 31));
        mandate.MemberVotes.AddRange(Enumerable.Range(0, 16).Select(_ => new MemberVote { MemberCode = "XXX" }));
        mandate.Tasks.AddRange(Enumerable.Repeat("", 51));
        mandate.ReportingObligations.AddRange(Enumerable.Range(0, 51).Select(_ => new ReportingObligation()));
        await RpcAssert.InvalidFields(() => Mandates.AdoptMandateAsync(mandate).ResponseAsync, "member_votes", "tasks", "reporting_obligations");

        Assert.Equal(0, await EngagementCountAsync());
    }

    [Fact]
    public async Task A_meeting_is_not_held_in_the_future_and_its_follow_ups_fall_due_after_it_and_are_done_after_it()
    {
        foreach (var day in Impossible)
        {
            await RpcAssert.InvalidFields(() => Engagements.RecordEngagementAsync(Meeting(day)).ResponseAsync, "held_on");
        }
        foreach (var due in new[] { Day(2025, 5, 31), Day(2035, 7, 1), Day(9999, 12, 31) })
        {
            var request = Meeting(Day(2025, 6, 1));
            request.FollowUps.Add(new NewFollowUp { Action = "Confirm deployment dates", Owner = "KEN Ministry of Interior", DueOn = due });
            await RpcAssert.InvalidFields(() => Engagements.RecordEngagementAsync(request).ResponseAsync, "follow_ups[0].due_on");
        }
        Assert.Equal(0, await EngagementCountAsync());

        var planned = Meeting(Day(2025, 6, 1));
        planned.FollowUps.Add(new NewFollowUp { Action = "Review the partnership", Owner = "Mission HQ", DueOn = Day(2035, 6, 30) });
        var engagement = await Engagements.RecordEngagementAsync(planned);
        var followUp = Assert.Single(engagement.FollowUps).Id;
        CompleteFollowUpRequest Done(Date on) => new() { RequestId = NewId(), EngagementId = engagement.Id, FollowUpId = followUp, CompletedOn = on };
        foreach (var day in Impossible.Append(Day(2025, 5, 31)))
        {
            await RpcAssert.InvalidFields(() => Engagements.CompleteFollowUpAsync(Done(day)).ResponseAsync, "completed_on");
        }
        Assert.Equal(Day(2025, 6, 30), (await Engagements.CompleteFollowUpAsync(Done(Day(2025, 6, 30)))).FollowUps[0].CompletedOn);
    }

    [Fact]
    public async Task A_commitment_is_not_announced_in_the_future_falls_due_within_ten_years_and_promises_at_most_USD_10_billion()
    {
        AnnounceCommitmentRequest Funds(Date announced, Date due, Money amount) => new()
        {
            RequestId = NewId(), NationCode = "USA", Kind = CommitmentKind.Funds, Description = "USD to the trust fund",
            AnnouncedOn = announced, DueOn = due, Amount = amount,
        };
        var usd = new Money { CurrencyCode = "USD", Units = 10_000_000 };

        foreach (var day in Impossible)
        {
            await RpcAssert.InvalidFields(() => Commitments.AnnounceCommitmentAsync(Funds(day, Day(2026, 6, 30), usd)).ResponseAsync, "announced_on");
        }
        await RpcAssert.InvalidFields(() => Commitments.AnnounceCommitmentAsync(Funds(Day(2025, 6, 1), Day(9999, 12, 31), usd)).ResponseAsync, "due_on");
        await RpcAssert.InvalidFields(() => Commitments.AnnounceCommitmentAsync(
            Funds(Day(2025, 6, 1), Day(2026, 6, 30), new Money { CurrencyCode = "USD", Units = 10_000_000_000, Nanos = 10_000_000 })).ResponseAsync, "amount");
        Assert.Empty((await Commitments.ListCommitmentsAsync(new ListCommitmentsRequest())).Commitments);

        var atTheBound = await Commitments.AnnounceCommitmentAsync(Funds(Day(2025, 6, 1), Day(2035, 6, 30), new Money { CurrencyCode = "USD", Units = 10_000_000_000 }));
        Assert.Equal(10_000_000_000, atTheBound.AmountPromised.Units);
    }

    [Fact]
    public async Task A_party_takes_each_step_of_an_agreement_on_a_day_that_has_come_and_not_before_its_previous_step()
    {
        var agreement = await Agreements.CreateAgreementAsync(new CreateAgreementRequest
        {
            RequestId = NewId(), Kind = AgreementKind.StatusOfForces, Title = "Status of forces, Kenya and Haiti", PartyNationCodes = { "KEN", "HTI" },
        });
        ChangePartyStatusRequest Step(AgreementStatus status, Date on) => new()
        {
            RequestId = NewId(), Id = agreement.Id, NationCode = "KEN", Status = status, EffectiveOn = on,
        };

        foreach (var day in Impossible)
        {
            await RpcAssert.InvalidFields(() => Agreements.ChangePartyStatusAsync(Step(AgreementStatus.Signed, day)).ResponseAsync, "effective_on");
        }
        await Agreements.ChangePartyStatusAsync(Step(AgreementStatus.Signed, Day(2025, 3, 1)));
        await RpcAssert.InvalidFields(() => Agreements.ChangePartyStatusAsync(Step(AgreementStatus.Ratified, Day(2025, 2, 28))).ResponseAsync, "effective_on");

        var ratified = await Agreements.ChangePartyStatusAsync(Step(AgreementStatus.Ratified, Day(2025, 3, 1)));
        Assert.Equal((Day(2025, 3, 1), Day(2025, 3, 1)), (ratified.Parties[0].SignedOn, ratified.Parties[0].RatifiedOn));
    }

    [Fact]
    public async Task A_mandate_is_adopted_on_a_day_that_has_come_for_a_period_within_ten_years_and_renewed_after_its_adoption()
    {
        foreach (var day in Impossible)
        {
            await RpcAssert.InvalidFields(() => Mandates.AdoptMandateAsync(Mandate(day, Day(2025, 6, 1), Day(2026, 5, 31))).ResponseAsync, "adopted_on");
        }
        await RpcAssert.InvalidFields(() => Mandates.AdoptMandateAsync(Mandate(Day(2025, 6, 1), Day(2025, 6, 1), Day(9999, 12, 31))).ResponseAsync, "period_end");
        await RpcAssert.InvalidFields(() => Mandates.AdoptMandateAsync(Mandate(Day(2025, 6, 1), Day(1999, 12, 31), Day(2026, 5, 31))).ResponseAsync, "period_start");
        Assert.Empty((await Mandates.ListMandatesAsync(new ListMandatesRequest())).Mandates);

        var mandate = await Mandates.AdoptMandateAsync(Mandate(Day(2025, 6, 1), Day(2025, 6, 1), Day(2025, 12, 31)));
        ExtendMandateRequest Renewal(Date adoptedOn, Date end) => new()
        {
            RequestId = NewId(), Id = mandate.Id, ResolutionSymbol = $"S/RES/R{NewId()[..8]} (2025)", AdoptedOn = adoptedOn, PeriodEnd = end,
        };
        foreach (var day in Impossible.Append(Day(2025, 5, 31)))
        {
            await RpcAssert.InvalidFields(() => Mandates.ExtendMandateAsync(Renewal(day, Day(2026, 12, 31))).ResponseAsync, "adopted_on");
        }
        await RpcAssert.InvalidFields(() => Mandates.ExtendMandateAsync(Renewal(Day(2025, 6, 30), Day(9999, 12, 31))).ResponseAsync, "period_end");

        var renewed = await Mandates.ExtendMandateAsync(Renewal(Day(2025, 6, 30), Day(2026, 12, 31)));
        Assert.Equal(Day(2026, 12, 31), renewed.PeriodEnd);
    }
}
