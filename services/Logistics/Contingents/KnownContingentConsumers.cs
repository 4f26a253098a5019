using Coordination.Events;
using Coordination.Logistics.Persistence;
using Coordination.Messaging;

namespace Coordination.Logistics.Contingents;

/// <summary>A contingent was requested in personnel: logistics knows it from now on.</summary>
public sealed class ContingentRequestedConsumer(LogisticsDbContext db, ILogger<ContingentRequestedConsumer> logger)
    : IdempotentConsumer<ContingentRequested>(db, logger)
{
    protected override async Task HandleAsync(ContingentRequested message, CancellationToken ct) =>
        (await db.KnownContingentAsync(message, ct)).Requested(message.UnitType, message.OfficerCount, message.OccurredAt);
}

/// <summary>A contingent deployed: its equipment is in the mission area from that day.</summary>
public sealed class KnownContingentDeployedConsumer(LogisticsDbContext db, ILogger<KnownContingentDeployedConsumer> logger)
    : IdempotentConsumer<ContingentDeployed>(db, logger)
{
    protected override async Task HandleAsync(ContingentDeployed message, CancellationToken ct) =>
        (await db.KnownContingentAsync(message, ct)).Deployed(message.DeployedOn, message.OfficerCount, message.OccurredAt);
}

/// <summary>A contingent went home: it raises no more requisitions nor MOU lines.</summary>
public sealed class KnownContingentRepatriatedConsumer(LogisticsDbContext db, ILogger<KnownContingentRepatriatedConsumer> logger)
    : IdempotentConsumer<ContingentRepatriated>(db, logger)
{
    protected override async Task HandleAsync(ContingentRepatriated message, CancellationToken ct) =>
        (await db.KnownContingentAsync(message, ct)).Repatriated(message.RepatriatedOn, message.OfficerCount, message.OccurredAt);
}

internal static class KnownContingentEvents
{
    /// <summary>The contingent an event is about, added to the context when this is the first event heard of it.</summary>
    public static async Task<KnownContingent> KnownContingentAsync(this LogisticsDbContext db, IntegrationEvent message, CancellationToken ct)
    {
        if (await db.KnownContingents.FindAsync([message.SubjectId], ct) is { } known)
        {
            return known;
        }
        var heard = KnownContingent.Heard(message.SubjectId, message.Nation ?? "");
        db.KnownContingents.Add(heard);
        return heard;
    }
}
