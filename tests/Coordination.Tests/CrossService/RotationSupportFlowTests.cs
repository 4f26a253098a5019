using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Logistics.Persistence;
using Coordination.Logistics.V1;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.CrossService;

/// <summary>
/// Personnel schedules a relief in place; over real RabbitMQ, logistics' movement and ration plan for the site covers
/// both contingents on the overlap days: the outgoing one is fed and moved out to its departure, the incoming one is
/// planned from its arrival for its tour's length before it deploys. Every call goes through the gateway.
/// </summary>
public sealed class RotationSupportFlowTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>
{
    private readonly string admin = TestTokens.For("HTI", Roles.MissionAdmin);

    [Fact]
    public async Task A_relief_in_place_puts_both_contingents_in_the_sites_ration_and_movement_plan_for_the_overlap()
    {
        var suite = fixture.Suite;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await AdoptAsync(suite, TestTokens.For("HTI", Roles.Diplomat), "S/RES/2793 (2025)", On(today.AddDays(-200)), On(today.AddDays(500)), 5_550);
        await PersonnelKnowsMandateAsync(suite, admin, "S/RES/2793 (2025)");
        var officer = TestTokens.For("HTI", Roles.LogisticsOfficer);
        var site = await suite.ViaGateway<SiteService.SiteServiceClient>(officer).CreateSiteAsync(new CreateSiteRequest
        {
            RequestId = NewId(), Name = $"Port-au-Prince port {NewId()[..6]}", Kind = SiteKind.Port,
            Location = new LatLng { Latitude = 18.5547, Longitude = -72.3447 }, Status = SiteStatus.Secured, RequiredPosture = 100,
        });
        var outgoing = await DeployAsync(suite, admin, "KEN", 100, 12, On(today.AddDays(-60)), site.Id);
        var reports = suite.ViaGateway<LogisticsReportService.LogisticsReportServiceClient>(officer);
        var before = await Eventually.Get(() => reports.ListSupportPlansAsync(new ListSupportPlansRequest { SiteId = site.Id }).ResponseAsync,
            p => p.Plans.Count == 1, what: "logistics to plan the deployed contingent");
        Assert.Equal(outgoing.PlannedTourEnd, before.Plans[0].EndsOn);

        var incoming = await StandbyAsync(suite, "KEN", 120);
        var (arrives, departs) = (today.AddDays(20), today.AddDays(27));
        var rotation = await suite.ViaGateway<ContingentService.ContingentServiceClient>(admin).ScheduleRotationAsync(new ScheduleRotationRequest
        {
            RequestId = NewId(), OutgoingContingentId = outgoing.Id, IncomingContingentId = incoming.Id,
            IncomingArrivesOn = On(arrives), OutgoingDepartsOn = On(departs),
        });

        var plans = (await Eventually.Get(() => reports.ListSupportPlansAsync(new ListSupportPlansRequest { SiteId = site.Id }).ResponseAsync,
            p => p.Plans.Count == 2, what: "logistics to apply RotationScheduled")).Plans.ToDictionary(p => p.ContingentId);
        var relieved = plans[outgoing.Id];
        Assert.Equal((incoming.Id, SupportPlanStatus.Active, On(departs), 100), (relieved.RelievedByContingentId, relieved.Status, relieved.EndsOn, relieved.OutboundMovement));
        var relief = plans[incoming.Id];
        Assert.Equal((outgoing.Id, SupportPlanStatus.Planned, site.Id, 120, 120), (relief.RelievesContingentId, relief.Status, relief.SiteId, relief.Officers, relief.InboundMovement));
        // The relief is supported from its arrival for its 12-month tour (the mandate runs longer), the overlap included.
        var tourEnds = arrives.AddMonths(12).AddDays(-1);
        Assert.Equal((On(arrives), On(tourEnds), 120L * (tourEnds.DayNumber - arrives.DayNumber + 1), false),
            (relief.StartsOn, relief.EndsOn, relief.RationDays, relief.EndsWithMandate));
        // On each overlap day the site feeds both contingents.
        foreach (var plan in plans.Values)
        {
            Assert.Equal((On(arrives), On(departs), 220), (plan.OverlapStartsOn, plan.OverlapEndsOn, plan.OverlapSiteOfficers));
        }
        Assert.Equal(100L * (departs.DayNumber - today.AddDays(-60).DayNumber + 1), relieved.RationDays);
        Assert.Equal(rotation.Id, (await ScheduledAsync(suite)).Single());
    }

    private static Date On(DateOnly day) => Day(day.Year, day.Month, day.Day);

    /// <summary>A contingent walked to STANDBY, not posted to any site: the relief.</summary>
    private async Task<Coordination.Personnel.V1.Contingent> StandbyAsync(SuiteHost suite, string nation, int officers)
    {
        var contingents = suite.ViaGateway<ContingentService.ContingentServiceClient>(admin);
        var contingent = await contingents.CreateContingentAsync(new CreateContingentRequest
        {
            RequestId = NewId(), NationCode = nation, Name = $"{nation} relief {NewId()[..6]}", UnitType = UnitType.FormedPoliceUnit,
            OfficerCount = officers, TourMonths = 12,
        });
        foreach (var status in new[] { ContingentStatus.Assigned, ContingentStatus.Standby })
        {
            contingent = await contingents.ChangeContingentStatusAsync(new ChangeContingentStatusRequest { RequestId = NewId(), Id = contingent.Id, Status = status });
        }
        return contingent;
    }

    private static async Task<List<string>> ScheduledAsync(SuiteHost suite)
    {
        await using var scope = suite.Scope("logistics");
        return await scope.ServiceProvider.GetRequiredService<LogisticsDbContext>().ScheduledRotations.Select(r => r.Id).ToListAsync();
    }
}
