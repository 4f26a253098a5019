using Coordination.Events;
using Coordination.Logistics.Persistence;
using Coordination.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Logistics.Mandates;

/// <summary>A mandate was adopted: logistics plans within its period.</summary>
public sealed class MandateAdoptedConsumer(LogisticsDbContext db, ILogger<MandateAdoptedConsumer> logger)
    : IdempotentConsumer<MandateAdopted>(db, logger)
{
    protected override async Task HandleAsync(MandateAdopted message, CancellationToken ct) =>
        (await db.KnownMandateAsync(message.SubjectId, message.OccurredAt, ct)).Period(message.ResolutionSymbol, message.PeriodStart, message.PeriodEnd,
            message.OccurredAt);
}

/// <summary>A renewal extended the mandate: plans, requisitions and shipments may run to the new end.</summary>
public sealed class MandateExtendedConsumer(LogisticsDbContext db, ILogger<MandateExtendedConsumer> logger)
    : IdempotentConsumer<MandateExtended>(db, logger)
{
    protected override async Task HandleAsync(MandateExtended message, CancellationToken ct) =>
        (await db.KnownMandateAsync(message.SubjectId, message.OccurredAt, ct)).Period(message.ResolutionSymbol, message.PeriodStart, message.PeriodEnd,
            message.OccurredAt);
}

/// <summary>A successor mandate took over: the support carries over and may run to the successor's end.</summary>
public sealed class MandateTransitionedConsumer(LogisticsDbContext db, ILogger<MandateTransitionedConsumer> logger)
    : IdempotentConsumer<MandateTransitioned>(db, logger)
{
    protected override async Task HandleAsync(MandateTransitioned message, CancellationToken ct)
    {
        (await db.KnownMandateAsync(message.SubjectId, message.OccurredAt, ct)).Period(message.ResolutionSymbol, message.PeriodStart, message.PeriodEnd,
            message.OccurredAt);
        (await db.KnownMandateAsync(message.PredecessorId, message.OccurredAt, ct)).SucceededBy(message.SubjectId, message.OccurredAt);
    }
}

/// <summary>An unrenewed mandate ends in 90 or 30 days: the support plans ending with it are marked and reported.</summary>
public sealed class MandateExpiringConsumer(LogisticsDbContext db, ILogger<MandateExpiringConsumer> logger)
    : IdempotentConsumer<MandateExpiring>(db, logger)
{
    protected override async Task HandleAsync(MandateExpiring message, CancellationToken ct) =>
        (await db.KnownMandateAsync(message.SubjectId, message.OccurredAt, ct)).Expiring(message.PeriodEnd, message.DaysBefore, message.OccurredAt);
}

public static class KnownMandateEvents
{
    /// <summary>The mandate <paramref name="id"/>, inserted first when missing (four queues may apply events about it at once).</summary>
    public static async Task<KnownMandate> KnownMandateAsync(this LogisticsDbContext db, string id, DateTime at, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO known_mandates ("Id", "ResolutionSymbol", "SuccessorId", "Revision", "UpdatedAt")
            VALUES ({id}, '', '', 0, {at})
            ON CONFLICT ("Id") DO NOTHING
            """, ct);
        return await db.KnownMandates.SingleAsync(m => m.Id == id, ct);
    }
}
