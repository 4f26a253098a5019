using Coordination.Auth;
using Coordination.Events;
using Coordination.Logistics.Contingents;
using Coordination.Logistics.Persistence;
using Coordination.Logistics.V1;
using Coordination.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.Logistics.LogisticsDesk;

namespace Coordination.Tests.Logistics;

/// <summary>The contingents logistics knows from personnel's events, in whatever order they arrive.</summary>
public sealed class KnownContingentTests(LogisticsGatewayFixture fixture) : IClassFixture<LogisticsGatewayFixture>
{
    [Fact]
    public async Task Personnels_contingent_events_in_reverse_order_leave_the_contingent_repatriated_with_all_it_was_told()
    {
        var logistics = fixture.Suite.Service("logistics").Services;
        var id = NewId();

        await PersonnelAnnouncements.PublishAsync(logistics, new ContingentRepatriated
        {
            OccurredAt = DateTime.UtcNow, SubjectId = id, Nation = "BGD", OfficerCount = 175, SiteId = "", RepatriatedOn = new DateOnly(2025, 6, 24),
        });
        await Known(c => c.Status == KnownContingentStatus.Repatriated);
        await PersonnelAnnouncements.PublishAsync(logistics, new ContingentDeployed
        {
            OccurredAt = DateTime.UtcNow, SubjectId = id, Nation = "BGD", OfficerCount = 180, SiteId = "",
            DeployedOn = new DateOnly(2024, 6, 25), PlannedTourEnd = new DateOnly(2025, 6, 24),
        });
        await Known(c => c.DeployedOn is not null);
        await PersonnelAnnouncements.PublishAsync(logistics, new ContingentRequested
        {
            OccurredAt = DateTime.UtcNow, SubjectId = id, Nation = "BGD", UnitType = "FORMED_POLICE_UNIT", OfficerCount = 180,
        });
        var known = await Known(c => c.UnitType.Length > 0);

        Assert.Equal(("BGD", KnownContingentStatus.Repatriated, 175), (known.Nation, known.Status, known.OfficerCount));
        Assert.Equal((new DateOnly(2024, 6, 25), new DateOnly(2025, 6, 24)), (known.DeployedOn, known.RepatriatedOn));
        await RpcAssert.FailedPrecondition(() => fixture.Desk(TestTokens.For("HTI", Roles.LogisticsOfficer)).Equipment.CreateEquipmentLineAsync(new CreateEquipmentLineRequest
        {
            RequestId = NewId(), ContingentId = id, NationCode = "BGD", Description = "Generator", Category = EquipmentCategory.SelfSustainment,
            Quantity = 2, LeaseType = LeaseType.Wet,
        }).ResponseAsync, "CONTINGENT_REPATRIATED");

        Task<KnownContingent> Known(Func<KnownContingent, bool> done) => KnownAsync(id, done);
    }

    [Fact]
    public async Task A_repatriation_heard_before_the_deployment_closes_the_support_plan_and_leaves_the_site_without_those_officers()
    {
        var officer = fixture.Desk(TestTokens.For("HTI", Roles.LogisticsOfficer));
        var site = await officer.SiteAsync(SiteStatus.Secured, "Port of Port-au-Prince");
        var logistics = fixture.Suite.Service("logistics").Services;
        var id = NewId();

        await PersonnelAnnouncements.PublishAsync(logistics, new ContingentRepatriated
        {
            OccurredAt = DateTime.UtcNow, SubjectId = id, Nation = "BGD", OfficerCount = 175, SiteId = site.Id, RepatriatedOn = new DateOnly(2025, 6, 24),
        });
        await KnownAsync(id, c => c.Status == KnownContingentStatus.Repatriated);
        await PersonnelAnnouncements.PublishAsync(logistics, new ContingentDeployed
        {
            OccurredAt = DateTime.UtcNow, SubjectId = id, Nation = "BGD", OfficerCount = 180, SiteId = site.Id,
            DeployedOn = new DateOnly(2024, 6, 25), PlannedTourEnd = new DateOnly(2025, 6, 25),
        });
        await KnownAsync(id, c => c.DeployedOn is not null);

        // Fed from 25 June 2024 to the day it left, 24 June 2025 (365 days, both ends), moved in and moved home.
        var plan = Assert.Single((await officer.Reports.ListSupportPlansAsync(new ListSupportPlansRequest { SiteId = site.Id })).Plans);
        Assert.Equal((id, SupportPlanStatus.Closed, 180, 175), (plan.ContingentId, plan.Status, plan.InboundMovement, plan.OutboundMovement));
        Assert.Equal((Day(2024, 6, 25), Day(2025, 6, 24), 180L * 365), (plan.StartsOn, plan.EndsOn, plan.RationDays));
        Assert.Equal(0, (await officer.Sites.GetSiteAsync(new GetSiteRequest { Id = site.Id })).SupportedPersonnel);
    }

    [Fact]
    public async Task How_many_officers_a_site_supports_is_read_by_the_mission_and_by_no_other_role()
    {
        var officer = fixture.Desk(TestTokens.For("HTI", Roles.LogisticsOfficer));
        var site = await officer.SiteAsync(SiteStatus.Secured, "Cap-Haitien police station");
        var id = NewId();
        await PersonnelAnnouncements.PublishAsync(fixture.Suite.Service("logistics").Services, new ContingentDeployed
        {
            OccurredAt = DateTime.UtcNow, SubjectId = id, Nation = "JAM", OfficerCount = 120, SiteId = site.Id,
            DeployedOn = new DateOnly(2025, 3, 1), PlannedTourEnd = new DateOnly(2026, 3, 1),
        });
        await KnownAsync(id, c => c.DeployedOn is not null);

        foreach (var role in Roles.All)
        {
            // The contingent's own nation too: where the units stand is the mission's.
            var desk = fixture.Desk(TestTokens.For("JAM", role));
            var expected = role is Roles.LogisticsOfficer or Roles.MissionAdmin ? 120 : 0;
            Assert.Equal((role, expected), (role, (await desk.Sites.GetSiteAsync(new GetSiteRequest { Id = site.Id })).SupportedPersonnel));
            var listed = await desk.Sites.ListSitesAsync(new ListSitesRequest { Page = new() { PageSize = 500 } });
            Assert.Equal((role, expected), (role, listed.Sites.Single(s => s.Id == site.Id).SupportedPersonnel));
        }
    }

    private Task<KnownContingent> KnownAsync(string id, Func<KnownContingent, bool> done) => Eventually.Get(async () =>
    {
        await using var scope = fixture.Suite.Scope("logistics");
        return (await scope.ServiceProvider.GetRequiredService<LogisticsDbContext>().KnownContingents.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id))!;
    }, c => c is not null && done(c), what: $"logistics to apply personnel's events about {id}");
}
