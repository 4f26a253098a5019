using Coordination.Events;
using Coordination.Finance.Ledger;
using Coordination.Finance.Persistence;
using Coordination.Finance.V1;
using Coordination.Messaging;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Expenditures;

/// <summary>A dispatched shipment's freight charge and the value of its goods are spent on the period's logistics line.</summary>
public sealed class ShipmentDispatchedConsumer(FinanceDbContext db, FinanceLedger ledger, TimeProvider time, ILogger<ShipmentDispatchedConsumer> logger)
    : IdempotentConsumer<ShipmentDispatched>(db, logger)
{
    protected override Task HandleAsync(ShipmentDispatched message, CancellationToken ct) =>
        message.FreightUsdCents is null && message.GoodsValueUsdCents is null
            ? Task.CompletedTask // nothing was valued: nothing to spend
            : ShipmentCosts.RecordAsync(db, ledger, message, ShipmentStage.Dispatched, message.WaybillNumber,
                message.FreightUsdCents ?? 0, message.GoodsValueUsdCents ?? 0, 0, time.UtcNow(), ct);
}

/// <summary>The value of a shipment's damaged and missing goods is written off on the period's logistics line.</summary>
public sealed class ShipmentReceivedConsumer(FinanceDbContext db, FinanceLedger ledger, TimeProvider time, ILogger<ShipmentReceivedConsumer> logger)
    : IdempotentConsumer<ShipmentReceived>(db, logger)
{
    protected override Task HandleAsync(ShipmentReceived message, CancellationToken ct) =>
        message.WrittenOffUsdCents is not > 0
            ? Task.CompletedTask // unvalued goods, or everything arrived whole
            : ShipmentCosts.RecordAsync(db, ledger, message, ShipmentStage.Received, message.WaybillNumber,
                0, 0, message.WrittenOffUsdCents.Value, time.UtcNow(), ct);
}

internal static class ShipmentCosts
{
    public static async Task RecordAsync(FinanceDbContext db, FinanceLedger ledger, IntegrationEvent message, ShipmentStage stage, string waybill,
        long freight, long goods, long writtenOff, DateTime now, CancellationToken ct)
    {
        // Budget lines' running totals move under the ledger's lock, as every write's do.
        await ledger.EnterAsync(ct);
        if (await db.ShipmentExpenditures.AnyAsync(e => e.ShipmentId == message.SubjectId && e.Stage == stage, ct))
        {
            return; // this stage of the shipment is already counted (another event for it, not a redelivery)
        }
        var day = DateOnly.FromDateTime(message.OccurredAt);
        var period = await Budget.BudgetPeriod.CurrentAsync(db.BudgetPeriods.AsNoTracking(), day, ct);
        var line = period is null
            ? null
            : await db.BudgetLines.SingleOrDefaultAsync(l => l.BudgetPeriodId == period.Id && l.Category == BudgetCategory.Logistics, ct);
        var expenditure = new ShipmentExpenditure
        {
            ShipmentId = message.SubjectId,
            Stage = stage,
            WaybillNumber = waybill[..Math.Min(waybill.Length, 64)],
            IncurredOn = day,
            BudgetPeriodId = period?.Id ?? "",
            BudgetLineId = line?.Id ?? "",
            FreightUsdCents = freight,
            GoodsUsdCents = goods,
            WrittenOffUsdCents = writtenOff,
            EventId = message.EventId,
            RecordedAt = now,
        };
        line?.Spend(expenditure.SpentUsdCents, writtenOff);
        db.ShipmentExpenditures.Add(expenditure);
    }
}
