using Coordination.Auth;
using Coordination.Events;
using Coordination.Logistics.V1;
using Coordination.Personnel.V1;
using Coordination.Tests.CrossService;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Xunit;
using static Coordination.Tests.Personnel.PersonnelDesk;
using Contingent = Coordination.Personnel.V1.Contingent;

namespace Coordination.Tests.Personnel;

/// <summary>
/// Contingents formed from vetted officers and deployed under the rules that bind across services: the mandate's
/// ceiling, the status-of-forces agreement, the officers' age on the day; then sites, coverage and rotations.
/// </summary>
public sealed class ContingentFormationTests(PersonnelFlowFixture fixture) : IClassFixture<PersonnelFlowFixture>
{
    private readonly PersonnelDesk admin = fixture.Desk(fixture.Admin);

    private async Task<PersonnelDesk> NationWithAgreementAsync(string nation)
    {
        await Calls.StatusOfForcesInForceAsync(fixture.Suite, fixture.Admin, nation, Calls.Day(2025, 1, 2));
        return fixture.Desk(TestTokens.For(nation, Roles.Contributor));
    }

    private async Task<Site> SiteAsync(int posture)
    {
        var site = await fixture.Suite.ViaGateway<SiteService.SiteServiceClient>(TestTokens.For("HTI", Roles.LogisticsOfficer)).CreateSiteAsync(new CreateSiteRequest
        {
            RequestId = NewId(),
            Name = $"Police station {NewId()[..8]}",
            Kind = SiteKind.PoliceStation,
            Location = new LatLng { Latitude = 18.54, Longitude = -72.33 },
            Status = SiteStatus.Recaptured,
            RequiredPosture = posture,
        });
        await Calls.PersonnelKnowsSiteAsync(fixture.Suite, fixture.Admin, site.Id);
        return site;
    }

    [Fact]
    public async Task Vetted_officers_assigned_to_a_contingent_make_up_its_count_and_releasing_them_gives_them_back()
    {
        var ghana = fixture.Desk(TestTokens.For("GHA", Roles.Contributor));
        var officers = await admin.VettedOfficersAsync("GHA", 4, women: 1);
        var contingent = await ghana.ContingentAsync("GHA", declared: 120);
        Assert.Equal((120, 120, 0), (contingent.OfficerCount, contingent.DeclaredOfficerCount, contingent.AssignedOfficerCount));

        contingent = await ghana.AssignAsync(contingent, officers);
        Assert.Equal((4, 4), (contingent.OfficerCount, contingent.AssignedOfficerCount));
        var assigned = await ghana.OfficerAsync(officers[0].Id);
        Assert.Equal((OfficerStatus.Assigned, contingent.Id), (assigned.Status, assigned.ContingentId));
        var roster = await ghana.Officers.ListOfficersAsync(new ListOfficersRequest { ContingentId = contingent.Id });
        Assert.Equal(officers.Select(o => o.Id).Order(), roster.Officers.Select(o => o.Id).Order());

        contingent = await ghana.Contingents.ReleaseOfficersAsync(new ReleaseOfficersRequest { RequestId = NewId(), Id = contingent.Id, OfficerIds = { officers[0].Id } });
        Assert.Equal((3, 3), (contingent.OfficerCount, contingent.AssignedOfficerCount));
        Assert.Equal((OfficerStatus.Vetted, ""), ((await ghana.OfficerAsync(officers[0].Id)).Status, (await ghana.OfficerAsync(officers[0].Id)).ContingentId));
        contingent = await ghana.Contingents.ReleaseOfficersAsync(new ReleaseOfficersRequest { RequestId = NewId(), Id = contingent.Id, OfficerIds = { officers.Skip(1).Select(o => o.Id) } });
        Assert.Equal((120, 0), (contingent.OfficerCount, contingent.AssignedOfficerCount));
    }

