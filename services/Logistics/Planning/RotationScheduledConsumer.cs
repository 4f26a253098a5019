using Coordination.Events;
using Coordination.Logistics.Contingents;
using Coordination.Logistics.Persistence;
using Coordination.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Logistics.Planning;

/// <summary>
/// A relief in place was scheduled: the outgoing contingent's plan ends on its departure, and the incoming one is planned
/// from its arrival at the site, so the overlap days count both contingents' officers. A rotation already stored (the
/// same rotation announced again) changes nothing.
/// </summary>
public sealed class RotationScheduledConsumer(LogisticsDbContext db, ILogger<RotationScheduledConsumer> logger)
    : IdempotentConsumer<RotationScheduled>(db, logger)
{
    protected override async Task HandleAsync(RotationScheduled message, CancellationToken ct)
    {
        if (await db.ScheduledRotations.AnyAsync(r => r.Id == message.SubjectId, ct))
        {
            return;
        }
        // The incoming contingent is planned before it deploys, so logistics must know it even if its ContingentRequested is late.
        await db.KnownContingentAsync(message.IncomingContingentId, message.Nation ?? "", message.OccurredAt, ct);
        db.ScheduledRotations.Add(ScheduledRotation.From(message));
    }
}
