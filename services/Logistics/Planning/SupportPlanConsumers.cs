using Coordination.Events;
using Coordination.Logistics.Persistence;
using Coordination.Logistics.V1;
using Coordination.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Logistics.Planning;

/// <summary>A contingent deployed: plan its rations to the planned tour end and its move into the mission area.</summary>
public sealed class SupportPlanOnDeploymentConsumer(LogisticsDbContext db, ILogger<SupportPlanOnDeploymentConsumer> logger)
    : IdempotentConsumer<ContingentDeployed>(db, logger)
{
    protected override async Task HandleAsync(ContingentDeployed message, CancellationToken ct)
    {
        if (await db.SupportPlans.AnyAsync(p => p.ContingentId == message.SubjectId, ct))
        {
            return; // a contingent deploys once; a second event for it changes nothing
        }
        db.SupportPlans.Add(SupportPlan.ForDeployment(message.SubjectId, message.Nation ?? "", message.SiteId, message.OfficerCount,
            message.DeployedOn, message.PlannedTourEnd, message.OccurredAt));
    }
}

/// <summary>A contingent went home: its rations stop on that day and its officers are moved out.</summary>
public sealed class SupportPlanOnRepatriationConsumer(LogisticsDbContext db, ILogger<SupportPlanOnRepatriationConsumer> logger)
    : IdempotentConsumer<ContingentRepatriated>(db, logger)
{
    protected override async Task HandleAsync(ContingentRepatriated message, CancellationToken ct)
    {
        var plan = await db.SupportPlans.FirstOrDefaultAsync(p => p.ContingentId == message.SubjectId, ct);
        if (plan is { Status: SupportPlanStatus.Active })
        {
            plan.Close(message.RepatriatedOn, message.OfficerCount, message.OccurredAt);
        }
    }
}
