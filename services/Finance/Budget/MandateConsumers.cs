using Coordination.Events;
using Coordination.Finance.Ledger;
using Coordination.Finance.Persistence;
using Coordination.Messaging;
using Coordination.Persistence;
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
    protected override async Task HandleAsync(MandateExtended message, CancellationToken ct)
    {
        await BudgetPeriods.ClearExpiryAsync(db, message.SubjectId, ct);
        await BudgetPeriods.OpenAsync(db, message.SubjectId, message.ResolutionSymbol, message.PreviousPeriodEnd.AddDays(1), message.PeriodEnd, message.OccurredAt, ct);
    }
}

/// <summary>
/// Diplomacy warns that a mandate ends unrenewed (90, then 30 days before): its last budget period, and so every line
/// of it, is marked as ending with the mandate (30 replaces 90, never the other way). A warning about an end a renewal
/// or a successor has already moved on changes nothing; a renewal or successor clears the mark.
/// </summary>
public sealed class MandateExpiringConsumer(FinanceDbContext db, ILogger<MandateExpiringConsumer> logger)
    : IdempotentConsumer<MandateExpiring>(db, logger)
{
    protected override async Task HandleAsync(MandateExpiring message, CancellationToken ct)
    {
        var last = await db.BudgetPeriods.Where(p => p.MandateId == message.SubjectId).OrderByDescending(p => p.EndsOn).FirstOrDefaultAsync(ct);
        if (last is null || last.EndsOn != message.PeriodEnd || await db.BudgetPeriods.AnyAsync(p => p.CarriedOverFromPeriodId == last.Id, ct))
        {
            return;
        }
        last.MandateExpiringDaysBefore = Math.Min(last.MandateExpiringDaysBefore ?? int.MaxValue, message.DaysBefore);
    }
}

internal static class BudgetPeriods
{
    /// <summary>The period of <paramref name="symbol"/>, opened now unless it already is (added, not saved).</summary>
    public static async Task<BudgetPeriod> OpenAsync(FinanceDbContext db, string mandateId, string symbol, DateOnly start, DateOnly end, DateTime at, CancellationToken ct)
    {
        // One period per resolution, however the event reaches us.
        var period = await db.BudgetPeriods.SingleOrDefaultAsync(p => p.ResolutionSymbol == symbol, ct);
        if (period is null)
        {
            period = new BudgetPeriod { MandateId = mandateId, ResolutionSymbol = symbol, StartsOn = start, EndsOn = end, OpenedAt = at };
            db.BudgetPeriods.Add(period);
        }
        return period;
    }

    /// <summary>A renewal or successor: the mandate's periods no longer end with it unrenewed.</summary>
    public static async Task ClearExpiryAsync(FinanceDbContext db, string mandateId, CancellationToken ct)
    {
        foreach (var period in await db.BudgetPeriods.Where(p => p.MandateId == mandateId && p.MandateExpiringDaysBefore != null).ToListAsync(ct))
        {
            period.MandateExpiringDaysBefore = null;
        }
    }
}

/// <summary>
/// A successor mandate opens its own budget period, and each line of the predecessor's last period carries its unspent
/// balance (cash paid in and not disbursed) into the line of the same category of that period, created with a zero
/// requirement when finance has not set one. Carried once per successor period; what reaches the predecessor's lines
/// afterwards stays there.
/// </summary>
public sealed class MandateTransitionedConsumer(FinanceDbContext db, FinanceLedger ledger, TimeProvider time, ILogger<MandateTransitionedConsumer> logger)
    : IdempotentConsumer<MandateTransitioned>(db, logger)
{
    protected override async Task HandleAsync(MandateTransitioned message, CancellationToken ct)
    {
        // Budget lines' cash moves under the ledger's lock, as every write's does.
        await ledger.EnterAsync(ct);
        await BudgetPeriods.ClearExpiryAsync(db, message.PredecessorId, ct);
        var successor = await BudgetPeriods.OpenAsync(db, message.SubjectId, message.ResolutionSymbol, message.PeriodStart, message.PeriodEnd, message.OccurredAt, ct);
        var predecessor = await db.BudgetPeriods.AsNoTracking().Where(p => p.MandateId == message.PredecessorId)
            .OrderByDescending(p => p.StartsOn).FirstOrDefaultAsync(ct);
        if (predecessor is null || predecessor.Id == successor.Id || successor.CarriedOverFromPeriodId.Length > 0)
        {
            return; // nothing known to carry, or carried already
        }
        successor.CarriedOverFromPeriodId = predecessor.Id;
        var targets = await db.BudgetLines.Where(l => l.BudgetPeriodId == successor.Id).ToDictionaryAsync(l => l.Category, ct);
        foreach (var line in await db.BudgetLines.Where(l => l.BudgetPeriodId == predecessor.Id).ToListAsync(ct))
        {
            if (line.AvailableUsdCents <= 0)
            {
                continue;
            }
            if (!targets.TryGetValue(line.Category, out var target))
            {
                target = BudgetLine.Create(successor.Id, line.Category, $"Carried over from {predecessor.ResolutionSymbol}", 0,
                    Audit.System(nameof(MandateTransitioned), time.UtcNow()));
                db.BudgetLines.Add(target);
            }
            line.CarryOverTo(target);
        }
    }
}