    [Fact]
    public async Task Officers_not_vetted_of_another_nation_or_on_another_roster_are_not_assigned_and_nothing_is()
    {
        var ghana = fixture.Desk(TestTokens.For("GHA", Roles.Contributor));
        var vetted = await admin.RegisterAsync("GHA", Record());
        var inVetting = await ghana.RegisterAsync("GHA", Record(vetted: false));
        var togolese = await admin.RegisterAsync("TGO", Record());
        var first = await ghana.AssignAsync(await ghana.ContingentAsync("GHA"), [vetted]);
        var second = await ghana.ContingentAsync("GHA");

        var refused = await RpcAssert.FailedPrecondition(() => admin.AssignAsync(second, [vetted, inVetting, togolese]), "OFFICER_NOT_ASSIGNABLE");

        var reason = refused.Violations[0].Description;
        Assert.Contains("3 of the officers", reason, StringComparison.Ordinal);
        Assert.Contains($"{inVetting.Id} is not vetted: VETTING_STAGE_NATION_CERTIFICATION has not been passed", reason, StringComparison.Ordinal);
        Assert.Contains($"{togolese.Id} is an officer of TGO", reason, StringComparison.Ordinal);
        Assert.Contains($"{vetted.Id} is on the roster of contingent {first.Id}", reason, StringComparison.Ordinal);
        Assert.Equal(0, (await ghana.Contingents.GetContingentAsync(new GetContingentRequest { Id = second.Id })).AssignedOfficerCount);
        Assert.Equal(OfficerStatus.InVetting, (await ghana.OfficerAsync(inVetting.Id)).Status);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => fixture.Desk(TestTokens.For("TGO", Roles.Contributor)).AssignAsync(second, [togolese]));
    }

    [Fact]
    public async Task A_nation_without_a_status_of_forces_agreement_in_force_cannot_deploy()
    {
        var senegal = fixture.Desk(TestTokens.For("SEN", Roles.Contributor));
        var contingent = await senegal.MoveAsync(await senegal.ContingentAsync("SEN", 20), ContingentStatus.Mobilized);

        var refused = await RpcAssert.FailedPrecondition(() => admin.MoveAsync(contingent, ContingentStatus.Deployed, Day(2025, 11, 1)), "SOFA_NOT_IN_FORCE");
        Assert.Contains("SEN has no status-of-forces agreement in force", refused.Violations[0].Description, StringComparison.Ordinal);

        await Calls.StatusOfForcesInForceAsync(fixture.Suite, fixture.Admin, "SEN", Calls.Day(2025, 11, 15));
        var early = await RpcAssert.FailedPrecondition(() => admin.MoveAsync(contingent, ContingentStatus.Deployed, Day(2025, 11, 1)), "SOFA_NOT_IN_FORCE");
        Assert.Contains("entered into force on 2025-11-15, after 2025-11-01", early.Violations[0].Description, StringComparison.Ordinal);
        var deployed = await admin.MoveAsync(contingent, ContingentStatus.Deployed, Day(2025, 11, 20));
        Assert.Equal(ContingentStatus.Deployed, deployed.Status);
    }

    [Fact]
    public async Task Officers_younger_than_25_or_older_than_62_on_the_day_keep_their_contingent_from_deploying()
    {
        var benin = await NationWithAgreementAsync("BEN");
        var young = await admin.RegisterAsync("BEN", Record(born: new DateOnly(2000, 12, 2)));
        var old = await admin.RegisterAsync("BEN", Record(born: new DateOnly(1962, 11, 30)));
        var fine = await admin.RegisterAsync("BEN", Record(born: new DateOnly(1980, 1, 1)));
        var contingent = await benin.MoveAsync(await benin.AssignAsync(await benin.ContingentAsync("BEN"), [young, old, fine]), ContingentStatus.Mobilized);

        var refused = await RpcAssert.FailedPrecondition(() => admin.MoveAsync(contingent, ContingentStatus.Deployed, Day(2025, 12, 1)), "ROSTER_NOT_DEPLOYABLE");

        var reason = refused.Violations[0].Description;
        Assert.Contains("2 officers", reason, StringComparison.Ordinal);
        Assert.Contains($"{young.Id} would be 24 on 2025-12-01", reason, StringComparison.Ordinal);
        Assert.Contains($"{old.Id} would be 63 on 2025-12-01", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("1962", reason, StringComparison.Ordinal);

        // A day later the young officer is 25; the older one is released.
        contingent = await benin.Contingents.ReleaseOfficersAsync(new ReleaseOfficersRequest { RequestId = NewId(), Id = contingent.Id, OfficerIds = { old.Id } });
        var deployed = await admin.MoveAsync(contingent, ContingentStatus.Deployed, Day(2025, 12, 2));
        Assert.Equal((ContingentStatus.Deployed, 2), (deployed.Status, deployed.OfficerCount));
    }

    [Fact]
    public async Task A_deployed_roster_is_on_duty_closed_to_changes_and_home_after_repatriation_with_no_personal_data_in_any_event()
    {
        var rwanda = await NationWithAgreementAsync("RWA");
        var officers = await admin.VettedOfficersAsync("RWA", 5, women: 2);
        var spare = await admin.RegisterAsync("RWA", Record());
        var contingent = await admin.MoveAsync(await rwanda.AssignAsync(await rwanda.ContingentAsync("RWA", 300), officers), ContingentStatus.Deployed, Day(2025, 10, 20));

        Assert.Equal(5, Assert.Single(await PersonnelOutbox.ReadAsync<ContingentDeployed>(fixture.Suite, contingent.Id)).OfficerCount);
        Assert.Equal(OfficerStatus.Deployed, (await rwanda.OfficerAsync(officers[0].Id)).Status);
        var strength = await rwanda.NationAsync("RWA");
        Assert.Equal((5, 5, 2, 3, 4_000), (strength.Figures.DeployedOfficers, strength.Officers.Deployed, strength.DeployedGender.Female,
            strength.DeployedGender.Male, strength.DeployedGender.FemaleShareBasisPoints));
        await RpcAssert.FailedPrecondition(() => rwanda.AssignAsync(contingent, [spare]), "CONTINGENT_ROSTER_CLOSED");

        contingent = await admin.MoveAsync(contingent, ContingentStatus.Repatriated, Day(2026, 9, 30));
        var home = await rwanda.OfficerAsync(officers[0].Id);
        Assert.Equal((OfficerStatus.Repatriated, contingent.Id), (home.Status, home.ContingentId));
        var again = await rwanda.AssignAsync(await rwanda.ContingentAsync("RWA"), [home]);
        Assert.Equal(1, again.AssignedOfficerCount);
        await PersonnelOutbox.AssertNoneMentionsAsync(fixture.Suite, officers[0].FamilyName, officers[0].ServiceNumber, "1990-05-17", "Cleared");
    }

    [Fact]
    public async Task A_site_personnel_never_heard_of_is_refused_once_it_knows_sites_and_a_known_one_is_accepted()
    {
        var site = await SiteAsync(posture: 10);
        var contingent = await admin.ContingentAsync("KEN");

        var refused = await RpcAssert.FailedPrecondition(() => admin.Contingents.AssignContingentToSiteAsync(new AssignContingentToSiteRequest
        {
            RequestId = NewId(), Id = contingent.Id, SiteId = new string('e', 32),
        }).ResponseAsync, "UNKNOWN_SITE");
        Assert.Contains("retry shortly", refused.Violations[0].Description, StringComparison.Ordinal);
        await RpcAssert.FailedPrecondition(() => admin.ContingentAsync("KEN", siteId: new string('e', 32)), "UNKNOWN_SITE");

        var assigned = await admin.Contingents.AssignContingentToSiteAsync(new AssignContingentToSiteRequest { RequestId = NewId(), Id = contingent.Id, SiteId = site.Id });
        Assert.Equal(site.Id, assigned.SiteId);
    }

    [Fact]
    public async Task A_site_left_below_its_required_posture_raises_a_coverage_gap_counting_only_officers_on_duty()
    {
        await NationWithAgreementAsync("KEN");
        var site = await SiteAsync(posture: 100);
        var first = await admin.MoveAsync(await admin.ContingentAsync("KEN", 80, site.Id), ContingentStatus.Deployed, Day(2025, 10, 10));
        var gap = Assert.Single(await PersonnelOutbox.ReadAsync<SiteCoverageGap>(fixture.Suite, site.Id));
        Assert.Equal((100, 80, 20, "CONTINGENT_DEPLOYED", first.Id), (gap.RequiredPosture, gap.OfficersOnDuty, gap.Shortfall, gap.Cause, gap.ContingentId));
        Assert.Equal(site.Name, gap.SiteName);

        var second = await admin.MoveAsync(await admin.ContingentAsync("KEN", 40, site.Id), ContingentStatus.Deployed, Day(2025, 10, 12));
        Assert.Single(await PersonnelOutbox.ReadAsync<SiteCoverageGap>(fixture.Suite, site.Id)); // 120 on duty: covered
        var report = await admin.Strength.GetStrengthReportAsync(new GetStrengthReportRequest());
        Assert.Equal((120, 0, 100), report.Sites.Where(s => s.SiteId == site.Id).Select(s => (s.OfficersOnDuty, s.Shortfall, s.RequiredPosture)).Single());

        await admin.MoveAsync(second, ContingentStatus.Demobilizing);
        var gaps = await PersonnelOutbox.ReadAsync<SiteCoverageGap>(fixture.Suite, site.Id);
        Assert.Equal(2, gaps.Count);
        Assert.Equal((80, 20, "CONTINGENT_DEMOBILIZING", second.Id), (gaps[1].OfficersOnDuty, gaps[1].Shortfall, gaps[1].Cause, gaps[1].ContingentId));
        var after = await admin.Strength.GetStrengthReportAsync(new GetStrengthReportRequest());
        Assert.Equal((80, 120, 20), after.Sites.Where(s => s.SiteId == site.Id).Select(s => (s.OfficersOnDuty, s.DeployedOfficers, s.Shortfall)).Single());
    }

    [Fact]
    public async Task A_contributor_creates_its_contingents_without_a_site_and_only_the_mission_posts_one_to_a_site()
    {
        var ghana = fixture.Desk(TestTokens.For("GHA", Roles.Contributor));
        var site = await SiteAsync(posture: 10);
        async Task<int> CountAsync() => (await ghana.Contingents.ListContingentsAsync(new ListContingentsRequest { NationCode = "GHA" })).Contingents.Count;
        var before = await CountAsync();

        var refused = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => ghana.ContingentAsync("GHA", 30, site.Id));

        Assert.Contains("site_id", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
        var unposted = await ghana.ContingentAsync("GHA", 30);
        Assert.Equal("", unposted.SiteId);
        Assert.Equal(site.Id, (await admin.ContingentAsync("GHA", 30, site.Id)).SiteId);
    }

    [Fact]
    public async Task A_rotation_hands_the_site_to_the_relief_with_an_overlap_and_is_announced()
    {
        var jamaica = await NationWithAgreementAsync("JAM");
        var site = await SiteAsync(posture: 10);
        var outgoing = await admin.MoveAsync(await admin.ContingentAsync("JAM", 10, site.Id, tourMonths: 6), ContingentStatus.Deployed, Day(2025, 10, 5));
        var incoming = await jamaica.MoveAsync(await jamaica.ContingentAsync("JAM", 12), ContingentStatus.Standby);
        var request = new ScheduleRotationRequest
        {
            RequestId = NewId(), OutgoingContingentId = outgoing.Id, IncomingContingentId = incoming.Id,
            IncomingArrivesOn = Day(2026, 3, 28), OutgoingDepartsOn = Day(2026, 4, 4),
        };

        // Handing the site over posts the relief to it: the mission's act, not the nation's.
        var posting = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => jamaica.Contingents.ScheduleRotationAsync(request).ResponseAsync);
        Assert.Contains("posting a unit to a site", posting.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("", (await jamaica.Contingents.GetContingentAsync(new GetContingentRequest { Id = incoming.Id })).SiteId);
        Assert.Empty((await jamaica.Contingents.ListRotationsAsync(new ListRotationsRequest { ContingentId = outgoing.Id })).Rotations);
        var rotation = await admin.Contingents.ScheduleRotationAsync(request);

        Assert.Equal((7, site.Id, "JAM", "JAM"), (rotation.OverlapDays, rotation.SiteId, rotation.NationCode, rotation.OutgoingNationCode));
        Assert.Equal(site.Id, (await jamaica.Contingents.GetContingentAsync(new GetContingentRequest { Id = incoming.Id })).SiteId);
        var announced = Assert.Single(await PersonnelOutbox.ReadAsync<RotationScheduled>(fixture.Suite, rotation.Id));
        Assert.Equal((outgoing.Id, incoming.Id, 10, 12, 7), (announced.OutgoingContingentId, announced.IncomingContingentId, announced.OutgoingOfficerCount,
            announced.IncomingOfficerCount, announced.OverlapDays));
        Assert.Equal(rotation.Id, Assert.Single((await jamaica.Contingents.ListRotationsAsync(new ListRotationsRequest { ContingentId = outgoing.Id })).Rotations).Id);

        var other = await jamaica.ContingentAsync("JAM", 12);
        var twice = await RpcAssert.FailedPrecondition(() => admin.Contingents.ScheduleRotationAsync(new ScheduleRotationRequest
        {
            RequestId = NewId(), OutgoingContingentId = outgoing.Id, IncomingContingentId = other.Id,
            IncomingArrivesOn = Day(2026, 3, 28), OutgoingDepartsOn = Day(2026, 4, 4),
        }).ResponseAsync, "ROTATION");
        Assert.Contains("already relieved", twice.Violations[0].Description, StringComparison.Ordinal);

        // A relief the mission already posted to the site moves nothing: the nation schedules it.
        var guarding = await admin.MoveAsync(await admin.ContingentAsync("JAM", 10, site.Id, tourMonths: 6), ContingentStatus.Deployed, Day(2025, 10, 6));
        var posted = await admin.ContingentAsync("JAM", 12, site.Id);
        var scheduled = await jamaica.Contingents.ScheduleRotationAsync(new ScheduleRotationRequest
        {
            RequestId = NewId(), OutgoingContingentId = guarding.Id, IncomingContingentId = posted.Id,
            IncomingArrivesOn = Day(2026, 3, 29), OutgoingDepartsOn = Day(2026, 4, 5),
        });
        Assert.Equal(site.Id, scheduled.SiteId);
    }

    [Fact]
    public async Task A_rotation_needs_a_deployed_contingent_and_an_overlap_of_one_to_thirty_days()
    {
        var jamaica = await NationWithAgreementAsync("JAM");
        var notDeployed = await jamaica.ContingentAsync("JAM", 10);
        var incoming = await jamaica.ContingentAsync("JAM", 10);
        ScheduleRotationRequest Request(Coordination.Common.V1.Date arrives, Coordination.Common.V1.Date departs) => new()
        {
            RequestId = NewId(), OutgoingContingentId = notDeployed.Id, IncomingContingentId = incoming.Id, IncomingArrivesOn = arrives, OutgoingDepartsOn = departs,
        };

        await RpcAssert.InvalidFields(() => jamaica.Contingents.ScheduleRotationAsync(Request(Day(2026, 3, 1), Day(2026, 3, 1))).ResponseAsync, "outgoing_departs_on");
        await RpcAssert.InvalidFields(() => jamaica.Contingents.ScheduleRotationAsync(Request(Day(2026, 3, 1), Day(2026, 4, 1))).ResponseAsync, "outgoing_departs_on");
        var refused = await RpcAssert.FailedPrecondition(() => jamaica.Contingents.ScheduleRotationAsync(Request(Day(2026, 3, 1), Day(2026, 3, 8))).ResponseAsync, "ROTATION");
        Assert.Contains("only a CONTINGENT_STATUS_DEPLOYED contingent is relieved", refused.Violations[0].Description, StringComparison.Ordinal);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => fixture.Desk(TestTokens.For("KEN", Roles.Contributor)).Contingents
            .ScheduleRotationAsync(Request(Day(2026, 3, 1), Day(2026, 3, 8))).ResponseAsync);
    }
}
