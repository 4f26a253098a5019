using Coordination.Events;
using Coordination.Finance.Budget;
using Coordination.Finance.Ledger;
using Coordination.Finance.Persistence;
using Coordination.Finance.Rates;
using Coordination.Finance.V1;
using Coordination.Messaging;
using Coordination.Persistence;
using Coordination.Validation;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Contributions;

/// <summary>
/// Goods pledged in kind (logistics) become an IN_KIND contribution of the pledging nation, to the logistics line of
/// the budget period that contains the pledge day when there is one. The value is in USD when logistics gives it (a
/// USD pledge); otherwise it is converted at the latest stored rate on or before that day; with no stored rate, or a
/// value beyond what one amount may be (<see cref="Values.ExactMoney.MaxAmountUsdCents"/>), the contribution is recorded
/// unvalued, counted in no USD total, until a correction gives it a rate.
/// </summary>
public sealed partial class InKindPledgedConsumer(
    FinanceDbContext db, FinanceLedger ledger, ContributionBook book, TimeProvider time, ILogger<InKindPledgedConsumer> logger)
    : IdempotentConsumer<InKindPledged>(db, logger)
{
    protected override async Task HandleAsync(InKindPledged message, CancellationToken ct)
    {
        // It appends to the ledger as a write does, in the consumer's transaction: the ledger's lock comes first.
        await ledger.EnterAsync(ct);
        var day = DateOnly.FromDateTime(message.OccurredAt);
        var v = new Violations();
        var valuation = message.Currency == "USD"
            ? UsdValuation.At(new Values.ExactMoney("USD", message.UsdCents ?? message.AmountMinorUnits), 1m, "1", null, v)
            : await db.ExchangeRates.AsNoTracking().OnAsync(message.Currency, day, ct) is { } stored
                ? UsdValuation.At(stored, new Values.ExactMoney(message.Currency, message.AmountMinorUnits), v)
                : null;
        if (v.Any)
        {
            LogBeyondBound(logger, message.EventId, message.Currency, message.AmountMinorUnits);
        }

        var period = await db.BudgetPeriods.AsNoTracking().Where(p => p.StartsOn <= day && p.EndsOn >= day).Select(p => p.Id).FirstOrDefaultAsync(ct);
        var line = period is null
            ? ""
            : await db.BudgetLines.AsNoTracking().Where(l => l.BudgetPeriodId == period && l.Category == BudgetCategory.Logistics).Select(l => l.Id).FirstOrDefaultAsync(ct) ?? "";

        var earmark = $"In kind: {message.Quantity:N0} units of item {message.ItemId} for requisition {message.RequisitionId}";
        var terms = new ContributionTerms(message.Currency, message.AmountMinorUnits, valuation?.Rate ?? "", valuation?.RateDate, valuation?.UsdCents ?? 0,
            valuation is null, Channel.InKind, line, earmark[..Math.Min(earmark.Length, 200)], "", day, day, null);
        var audit = Audit.System(nameof(InKindPledged), time.UtcNow());
        var contribution = await book.RecordAsync(message.Nation ?? "", "", ContributionStatus.Pledged, terms, audit, $"event-{message.EventId:N}", ct);
        db.Publish(ContributionsApi.Pledged(contribution, audit.CreatedAt));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "In-kind pledge {EventId} of {Currency} {MinorUnits} minor units is worth more than one amount may be; recorded unvalued")]
    private static partial void LogBeyondBound(ILogger logger, Guid eventId, string currency, long minorUnits);
}
