using Coordination.Auth;
using Coordination.Logistics.Contingents;
using Coordination.Logistics.Persistence;
using Coordination.Logistics.V1;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.V1;
using Coordination.Tests.CrossService;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.Logistics.LogisticsDesk;

namespace Coordination.Tests.Logistics;

/// <summary>Logistics, personnel and diplomacy behind the gateway, each on its own PostgreSQL database, sharing RabbitMQ, under a mandate.</summary>
public sealed class LogisticsFlowFixture : IAsyncLifetime
{
    public const string Resolution = "S/RES/2699 (2023)";

    public SuiteHost Suite { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Suite = await SuiteHost.StartAsync(["logistics", "personnel", "diplomacy"], gateway: true);
        await Calls.AdoptAsync(Suite, TestTokens.For("HTI", Roles.Diplomat), Resolution, Calls.Day(2023, 10, 2), Calls.Day(2024, 10, 1), 2_500);
        await Calls.PersonnelKnowsMandateAsync(Suite, TestTokens.For("HTI", Roles.MissionAdmin), Resolution);
    }

    public async Task DisposeAsync() => await Suite.DisposeAsync();
}

/// <summary>Events crossing services: logistics' site status reaches personnel and diplomacy; personnel's deployments reach logistics' plans.</summary>
public sealed class LogisticsEventFlowTests(LogisticsFlowFixture fixture) : IClassFixture<LogisticsFlowFixture>
{
    private readonly string admin = TestTokens.For("HTI", Roles.MissionAdmin);
    private readonly LogisticsDesk officer = new(new SuiteGatewayClients(fixture.Suite, TestTokens.For("HTI", Roles.LogisticsOfficer)));

    private Task ChangeAsync(Coordination.Logistics.V1.Site site, SiteStatus status, string reason) =>
        officer.Sites.ChangeSiteStatusAsync(new ChangeSiteStatusRequest { RequestId = NewId(), Id = site.Id, Status = status, Reason = reason }).ResponseAsync;

    [Fact]
    public async Task A_site_status_change_in_logistics_reaches_personnels_site_views_and_diplomacys_site_tallies()
    {
        var site = await officer.SiteAsync(SiteStatus.Contested, "National Palace");
        await ChangeAsync(site, SiteStatus.Recaptured, "Recaptured with the HNP");
        await ChangeAsync(site, SiteStatus.Secured, "Perimeter held for 72 hours");
        await ChangeAsync(site, SiteStatus.Lost, "Overrun");

        var view = await Eventually.Get(async () =>
        {
            await using var scope = fixture.Suite.Scope("personnel");
            return await scope.ServiceProvider.GetRequiredService<PersonnelDbContext>().Sites.AsNoTracking().FirstOrDefaultAsync(s => s.SiteId == site.Id);
        }, v => v?.ChangeCount == 3, what: "personnel to apply three SiteStatusChanged events");
        Assert.Equal((site.Name, "LOST"), (view!.Name, view.Status));

        // Diplomacy reports it to every partner through the gateway.
        var records = fixture.Suite.ViaGateway<Coordination.Diplomacy.V1.SiteSecurityService.SiteSecurityServiceClient>(TestTokens.For("NOR", Roles.Observer));
        var listed = await Eventually.Get(() => records.ListSiteSecurityRecordsAsync(new Coordination.Diplomacy.V1.ListSiteSecurityRecordsRequest()).ResponseAsync,
            l => l.Sites.Any(s => s.SiteId == site.Id && s.Changes == 3), what: "diplomacy to apply three SiteStatusChanged events");
        var record = listed.Sites.Single(s => s.SiteId == site.Id);
        Assert.Equal((site.Name, "LOST", 1), (record.SiteName, record.Status, record.TimesLost));

        await using var personnel = fixture.Suite.Scope("personnel");
        Assert.Equal(3, await personnel.ServiceProvider.GetRequiredService<PersonnelDbContext>().ProcessedMessages
            .CountAsync(p => p.Consumer == "SiteStatusChangedConsumer"));
    }

