using Coordination.Auth;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.Diplomacy;

/// <summary>Agreements: each party's own lifecycle, the agreement in force when all are, and the nation × instrument matrix.</summary>
public sealed class AgreementApiTests(DiplomacyFixture fixture) : IClassFixture<DiplomacyFixture>
{
    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat);

    private AgreementService.AgreementServiceClient Agreements(string? token) => fixture.Client<AgreementService.AgreementServiceClient>(token);

    private Task<Agreement> CreateAsync(AgreementKind kind, params string[] parties) =>
        Agreements(diplomat).CreateAgreementAsync(new CreateAgreementRequest
        {
            RequestId = NewId(),
            Kind = kind,
            Title = $"{kind} between {string.Join(" and ", parties)}",
            PartyNationCodes = { parties },
        }).ResponseAsync;

    private Task<Agreement> StepAsync(Agreement agreement, string nation, AgreementStatus status, int day) =>
        Agreements(diplomat).ChangePartyStatusAsync(new ChangePartyStatusRequest
        {
            RequestId = NewId(), Id = agreement.Id, NationCode = nation, Status = status, EffectiveOn = Day(2024, 3, day),
        }).ResponseAsync;

    [Fact]
    public async Task An_agreement_is_announced_in_force_from_the_day_its_last_party_entered_into_force_whatever_order_the_steps_were_recorded_in()
    {
        var sofa = await CreateAsync(AgreementKind.StatusOfForces, "LBR", "HTI");
        foreach (var party in new[] { "LBR", "HTI" })
        {
            await StepAsync(sofa, party, AgreementStatus.Signed, 2);
            await StepAsync(sofa, party, AgreementStatus.Ratified, 3);
        }

        // The host state's entry into force (20 March) is recorded first; Liberia's earlier one (12 March) completes it.
        await StepAsync(sofa, "HTI", AgreementStatus.InForce, 20);
        var inForce = await StepAsync(sofa, "LBR", AgreementStatus.InForce, 12);

        Assert.Equal(AgreementStatus.InForce, inForce.Status);
        var announced = Assert.Single(await Outbox.ReadAsync<Coordination.Events.AgreementInForce>(fixture.Suite.Scope("diplomacy"), sofa.Id));
        Assert.Equal(new DateOnly(2024, 3, 20), announced.InForceOn);
    }

    [Fact]
    public async Task A_status_of_forces_agreement_enters_into_force_when_every_party_has_ratified_and_brought_it_into_force()
    {
        var sofa = await CreateAsync(AgreementKind.StatusOfForces, "ZMB", "HTI");
        Assert.Equal(AgreementStatus.Draft, sofa.Status);

        foreach (var status in new[] { AgreementStatus.Signed, AgreementStatus.Ratified, AgreementStatus.InForce })
        {
            sofa = await StepAsync(sofa, "ZMB", status, 1 + (int)status);
        }
        Assert.Equal(AgreementStatus.Draft, sofa.Status);
        Assert.Equal(Day(2024, 3, 5), sofa.Parties[0].InForceOn);
        foreach (var status in new[] { AgreementStatus.Signed, AgreementStatus.Ratified, AgreementStatus.InForce })
        {
            sofa = await StepAsync(sofa, "HTI", status, 10 + (int)status);
        }

        Assert.Equal(AgreementStatus.InForce, sofa.Status);
        await using var scope = fixture.Suite.Scope("diplomacy");
        var db = scope.ServiceProvider.GetRequiredService<DiplomacyDbContext>();
        var announced = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == "AgreementInForce").ToListAsync();
        var mine = Assert.Single(announced, m => m.Payload.Contains(sofa.Id, StringComparison.Ordinal));
        Assert.Contains("\"parties\":[\"ZMB\",\"HTI\"]", mine.Payload, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"STATUS_OF_FORCES\"", mine.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_party_signing_twice_or_skipping_a_step_is_refused_and_nothing_changes()
    {
        var agreement = await CreateAsync(AgreementKind.BilateralReciprocal, "BEN", "HTI");
        await StepAsync(agreement, "BEN", AgreementStatus.Signed, 1);

        var twice = await RpcAssert.FailedPrecondition(() => StepAsync(agreement, "BEN", AgreementStatus.Signed, 2), "AGREEMENT_PARTY_TRANSITION");
        Assert.Contains("already AGREEMENT_STATUS_SIGNED", twice.Violations[0].Description, StringComparison.Ordinal);
        await RpcAssert.FailedPrecondition(() => StepAsync(agreement, "HTI", AgreementStatus.InForce, 2), "AGREEMENT_PARTY_TRANSITION");
        await RpcAssert.InvalidFields(() => StepAsync(agreement, "USA", AgreementStatus.Signed, 2), "nation_code");

        var read = await Agreements(diplomat).GetAgreementAsync(new GetAgreementRequest { Id = agreement.Id });
        Assert.Equal([AgreementStatus.Signed, AgreementStatus.Draft], read.Parties.Select(p => p.Status));
        Assert.Equal(Day(2024, 3, 1), read.Parties[0].SignedOn);
    }

    [Fact]
    public async Task The_matrix_shows_how_far_each_nation_has_come_in_each_kind_of_instrument()
    {
        var sofa = await CreateAsync(AgreementKind.StatusOfForces, "SUR", "HTI");
        await StepAsync(sofa, "SUR", AgreementStatus.Signed, 1);
        await StepAsync(sofa, "HTI", AgreementStatus.Signed, 1);
        var older = await CreateAsync(AgreementKind.StatusOfForces, "SUR", "HTI");
        await CreateAsync(AgreementKind.MouCulture, "SUR", "HTI");

        var matrix = await Agreements(diplomat).GetAgreementMatrixAsync(new GetAgreementMatrixRequest());

        var sur = matrix.Cells.Where(c => c.NationCode == "SUR").ToList();
        Assert.Equal([AgreementKind.StatusOfForces, AgreementKind.MouCulture], sur.Select(c => c.Kind));
        Assert.Equal(AgreementStatus.Signed, sur[0].Status);
        Assert.Equal(sofa.Id, sur[0].AgreementId);
        Assert.NotEqual(older.Id, sur[0].AgreementId);
        Assert.Equal(AgreementStatus.Draft, sur[1].Status);
    }

    [Fact]
    public async Task A_contributor_reads_its_own_nations_agreements_only_and_writes_none()
    {
        var agreement = await CreateAsync(AgreementKind.MouTourism, "KEN", "HTI");
        var kenya = TestTokens.For("KEN", Roles.Contributor);
        var jamaica = TestTokens.For("JAM", Roles.Contributor);

        Assert.Equal(agreement.Id, (await Agreements(kenya).GetAgreementAsync(new GetAgreementRequest { Id = agreement.Id })).Id);
        Assert.All((await Agreements(kenya).ListAgreementsAsync(new ListAgreementsRequest())).Agreements,
            a => Assert.Contains(a.Parties, p => p.NationCode == "KEN"));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Agreements(jamaica).GetAgreementAsync(new GetAgreementRequest { Id = agreement.Id }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Agreements(kenya).ChangePartyStatusAsync(new ChangePartyStatusRequest
        {
            RequestId = NewId(), Id = agreement.Id, NationCode = "KEN", Status = AgreementStatus.Signed, EffectiveOn = Day(2024, 3, 1),
        }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Agreements(TestTokens.For("CAN", Roles.Observer)).GetAgreementMatrixAsync(new GetAgreementMatrixRequest()).ResponseAsync);
    }

    [Fact]
    public async Task An_agreement_needs_two_distinct_real_parties_a_kind_and_a_title()
    {
        await RpcAssert.InvalidFields(() => Agreements(diplomat).CreateAgreementAsync(new CreateAgreementRequest
        {
            RequestId = NewId(), Kind = AgreementKind.Unspecified, Title = "", PartyNationCodes = { "KEN", "KEN", "XXX" },
        }).ResponseAsync, "kind", "title", "party_nation_codes[2]", "party_nation_codes[1]");
    }

    [Fact]
    public async Task The_calendar_lists_expiries_reviews_and_reports_due_in_order_and_observers_may_read_it()
    {
        var mandates = fixture.Client<MandateService.MandateServiceClient>(diplomat);
        await mandates.AdoptMandateAsync(new AdoptMandateRequest
        {
            RequestId = NewId(),
            ResolutionSymbol = $"S/RES/CAL-{NewId()[..6]}",
            AdoptedOn = Day(2025, 12, 1),
            PeriodStart = Day(2031, 1, 1),
            PeriodEnd = Day(2031, 12, 31),
            PersonnelCeiling = 1_000,
            ReportingObligations =
            {
                new ReportingObligation { Title = "Secretary-General's report", DueOn = Day(2031, 6, 30), Kind = ObligationKind.Report },
                new ReportingObligation { Title = "Council briefing", DueOn = Day(2031, 3, 15), Kind = ObligationKind.Review },
            },
        });

        var calendar = await fixture.Client<MandateService.MandateServiceClient>(TestTokens.For("CAN", Roles.Observer))
            .GetMandateCalendarAsync(new GetMandateCalendarRequest { From = Day(2031, 1, 1), To = Day(2031, 12, 31) });

        Assert.Equal([CalendarEntryKind.Review, CalendarEntryKind.ReportDue, CalendarEntryKind.Expiry], calendar.Entries.Select(e => e.Kind));
        Assert.Equal([Day(2031, 3, 15), Day(2031, 6, 30), Day(2031, 12, 31)], calendar.Entries.Select(e => e.On));
    }

    [Fact]
    public async Task Member_votes_must_add_up_to_the_recorded_vote()
    {
        var request = new AdoptMandateRequest
        {
            RequestId = NewId(),
            ResolutionSymbol = $"S/RES/VOTE-{NewId()[..6]}",
            AdoptedOn = Day(2023, 10, 2),
            Vote = new Vote { InFavour = 1, Abstentions = 2 },
            PeriodStart = Day(2023, 10, 2),
            PeriodEnd = Day(2024, 10, 1),
            PersonnelCeiling = 2_500,
            MemberVotes =
            {
                new MemberVote { MemberCode = "USA", Position = VotePosition.InFavour },
                new MemberVote { MemberCode = "CHN", Position = VotePosition.Abstain },
            },
        };
        await RpcAssert.InvalidFields(() => fixture.Client<MandateService.MandateServiceClient>(diplomat).AdoptMandateAsync(request).ResponseAsync, "member_votes");

        request.MemberVotes.Add(new MemberVote { MemberCode = "RUS", Position = VotePosition.Abstain });
        var adopted = await fixture.Client<MandateService.MandateServiceClient>(diplomat).AdoptMandateAsync(request);
        Assert.Equal(["USA", "CHN", "RUS"], adopted.MemberVotes.Select(m => m.MemberCode));
    }
}
