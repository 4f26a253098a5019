using Coordination.Auth;
using Coordination.Diplomacy.V1;
using Coordination.Events;
using Coordination.Logistics.V1;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Coordination.Tests.Personnel;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.CrossService;

/// <summary>
/// Rules personnel enforces on what other services announce: diplomacy's status-of-forces agreement unblocks a
/// nation's deployment; logistics' site and its required posture drive the coverage alarm.
/// </summary>
public sealed class StatusOfForcesFlowTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>, IAsyncLifetime
{
    private readonly string admin = TestTokens.For("HTI", Roles.MissionAdmin);
    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat);

    public async Task InitializeAsync()
    {
        if ((await fixture.Suite.ViaGateway<MandateService.MandateServiceClient>(diplomat).ListMandatesAsync(new ListMandatesRequest())).Mandates.Count == 0)
        {
            await AdoptAsync(fixture.Suite, diplomat, "S/RES/2751 (2024)", Day(2024, 10, 2), Day(2025, 10, 2), 2_500);
        }
        await PersonnelKnowsMandateAsync(fixture.Suite, admin, "S/RES/2751 (2024)");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Personnel_deploys_a_nations_contingent_only_once_diplomacy_has_brought_its_status_of_forces_agreement_into_force()
    {
        var suite = fixture.Suite;
        var kenya = new PersonnelDesk(suite, TestTokens.For("KEN", Roles.Contributor));
        var mission = new PersonnelDesk(suite, admin);
        var officers = await mission.VettedOfficersAsync("KEN", 3, women: 1);
        var contingent = await kenya.MoveAsync(await kenya.AssignAsync(await kenya.ContingentAsync("KEN", 200), officers), ContingentStatus.Mobilized);
        await RpcAssert.FailedPrecondition(() => mission.MoveAsync(contingent, ContingentStatus.Deployed, Day(2024, 11, 4)), "SOFA_NOT_IN_FORCE");

        var agreements = suite.ViaGateway<AgreementService.AgreementServiceClient>(diplomat);
        var sofa = await agreements.CreateAgreementAsync(new CreateAgreementRequest
        {
            RequestId = NewId(), Kind = AgreementKind.StatusOfForces, Title = "Agreement between Kenya and Haiti on the status of Kenyan police",
            PartyNationCodes = { "KEN", "HTI" },
        });
        async Task StepAsync(string nation, AgreementStatus status) => await agreements.ChangePartyStatusAsync(new ChangePartyStatusRequest
        {
            RequestId = NewId(), Id = sofa.Id, NationCode = nation, Status = status, EffectiveOn = Day(2024, 3, 1),
        });
        foreach (var status in new[] { AgreementStatus.Signed, AgreementStatus.Ratified, AgreementStatus.InForce })
        {
            await StepAsync("KEN", status);
        }
        await StepAsync("HTI", AgreementStatus.Signed);
        await StepAsync("HTI", AgreementStatus.Ratified);
        // Kenya's side alone is not the agreement in force: still refused.
        await RpcAssert.FailedPrecondition(() => mission.MoveAsync(contingent, ContingentStatus.Deployed, Day(2024, 11, 4)), "SOFA_NOT_IN_FORCE");

        await StepAsync("HTI", AgreementStatus.InForce);
        await Eventually.Get(() => kenya.NationAsync("KEN"), n => n.StatusOfForcesInForce, what: "personnel to apply AgreementInForce");
        var deployed = await mission.MoveAsync(contingent, ContingentStatus.Deployed, Day(2024, 11, 4));

        Assert.Equal((ContingentStatus.Deployed, 3), (deployed.Status, deployed.OfficerCount));
        var brief = await Eventually.Get(
            () => suite.ViaGateway<PartnerService.PartnerServiceClient>(TestTokens.For("KEN", Roles.Contributor)).GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "KEN" }).ResponseAsync,
            b => b.DeployedOfficers >= 3, what: "diplomacy to apply ContingentDeployed");
        Assert.Contains(brief.Agreements, a => a.Status == AgreementStatus.InForce);
    }

    [Fact]
    public async Task A_site_registered_in_logistics_with_its_posture_raises_a_coverage_gap_in_personnel_when_too_few_deploy()
    {
        var suite = fixture.Suite;
        await StatusOfForcesInForceAsync(suite, admin, "JAM");
        var site = await suite.ViaGateway<SiteService.SiteServiceClient>(TestTokens.For("HTI", Roles.LogisticsOfficer)).CreateSiteAsync(new CreateSiteRequest
        {
            RequestId = NewId(), Name = $"Toussaint Louverture airport {NewId()[..6]}", Kind = SiteKind.Airport,
            Location = new LatLng { Latitude = 18.58, Longitude = -72.29 }, Status = SiteStatus.Contested, RequiredPosture = 60,
        });

        var known = await PersonnelKnowsSiteAsync(suite, admin, site.Id);
        Assert.Equal((60, "CONTESTED"), known.Sites.Where(s => s.SiteId == site.Id).Select(s => (s.RequiredPosture, s.SiteStatus)).Single());
        var contingent = await DeployAsync(suite, admin, "JAM", 24, 12, Day(2024, 12, 2), site.Id);

        var gap = Assert.Single(await PersonnelOutbox.ReadAsync<SiteCoverageGap>(suite, site.Id));
        Assert.Equal((60, 24, 36, contingent.Id), (gap.RequiredPosture, gap.OfficersOnDuty, gap.Shortfall, gap.ContingentId));
        var supported = await Eventually.Get(() => suite.ViaGateway<SiteService.SiteServiceClient>(admin).GetSiteAsync(new GetSiteRequest { Id = site.Id }).ResponseAsync,
            s => s.SupportedPersonnel == 24, what: "logistics to apply ContingentDeployed");
        Assert.Equal(24, supported.SupportedPersonnel);
    }
}