    [Fact]
    public async Task A_contingent_deployed_in_personnel_gets_a_ration_and_movement_plan_in_logistics_closed_on_repatriation()
    {
        var site = await officer.SiteAsync(SiteStatus.Recaptured);
        var contingent = await Calls.DeployAsync(fixture.Suite, admin, "KEN", 200, 12, Calls.Day(2024, 6, 25), site.Id);
        Assert.Equal(Calls.Day(2024, 10, 1), contingent.PlannedTourEnd);

        var reports = officer.Reports;
        var planned = await Eventually.Get(() => reports.ListSupportPlansAsync(new ListSupportPlansRequest { SiteId = site.Id }).ResponseAsync,
            p => p.Plans.Count == 1, what: "logistics to plan for ContingentDeployed");
        var plan = planned.Plans[0];
        Assert.Equal((contingent.Id, "KEN", 200, 200, 0), (plan.ContingentId, plan.NationCode, plan.Officers, plan.InboundMovement, plan.OutboundMovement));
        Assert.Equal((Day(2024, 6, 25), Day(2024, 10, 1), SupportPlanStatus.Active), (plan.StartsOn, plan.EndsOn, plan.Status));
        Assert.Equal(200L * 99, plan.RationDays);
        var supported = await Eventually.Get(() => officer.Sites.GetSiteAsync(new GetSiteRequest { Id = site.Id }).ResponseAsync,
            s => s.SupportedPersonnel == 200, what: "logistics to count the officers at the site");
        Assert.Equal(200, supported.SupportedPersonnel);

        var contingents = fixture.Suite.ViaGateway<ContingentService.ContingentServiceClient>(admin);
        foreach (var status in new[] { ContingentStatus.Demobilizing, ContingentStatus.Repatriated })
        {
            await contingents.ChangeContingentStatusAsync(new ChangeContingentStatusRequest
            {
                RequestId = NewId(), Id = contingent.Id, Status = status, EffectiveOn = status == ContingentStatus.Repatriated ? Day(2024, 9, 1) : null,
            });
        }

        var closed = await Eventually.Get(() => reports.ListSupportPlansAsync(new ListSupportPlansRequest { SiteId = site.Id }).ResponseAsync,
            p => p.Plans[0].Status == SupportPlanStatus.Closed, what: "logistics to close the plan on ContingentRepatriated");
        Assert.Equal((Day(2024, 9, 1), 200L * 69, 200), (closed.Plans[0].EndsOn, closed.Plans[0].RationDays, closed.Plans[0].OutboundMovement));
    }

    [Fact]
    public async Task A_contingent_requested_in_personnel_is_known_to_logistics_which_takes_its_MOU_lines_and_inspects_them_once_it_deployed()
    {
        await Calls.StatusOfForcesInForceAsync(fixture.Suite, admin, "KEN");
        var contingent = await fixture.Suite.ViaGateway<ContingentService.ContingentServiceClient>(TestTokens.For("KEN", Roles.Contributor))
            .CreateContingentAsync(new CreateContingentRequest
            {
                RequestId = NewId(), NationCode = "KEN", Name = $"Kenya FPU {NewId()[..6]}", UnitType = UnitType.FormedPoliceUnit, OfficerCount = 140, TourMonths = 12,
            });
        CreateEquipmentLineRequest Line(string nation) => new()
        {
            RequestId = NewId(), ContingentId = contingent.Id, NationCode = nation, Description = "Armoured personnel carrier, wheeled",
            Category = EquipmentCategory.MajorEquipment, Quantity = 8, LeaseType = LeaseType.Wet,
        };

        var kenyan = Line("KEN");
        var line = await Eventually.Get(() => UntilHeard(() => officer.Equipment.CreateEquipmentLineAsync(kenyan).ResponseAsync, StatusCode.NotFound),
            l => l is not null, what: "logistics to hear ContingentRequested");
        await RpcAssert.FailedPrecondition(() => officer.Equipment.CreateEquipmentLineAsync(Line("JAM")).ResponseAsync, "CONTINGENT_NATION");
        await using (var scope = fixture.Suite.Scope("logistics"))
        {
            var known = await scope.ServiceProvider.GetRequiredService<LogisticsDbContext>().KnownContingents.AsNoTracking().SingleAsync(c => c.Id == contingent.Id);
            Assert.Equal(("KEN", "FORMED_POLICE_UNIT", 140, KnownContingentStatus.Requested), (known.Nation, known.UnitType, known.OfficerCount, known.Status));
        }
        var inspection = new RecordInspectionRequest
        {
            RequestId = NewId(), EquipmentLineId = line!.Id, Kind = InspectionKind.Arrival, InspectedOn = Day(2024, 7, 1), ServiceabilityPercent = 92,
        };
        await RpcAssert.FailedPrecondition(() => officer.Equipment.RecordInspectionAsync(inspection).ResponseAsync, "CONTINGENT_NOT_DEPLOYED");

        var contingents = fixture.Suite.ViaGateway<ContingentService.ContingentServiceClient>(admin);
        foreach (var status in new[] { ContingentStatus.Assigned, ContingentStatus.Standby, ContingentStatus.Mobilized, ContingentStatus.Deployed })
        {
            await contingents.ChangeContingentStatusAsync(new ChangeContingentStatusRequest
            {
                RequestId = NewId(), Id = contingent.Id, Status = status, EffectiveOn = status == ContingentStatus.Deployed ? Day(2024, 6, 25) : null,
            });
        }

        var inspected = await Eventually.Get(() => UntilHeard(() => officer.Equipment.RecordInspectionAsync(inspection).ResponseAsync, StatusCode.FailedPrecondition),
            i => i is not null, what: "logistics to hear ContingentDeployed");
        Assert.Equal((92, Day(2024, 7, 1)), (inspected!.ServiceabilityPercent, inspected.InspectedOn));
    }

    /// <summary>The call's answer, or null while it fails as it does until an event from personnel has arrived.</summary>
    private static async Task<T?> UntilHeard<T>(Func<Task<T>> call, StatusCode waiting) where T : class
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (e.StatusCode == waiting)
        {
            return null;
        }
    }
}
