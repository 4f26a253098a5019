using Coordination.Auth;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.V1;
using Coordination.Persistence;
using Coordination.Tests.CrossService;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Coordination.Tests.Personnel.PersonnelDesk;

namespace Coordination.Tests.Personnel;

/// <summary>The strength report and its stream: ceiling against pledged, notified and deployed, per nation and site.</summary>
public sealed class StrengthReportTests(PersonnelFlowFixture fixture) : IClassFixture<PersonnelFlowFixture>
{
    private static async Task<StrengthUpdate> NextAsync(AsyncServerStreamingCall<StrengthUpdate> call, Func<StrengthReport, bool> until)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await call.ResponseStream.MoveNext(timeout.Token))
        {
            if (until(call.ResponseStream.Current.Report))
            {
                return call.ResponseStream.Current;
            }
        }
        throw new InvalidOperationException("The stream ended.");
    }

    [Fact]
    public async Task The_report_sets_the_ceiling_against_pledged_requested_notified_and_deployed_officers_with_levels_and_gender()
    {
        var mali = fixture.Desk(TestTokens.For("MLI", Roles.Contributor));
        await Calls.StatusOfForcesInForceAsync(fixture.Suite, fixture.Admin, "MLI", Calls.Day(2025, 1, 2));
        var pledge = await mali.Pledges.CreatePledgeAsync(new CreatePledgeRequest { RequestId = NewId(), NationCode = "MLI", UnitType = UnitType.FormedPoliceUnit, OfficerCount = 160 });
        await mali.Pledges.RecordPledgeEvidenceAsync(new RecordPledgeEvidenceRequest { RequestId = NewId(), Id = pledge.Id, AssessmentVisitOn = Day(2025, 5, 1) });
        await mali.Pledges.CreatePledgeAsync(new CreatePledgeRequest { RequestId = NewId(), NationCode = "MLI", UnitType = UnitType.IndividualPoliceOfficers, OfficerCount = 40 });
        await mali.ContingentAsync("MLI", 25);
        await mali.MoveAsync(await mali.ContingentAsync("MLI", 35), ContingentStatus.Standby);
        var officers = await mali.VettedOfficersAsync("MLI", 4, women: 1);
        await mali.MoveAsync(await mali.AssignAsync(await mali.ContingentAsync("MLI", 100), officers), ContingentStatus.Deployed, Day(2025, 11, 3));
        await mali.RegisterAsync("MLI", Record(Gender.Female, vetted: false));

        var observer = fixture.Desk(TestTokens.For("CAN", Roles.Observer));
        var report = await observer.Strength.GetStrengthReportAsync(new GetStrengthReportRequest { NationCode = "MLI" });

        Assert.Equal((PersonnelFlowFixture.Resolution, 5_550), (report.MandateResolutionSymbol, report.AuthorizedCeiling));
        var mli = Assert.Single(report.Nations);
        Assert.Equal((200, 25, 35, 4), (mli.Figures.PledgedOfficers, mli.Figures.RequestedOfficers, mli.Figures.NotifiedOfficers, mli.Figures.DeployedOfficers));
        Assert.Equal((5, 1, 0, 4), (mli.Officers.Registered, mli.Officers.InVetting, mli.Officers.Vetted, mli.Officers.Deployed));
        Assert.Equal((1, 3, 2_500), (mli.DeployedGender.Female, mli.DeployedGender.Male, mli.DeployedGender.FemaleShareBasisPoints));
        Assert.Equal((2, 3, 4_000), (report.RegisteredGender.Female, report.RegisteredGender.Male, report.RegisteredGender.FemaleShareBasisPoints));
        Assert.True(mli.StatusOfForcesInForce);
        Assert.Equal(Day(2025, 1, 2), mli.StatusOfForcesInForceOn);
        Assert.Equal([(ReadinessLevel.L1, 1, 40), (ReadinessLevel.L2, 1, 160), (ReadinessLevel.L3, 0, 0), (ReadinessLevel.RapidDeployment, 0, 0)],
            report.PledgesByLevel.Select(l => (l.ReadinessLevel, l.Pledges, l.Officers)));
        Assert.True(report.Mission.DeployedOfficers >= 4);
        Assert.True(report.Mission.PledgedOfficers >= 200);
    }

    [Fact]
    public async Task The_stream_sends_the_report_at_once_then_again_as_a_deployment_changes_it()
    {
        var niger = fixture.Desk(TestTokens.For("NER", Roles.Contributor));
        await Calls.StatusOfForcesInForceAsync(fixture.Suite, fixture.Admin, "NER", Calls.Day(2025, 1, 2));
        var contingent = await niger.MoveAsync(await niger.ContingentAsync("NER", 30), ContingentStatus.Mobilized);
        using var call = fixture.Desk(TestTokens.For("CAN", Roles.Observer)).Strength.StreamStrength(new StreamStrengthRequest { NationCode = "NER" });

        var first = await NextAsync(call, _ => true);
        Assert.True(first.Changed);
        Assert.Equal((30, 0), (first.Report.Nations.Single().Figures.NotifiedOfficers, first.Report.Nations.Single().Figures.DeployedOfficers));

        await niger.MoveAsync(contingent, ContingentStatus.Deployed, Day(2025, 11, 3));

        var deployed = await NextAsync(call, r => r.Nations.Single().Figures.DeployedOfficers == 30);
        Assert.True(deployed.Changed);
        Assert.Equal(0, deployed.Report.Nations.Single().Figures.NotifiedOfficers);
        Assert.True(deployed.Report.AsOf.ToDateTime() >= first.Report.AsOf.ToDateTime());
    }

    [Fact]
    public async Task The_stream_also_sees_a_change_another_replica_committed_which_this_one_was_never_told_of()
    {
        using var call = fixture.Desk(TestTokens.For("NER", Roles.Contributor)).Strength.StreamStrength(new StreamStrengthRequest { NationCode = "CIV" });
        var first = await NextAsync(call, _ => true);
        Assert.Equal(0, first.Report.Nations.Single().Figures.PledgedOfficers);

        // Another replica: its own context on the same database, without this host's in-process notification.
        var options = new DbContextOptionsBuilder<PersonnelPostgresDbContext>().UseNpgsql(fixture.Suite.DatabaseOf("personnel")).Options;
        await using (var elsewhere = new PersonnelPostgresDbContext(options))
        {
            var (pledge, version) = Coordination.Personnel.Pledges.Pledge.Make("CIV", UnitType.FormedPoliceUnit, 140, new DateOnly(2025, 6, 1),
                Audit.Created(new Caller("other-replica", "CIV", Roles.Contributor), "elsewhere", DateTime.UtcNow));
            elsewhere.Pledges.Add(pledge);
            elsewhere.PledgeVersions.Add(version);
            await elsewhere.SaveChangesAsync();
        }

        var seen = await NextAsync(call, r => r.Nations.Single().Figures.PledgedOfficers == 140);
        Assert.True(seen.Changed);
    }

    [Fact]
    public async Task The_officer_tallies_kept_with_every_change_equal_a_count_of_the_officers_themselves()
    {
        var togo = fixture.Desk(TestTokens.For("TGO", Roles.Contributor));
        await Calls.StatusOfForcesInForceAsync(fixture.Suite, fixture.Admin, "TGO", Calls.Day(2025, 1, 2));
        var rows = Enumerable.Range(0, 40).Select(i => Record(i % 4 == 0 ? Gender.Female : Gender.Male, vetted: i % 3 != 0)).ToList();
        var ids = (await togo.ImportAsync("TGO", rows)).SelectMany(p => p.Results).Select(r => r.OfficerId).ToList();
        var vetted = ids.Where((_, i) => i % 3 != 0).ToList();
        await togo.Officers.RecordVettingResultAsync(new RecordVettingResultRequest
        {
            RequestId = NewId(), OfficerId = ids[0], Result = new VettingResult { Stage = VettingStage.NationCertification, Passed = false, On = Day(2025, 2, 1) },
        });
        await fixture.Desk(fixture.Admin).Officers.RecordHumanRightsScreeningAsync(new RecordHumanRightsScreeningRequest
        {
            RequestId = NewId(), OfficerId = vetted[0], Screening = new HumanRightsScreening { Result = ScreeningResult.NotCleared, On = Day(2025, 2, 1) },
        });
        var home = await togo.MoveAsync(await togo.AssignAsync(await togo.ContingentAsync("TGO"), vetted.Skip(1).Take(10).Select(id => new Officer { Id = id })),
            ContingentStatus.Deployed, Day(2025, 11, 3));
        await togo.MoveAsync(home, ContingentStatus.Repatriated, Day(2026, 5, 1));
        var waiting = await togo.AssignAsync(await togo.ContingentAsync("TGO"), vetted.Skip(11).Take(6).Select(id => new Officer { Id = id }));
        await togo.Contingents.ReleaseOfficersAsync(new ReleaseOfficersRequest { RequestId = NewId(), Id = waiting.Id, OfficerIds = { vetted[11] } });

        var options = new DbContextOptionsBuilder<PersonnelPostgresDbContext>().UseNpgsql(fixture.Suite.DatabaseOf("personnel")).Options;
        await using var db = new PersonnelPostgresDbContext(options);
        var counted = await db.Officers.GroupBy(o => new { o.Nation, o.Status, o.Gender }).Select(g => new { g.Key.Nation, g.Key.Status, g.Key.Gender, Count = g.Count() })
            .ToListAsync();
        var tallied = await db.OfficerTallies.Where(t => t.Count != 0).ToListAsync();
        Assert.Equal(counted.Select(c => (c.Nation, c.Status, c.Gender, c.Count)).Order(), tallied.Select(t => (t.Nation, t.Status, t.Gender, t.Count)).Order());
        var tgo = await togo.NationAsync("TGO");
        Assert.Equal((40, 13, 2, 10, 5, 10), (tgo.Officers.Registered, tgo.Officers.InVetting, tgo.Officers.NotCleared, tgo.Officers.Repatriated,
            tgo.Officers.Assigned, tgo.Officers.Vetted));
    }

    [Fact]
    public async Task Reports_take_a_valid_nation_and_need_a_token()
    {
        var observer = fixture.Desk(TestTokens.For("CAN", Roles.Observer));
        await RpcAssert.InvalidFields(() => observer.Strength.GetStrengthReportAsync(new GetStrengthReportRequest { NationCode = "Kenya" }).ResponseAsync, "nation_code");
        await RpcAssert.InvalidFields(() => fixture.Desk(fixture.Admin).Strength.GetDueReportAsync(new GetDueReportRequest { Days = 0 }).ResponseAsync, "days");
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => observer.Strength.GetDueReportAsync(new GetDueReportRequest { Days = 30 }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => fixture.Suite.ViaGateway<ForceStrengthService.ForceStrengthServiceClient>(null)
            .GetStrengthReportAsync(new GetStrengthReportRequest()).ResponseAsync);
    }
}
