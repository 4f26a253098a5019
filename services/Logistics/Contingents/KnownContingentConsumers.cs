using Coordination.Events;
using Coordination.Logistics.Persistence;
using Coordination.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Logistics.Contingents;

/// <summary>A contingent was requested in personnel: logistics knows it from now on.</summary>
public sealed class ContingentRequestedConsumer(LogisticsDbContext db, ILogger<ContingentRequestedConsumer> logger)
    : IdempotentConsumer<ContingentRequested>(db, logger)
{
    protected override async Task HandleAsync(ContingentRequested message, CancellationToken ct) =>
        (await db.KnownContingentAsync(message, ct)).Requested(message.UnitType, message.OfficerCount, message.OccurredAt);
}

/// <summary>
/// A contingent deployed: its equipment is in the mission area from that day, its site supports its officers, and its
/// rations and inbound movement are planned to its planned tour end.
/// </summary>
public sealed class KnownContingentDeployedConsumer(LogisticsDbContext db, ILogger<KnownContingentDeployedConsumer> logger)
    : IdempotentConsumer<ContingentDeployed>(db, logger)
{
    protected override async Task HandleAsync(ContingentDeployed message, CancellationToken ct) =>
        (await db.KnownContingentAsync(message, ct)).Deployed(message.DeployedOn, message.OfficerCount, message.SiteId ?? "", message.PlannedTourEnd,
            message.TourLengthEnd, message.OccurredAt);
}

/// <summary>
/// A contingent went home: it raises no more requisitions nor MOU lines, its site no longer counts its officers, its
/// rations stop that day and its officers are moved out.
/// </summary>
public sealed class KnownContingentRepatriatedConsumer(LogisticsDbContext db, ILogger<KnownContingentRepatriatedConsumer> logger)
    : IdempotentConsumer<ContingentRepatriated>(db, logger)
{
    protected override async Task HandleAsync(ContingentRepatriated message, CancellationToken ct) =>
        (await db.KnownContingentAsync(message, ct)).Repatriated(message.RepatriatedOn, message.OfficerCount, message.OccurredAt);
}

public static class KnownContingentEvents
{
    /// <summary>
    /// The contingent an event is about, inserted first when this is the first event heard of it. Personnel's events
    /// about one contingent travel on three queues and may be applied at the same moment: each consumer inserts the row
    /// only if it is missing (a concurrent insert waits for the other's commit, then does nothing), so none fails on the
    /// key; their changes to the row are then ordered by its revision.
    /// </summary>
    public static Task<KnownContingent> KnownContingentAsync(this LogisticsDbContext db, IntegrationEvent message, CancellationToken ct) =>
        db.KnownContingentAsync(message.SubjectId, message.Nation ?? "", message.OccurredAt, ct);

    /// <summary>The contingent <paramref name="id"/> of <paramref name="nation"/>, inserted first when missing (as above).</summary>
    public static async Task<KnownContingent> KnownContingentAsync(this LogisticsDbContext db, string id, string nation, DateTime at, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO known_contingents ("Id", "Nation", "UnitType", "OfficerCount", "Status", "SiteId", "DeployedOfficers", "RepatriatedOfficers", "Revision", "UpdatedAt")
            VALUES ({id}, {nation}, '', 0, {nameof(KnownContingentStatus.Requested)}, '', 0, 0, 0, {at})
            ON CONFLICT ("Id") DO NOTHING
            """, ct);
        return await db.KnownContingents.SingleAsync(c => c.Id == id, ct);
    }
}
