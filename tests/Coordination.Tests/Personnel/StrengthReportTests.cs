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
        var mali = await FiguresOfAsync("MLI");

        var report = await mali.Strength.GetStrengthReportAsync(new GetStrengthReportRequest { NationCode = "MLI" });

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
        Assert.True(mli.OwnFigures);
    }

    [Fact]
    public async Task Every_role_sees_a_nations_officers_pledged_and_deployed_but_only_the_nation_and_the_mission_see_the_rest_of_its_figures()
    {
        var siteId = (await SiteAsync(posture: 500)).Id;
        await Calls.PersonnelKnowsSiteAsync(fixture.Suite, fixture.Admin, siteId);
        var guinea = await FiguresOfAsync("GIN", siteId);
        var others = new[] { TestTokens.For("CAN", Roles.Observer), TestTokens.For("HTI", Roles.Diplomat), TestTokens.For("SEN", Roles.Contributor) };

        foreach (var desk in others.Select(fixture.Desk))
        {
            var report = await desk.Strength.GetStrengthReportAsync(new GetStrengthReportRequest());
            var gin = Assert.Single(report.Nations, n => n.NationCode == "GIN");
            Assert.False(gin.OwnFigures);
            Assert.Equal((200, 0, 0, 4), (gin.Figures.PledgedOfficers, gin.Figures.RequestedOfficers, gin.Figures.NotifiedOfficers, gin.Figures.DeployedOfficers));
            Assert.Equal((1, 3), (gin.DeployedGender.Female, gin.DeployedGender.Male));
            Assert.Null(gin.Officers);
            Assert.False(gin.StatusOfForcesInForce);
            Assert.False(report.AllNations);
            Assert.Equal((500, 0, 0, 0), report.Sites.Where(s => s.SiteId == siteId)
                .Select(s => (s.RequiredPosture, s.OfficersOnDuty, s.DeployedOfficers, s.Shortfall)).Single());
            Assert.True(report.Mission.DeployedOfficers >= 4);
            var streamed = (await FirstAsync(desk.Strength.StreamStrength(new StreamStrengthRequest { NationCode = "GIN" }))).Report;
            Assert.Equal((false, 0, 200), (streamed.Nations.Single().OwnFigures, streamed.Nations.Single().Figures.NotifiedOfficers,
                streamed.Nations.Single().Figures.PledgedOfficers));
            Assert.Null(streamed.Nations.Single().Officers);
            Assert.All(streamed.PledgesByLevel, l => Assert.Equal(0, l.Pledges));
            Assert.Equal(0, streamed.RegisteredGender.Female);
        }
        foreach (var desk in new[] { guinea, fixture.Desk(fixture.Admin) })
        {
            var report = await desk.Strength.GetStrengthReportAsync(new GetStrengthReportRequest { NationCode = "GIN" });
            var gin = report.Nations.Single();
            Assert.Equal((true, 35, 1, true), (gin.OwnFigures, gin.Figures.NotifiedOfficers, gin.Officers.InVetting, gin.StatusOfForcesInForce));
            Assert.Equal(4, report.Sites.Single(s => s.SiteId == siteId).OfficersOnDuty); // the roster's four
        }
        var mission = await fixture.Desk(fixture.Admin).Strength.GetStrengthReportAsync(new GetStrengthReportRequest());
        Assert.True(mission.AllNations);
        Assert.Equal(496, mission.Sites.Single(s => s.SiteId == siteId).Shortfall);
    }

    /// <summary>
    /// A nation's figures: pledges of 160 (assessed: L2) and 40 officers; contingents of 25 requested, 35 on standby and
    /// 100 deployed with a roster of four vetted officers (one a woman); one more officer (a woman) in vetting.
    /// </summary>
    private async Task<PersonnelDesk> FiguresOfAsync(string nation, string siteId = "")
    {
        var desk = fixture.Desk(TestTokens.For(nation, Roles.Contributor));
        var mission = fixture.Desk(fixture.Admin);
        await Calls.StatusOfForcesInForceAsync(fixture.Suite, fixture.Admin, nation, Calls.Day(2025, 1, 2));
        var pledge = await desk.Pledges.CreatePledgeAsync(new CreatePledgeRequest
        {
            RequestId = NewId(), NationCode = nation, UnitType = UnitType.FormedPoliceUnit, OfficerCount = 160, PledgedOn = Day(2025, 1, 15),
        });
        await mission.Pledges.RecordPledgeEvidenceAsync(new RecordPledgeEvidenceRequest { RequestId = NewId(), Id = pledge.Id, AssessmentVisitOn = Day(2025, 5, 1) });
        await desk.Pledges.CreatePledgeAsync(new CreatePledgeRequest { RequestId = NewId(), NationCode = nation, UnitType = UnitType.IndividualPoliceOfficers, OfficerCount = 40 });
        await desk.ContingentAsync(nation, 25);
        await desk.MoveAsync(await desk.ContingentAsync(nation, 35), ContingentStatus.Standby);
        var officers = await mission.VettedOfficersAsync(nation, 4, women: 1);
        await mission.MoveAsync(await desk.AssignAsync(await mission.ContingentAsync(nation, 100, siteId), officers), ContingentStatus.Deployed, Day(2025, 11, 3));
        await desk.RegisterAsync(nation, Record(Gender.Female, vetted: false));
        return desk;
    }

    private async Task<Coordination.Logistics.V1.Site> SiteAsync(int posture) =>
        await fixture.Suite.ViaGateway<Coordination.Logistics.V1.SiteService.SiteServiceClient>(TestTokens.For("HTI", Roles.LogisticsOfficer)).CreateSiteAsync(
            new Coordination.Logistics.V1.CreateSiteRequest
            {
                RequestId = NewId(),
                Name = $"Police station {NewId()[..8]}",
                Kind = Coordination.Logistics.V1.SiteKind.PoliceStation,
                Location = new Coordination.Logistics.V1.LatLng { Latitude = 18.54, Longitude = -72.33 },
                Status = Coordination.Logistics.V1.SiteStatus.Recaptured,
                RequiredPosture = posture,
            });

    private static async Task<StrengthUpdate> FirstAsync(AsyncServerStreamingCall<StrengthUpdate> call)
    {
        using (call)
        {
            return await NextAsync(call, _ => true);
        }
    }

    [Fact]
    public async Task The_stream_sends_the_report_at_once_then_again_as_a_deployment_changes_it()
    {
        var niger = fixture.Desk(TestTokens.For("NER", Roles.Contributor));
        await Calls.StatusOfForcesInForceAsync(fixture.Suite, fixture.Admin, "NER", Calls.Day(2025, 1, 2));
        var contingent = await niger.MoveAsync(await niger.ContingentAsync("NER", 30), ContingentStatus.Mobilized);
        using var call = niger.Strength.StreamStrength(new StreamStrengthRequest { NationCode = "NER" });

        var first = await NextAsync(call, _ => true);
        Assert.True(first.Changed);
        Assert.Equal((30, 0), (first.Report.Nations.Single().Figures.NotifiedOfficers, first.Report.Nations.Single().Figures.DeployedOfficers));

        await fixture.Desk(fixture.Admin).MoveAsync(contingent, ContingentStatus.Deployed, Day(2025, 11, 3));

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
        var options = new DbContextOptionsBuilder<PersonnelDbContext>().UseNpgsql(fixture.Suite.DatabaseOf("personnel")).Options;
        await using (var elsewhere = new PersonnelDbContext(options))
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
        var mission = fixture.Desk(fixture.Admin);
        var ids = (await mission.ImportAsync("TGO", rows)).SelectMany(p => p.Results).Select(r => r.OfficerId).ToList();
        var vetted = ids.Where((_, i) => i % 3 != 0).ToList();
        await togo.Officers.RecordVettingResultAsync(new RecordVettingResultRequest
        {
            RequestId = NewId(), OfficerId = ids[0], Result = new VettingResult { Stage = VettingStage.NationCertification, Passed = false, On = Day(2025, 2, 1) },
        });
        await fixture.Desk(fixture.Admin).Officers.RecordHumanRightsScreeningAsync(new RecordHumanRightsScreeningRequest
        {
            RequestId = NewId(), OfficerId = vetted[0], Screening = new HumanRightsScreening { Result = ScreeningResult.NotCleared, On = Day(2025, 2, 1) },
        });
        var home = await mission.MoveAsync(await togo.AssignAsync(await togo.ContingentAsync("TGO"), vetted.Skip(1).Take(10).Select(id => new Officer { Id = id })),
            ContingentStatus.Deployed, Day(2025, 11, 3));
        await mission.MoveAsync(home, ContingentStatus.Repatriated, Day(2026, 5, 1));
        var waiting = await togo.AssignAsync(await togo.ContingentAsync("TGO"), vetted.Skip(11).Take(6).Select(id => new Officer { Id = id }));
        await togo.Contingents.ReleaseOfficersAsync(new ReleaseOfficersRequest { RequestId = NewId(), Id = waiting.Id, OfficerIds = { vetted[11] } });

        var options = new DbContextOptionsBuilder<PersonnelDbContext>().UseNpgsql(fixture.Suite.DatabaseOf("personnel")).Options;
        await using var db = new PersonnelDbContext(options);
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
