using Coordination.Events;
using Coordination.Finance.Persistence;
using Coordination.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Budget;

/// <summary>A new mandate opens the first budget period.</summary>
public sealed class MandateAdoptedConsumer(FinanceDbContext db, ILogger<MandateAdoptedConsumer> logger)
    : IdempotentConsumer<MandateAdopted>(db, logger)
{
    protected override Task HandleAsync(MandateAdopted message, CancellationToken ct) =>
        BudgetPeriods.OpenAsync(db, message.SubjectId, message.ResolutionSymbol, message.PeriodStart, message.PeriodEnd, message.OccurredAt, ct);
}

/// <summary>A renewal opens the next budget period, from the day after the old end to the new end.</summary>
public sealed class MandateExtendedConsumer(FinanceDbContext db, ILogger<MandateExtendedConsumer> logger)
    : IdempotentConsumer<MandateExtended>(db, logger)
{
    protected override Task HandleAsync(MandateExtended message, CancellationToken ct) =>
        BudgetPeriods.OpenAsync(db, message.SubjectId, message.ResolutionSymbol, message.PreviousPeriodEnd.AddDays(1), message.PeriodEnd, message.OccurredAt, ct);
}

internal static class BudgetPeriods
{
    public static async Task OpenAsync(FinanceDbContext db, string mandateId, string symbol, DateOnly start, DateOnly end, DateTime at, CancellationToken ct)
    {
        // One period per resolution, however the event reaches us.
        if (!await db.BudgetPeriods.AnyAsync(p => p.ResolutionSymbol == symbol, ct))
        {
            db.BudgetPeriods.Add(new BudgetPeriod { MandateId = mandateId, ResolutionSymbol = symbol, StartsOn = start, EndsOn = end, OpenedAt = at });
        }
    }
}

/// <summary>A successor mandate opens its own budget period; funds carry over to it.</summary>
public sealed class MandateTransitionedConsumer(FinanceDbContext db, ILogger<MandateTransitionedConsumer> logger)
    : IdempotentConsumer<MandateTransitioned>(db, logger)
{
    protected override Task HandleAsync(MandateTransitioned message, CancellationToken ct) =>
        BudgetPeriods.OpenAsync(db, message.SubjectId, message.ResolutionSymbol, message.PeriodStart, message.PeriodEnd, message.OccurredAt, ct);
}
