using Coordination.Events;
using Coordination.Logistics.Persistence;
using Coordination.Messaging;

namespace Coordination.Logistics.Sites;

/// <summary>A contingent deployed to a site: the site now supports (and must supply) its officers.</summary>
public sealed class ContingentDeployedConsumer(LogisticsDbContext db, ILogger<ContingentDeployedConsumer> logger)
    : IdempotentConsumer<ContingentDeployed>(db, logger)
{
    protected override async Task HandleAsync(ContingentDeployed message, CancellationToken ct)
    {
        if (message.SiteId.Length == 0)
        {
            return;
        }
        var assignment = await db.SiteAssignments.FindAsync([message.SubjectId], ct);
        if (assignment is null)
        {
            db.SiteAssignments.Add(new SiteAssignment
            {
                ContingentId = message.SubjectId,
                SiteId = message.SiteId,
                Nation = message.Nation ?? "",
                Officers = message.OfficerCount,
                Active = true,
                UpdatedAt = message.OccurredAt,
            });
        }
    }
}

/// <summary>A contingent went home: its site no longer counts its officers.</summary>
public sealed class ContingentRepatriatedConsumer(LogisticsDbContext db, ILogger<ContingentRepatriatedConsumer> logger)
    : IdempotentConsumer<ContingentRepatriated>(db, logger)
{
    protected override async Task HandleAsync(ContingentRepatriated message, CancellationToken ct)
    {
        var assignment = await db.SiteAssignments.FindAsync([message.SubjectId], ct);
        if (assignment is not null)
        {
            assignment.Active = false;
            assignment.UpdatedAt = message.OccurredAt;
        }
    }
}
