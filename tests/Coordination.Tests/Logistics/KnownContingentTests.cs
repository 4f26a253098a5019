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

        Task<KnownContingent> Known(Func<KnownContingent, bool> done) => Eventually.Get(async () =>
        {
            await using var scope = fixture.Suite.Scope("logistics");
            return (await scope.ServiceProvider.GetRequiredService<LogisticsDbContext>().KnownContingents.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id))!;
        }, c => c is not null && done(c), what: $"logistics to apply personnel's events about {id}");
    }
}
