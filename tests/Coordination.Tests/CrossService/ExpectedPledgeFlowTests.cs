using Coordination.Auth;
using Coordination.Diplomacy.V1;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.CrossService;

/// <summary>
/// A partner's commitment of officers announced in diplomacy becomes an expected pledge in personnel's force
/// generation (CommitmentAnnounced over RabbitMQ), and the nation's pledges made since count against it.
/// </summary>
public sealed class ExpectedPledgeFlowTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>
{
    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat);
    private readonly string kenya = TestTokens.For("KEN", Roles.Contributor);

    [Fact]
    public async Task Officers_a_nation_announces_become_an_expected_pledge_that_its_pledges_made_since_count_against()
    {
        var suite = fixture.Suite;
        var pledges = suite.ViaGateway<PledgeService.PledgeServiceClient>(kenya);
        // Pledged before the announcement: it answered no announcement, so it counts against none.
        var earlier = await pledges.CreatePledgeAsync(new CreatePledgeRequest
        {
            RequestId = NewId(), NationCode = "KEN", UnitType = UnitType.FormedPoliceUnit, OfficerCount = 150, PledgedOn = Day(2024, 9, 1),
        });

        var commitments = suite.ViaGateway<CommitmentService.CommitmentServiceClient>(diplomat);
        var nairobi = await commitments.AnnounceCommitmentAsync(new AnnounceCommitmentRequest
        {
            RequestId = NewId(), NationCode = "KEN", Kind = CommitmentKind.Personnel, Description = "600 more officers",
            AnnouncedOn = Day(2024, 10, 11), DueOn = YearsAhead(2), Officers = 600,
        });
        var sooner = await commitments.AnnounceCommitmentAsync(new AnnounceCommitmentRequest
        {
            RequestId = NewId(), NationCode = "KEN", Kind = CommitmentKind.Personnel, Description = "100 officers for the port",
            AnnouncedOn = Day(2024, 10, 11), DueOn = YearsAhead(1), Officers = 100,
        });
        await commitments.AnnounceCommitmentAsync(new AnnounceCommitmentRequest
        {
            RequestId = NewId(), NationCode = "KEN", Kind = CommitmentKind.Funds, Description = "USD 1M to the trust fund",
            AnnouncedOn = Day(2024, 10, 11), DueOn = YearsAhead(1), Amount = new Coordination.Common.V1.Money { CurrencyCode = "USD", Units = 1_000_000 },
        });

        var expected = suite.ViaGateway<PledgeService.PledgeServiceClient>(kenya);
        var heard = await Eventually.Get(() => expected.ListExpectedPledgesAsync(new ListExpectedPledgesRequest()).ResponseAsync,
            r => r.ExpectedPledges.Count == 2, what: "personnel to hear both commitments of officers");
        // The one due first is counted first; the funds commitment is finance's, not an expected pledge.
        Assert.Equal([(sooner.Id, 100, 0), (nairobi.Id, 600, 0)],
            heard.ExpectedPledges.Select(e => (e.CommitmentId, e.OfficersPromised, e.OfficersPledged)));
        Assert.All(heard.ExpectedPledges, e => Assert.Equal("KEN", e.NationCode));
        Assert.Equal(YearsAhead(2), heard.ExpectedPledges[1].DueOn);
        Assert.False(heard.ExpectedPledges[1].Overdue);

        var first = await pledges.CreatePledgeAsync(new CreatePledgeRequest { RequestId = NewId(), NationCode = "KEN", UnitType = UnitType.FormedPoliceUnit, OfficerCount = 400 });
        var second = await pledges.CreatePledgeAsync(new CreatePledgeRequest { RequestId = NewId(), NationCode = "KEN", UnitType = UnitType.IndividualPoliceOfficers, OfficerCount = 250 });
        var counted = (await expected.ListExpectedPledgesAsync(new ListExpectedPledgesRequest { NationCode = "KEN" })).ExpectedPledges;
        Assert.Equal([(first.Id, 100)], counted[0].CountedPledges.Select(c => (c.PledgeId, c.Officers)));
        Assert.Equal([(first.Id, 300), (second.Id, 250)], counted[1].CountedPledges.Select(c => (c.PledgeId, c.Officers)));
        Assert.Equal((550, 50), (counted[1].OfficersPledged, counted[1].OfficersOutstanding));
        Assert.DoesNotContain(counted.SelectMany(e => e.CountedPledges), c => c.PledgeId == earlier.Id);

        // A withdrawn pledge no longer counts; the next one is counted in its place.
        await pledges.WithdrawPledgeAsync(new WithdrawPledgeRequest { RequestId = NewId(), Id = first.Id, Reason = "Units needed at home" });
        counted = (await expected.ListExpectedPledgesAsync(new ListExpectedPledgesRequest { NationCode = "KEN" })).ExpectedPledges;
        Assert.Equal([(second.Id, 100)], counted[0].CountedPledges.Select(c => (c.PledgeId, c.Officers)));
        Assert.Equal((150, 450), (counted[1].OfficersPledged, counted[1].OfficersOutstanding));

        // Mission roles read every nation's; another nation reads only its own.
        var mission = await suite.ViaGateway<PledgeService.PledgeServiceClient>(diplomat).ListExpectedPledgesAsync(new ListExpectedPledgesRequest());
        Assert.Equal(2, mission.ExpectedPledges.Count(e => e.NationCode == "KEN"));
        var jamaica = suite.ViaGateway<PledgeService.PledgeServiceClient>(TestTokens.For("JAM", Roles.Contributor));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => jamaica.ListExpectedPledgesAsync(new ListExpectedPledgesRequest { NationCode = "KEN" }).ResponseAsync);
        Assert.Empty((await jamaica.ListExpectedPledgesAsync(new ListExpectedPledgesRequest())).ExpectedPledges);
        await RpcAssert.InvalidFields(() => suite.ViaGateway<PledgeService.PledgeServiceClient>(diplomat).ListExpectedPledgesAsync(new ListExpectedPledgesRequest { NationCode = "ke\0" }).ResponseAsync, "nation_code");
    }
}
