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
    protected override Task HandleAsync(MandateExtended message, CancellationToken ct) =>
        BudgetPeriods.OpenAsync(db, message.SubjectId, message.ResolutionSymbol, message.PreviousPeriodEnd.AddDays(1), message.PeriodEnd, message.OccurredAt, ct);
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
