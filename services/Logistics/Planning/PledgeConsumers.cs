using Coordination.Events;
using Coordination.Logistics.Persistence;
using Coordination.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Logistics.Planning;

/// <summary>A nation pledged officers: logistics plans for their arrival once the pledge reaches L2.</summary>
public sealed class ArrivalPledgedConsumer(LogisticsDbContext db, ILogger<ArrivalPledgedConsumer> logger)
    : IdempotentConsumer<PersonnelPledged>(db, logger)
{
    // A pledge is announced once, as its first version.
    protected override async Task HandleAsync(PersonnelPledged message, CancellationToken ct) =>
        (await db.ExpectedArrivalAsync(message, ct)).Pledged(1, message.UnitType, message.OfficerCount, message.ReadinessLevel, message.OccurredAt);
}

/// <summary>A pledge's readiness level rose (its arrival comes nearer, or enters the planning at L2) or dropped to L1 (it leaves it).</summary>
public sealed class ArrivalLevelChangedConsumer(LogisticsDbContext db, ILogger<ArrivalLevelChangedConsumer> logger)
    : IdempotentConsumer<PledgeLevelChanged>(db, logger)
{
    protected override async Task HandleAsync(PledgeLevelChanged message, CancellationToken ct) =>
        (await db.ExpectedArrivalAsync(message, ct)).Pledged(message.PledgeVersion, message.UnitType, message.OfficerCount, message.ReadinessLevel,
            message.OccurredAt);
}

/// <summary>A pledge was withdrawn: its officers are no longer expected.</summary>
public sealed class ArrivalWithdrawnConsumer(LogisticsDbContext db, ILogger<ArrivalWithdrawnConsumer> logger)
    : IdempotentConsumer<PledgeWithdrawn>(db, logger)
{
    protected override async Task HandleAsync(PledgeWithdrawn message, CancellationToken ct) =>
        (await db.ExpectedArrivalAsync(message, ct)).Withdraw(message.OccurredAt);
}

public static class ExpectedArrivalEvents
{
    /// <summary>
    /// The pledge an event is about, inserted first when it is the first event heard of it; three queues may apply events
    /// about one pledge at once, so the row is inserted only if missing and their changes are ordered by its revision.
    /// </summary>
    public static async Task<ExpectedArrival> ExpectedArrivalAsync(this LogisticsDbContext db, IntegrationEvent message, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO expected_arrivals ("Id", "Nation", "UnitType", "Officers", "ReadinessLevel", "PledgeVersion", "Withdrawn", "Revision", "UpdatedAt")
            VALUES ({message.SubjectId}, {message.Nation ?? ""}, '', 0, '', 0, FALSE, 0, {message.OccurredAt})
            ON CONFLICT ("Id") DO NOTHING
            """, ct);
        return await db.ExpectedArrivals.SingleAsync(a => a.Id == message.SubjectId, ct);
    }
}
