using Coordination.Contracts;
using Coordination.Values;

namespace Coordination.Finance.Budget;

public static class BudgetMapping
{
    /// <summary>A category as events name it: the contract's value without its prefix, e.g. LOGISTICS.</summary>
    public static string CategoryName(V1.BudgetCategory category) =>
        V1.BudgetReflection.Descriptor.EnumTypes.Single(e => e.ClrType == typeof(V1.BudgetCategory)).FindValueByNumber((int)category).Name["BUDGET_CATEGORY_".Length..];

    public static V1.BudgetLine ToProto(this BudgetLine line) => new()
    {
        Id = line.Id,
        BudgetPeriodId = line.BudgetPeriodId,
        Category = line.Category,
        Description = line.Description,
        OriginalAmount = Usd(line.OriginalUsdCents),
        RevisedAmount = Usd(line.RevisedUsdCents),
        PledgedUsd = Usd(line.PledgedUsdCents),
        FundedUsd = Usd(line.FundedUsdCents),
        PaidInUsd = Usd(line.PaidInUsdCents),
        DisbursedUsd = Usd(line.DisbursedUsdCents),
        AdvancedUsd = Usd(line.AdvancedUsdCents),
        SpentUsd = Usd(line.SpentUsdCents),
        WrittenOffUsd = Usd(line.WrittenOffUsdCents),
        CarriedInUsd = Usd(line.CarriedInUsdCents),
        CarriedOutUsd = Usd(line.CarriedOutUsdCents),
        Audit = line.Audit.ToProto(),
    };

    public static V1.BudgetLineRevision ToProto(this BudgetLineRevision revision) => new()
    {
        Id = revision.Id,
        BudgetLineId = revision.BudgetLineId,
        PreviousAmount = Usd(revision.PreviousUsdCents),
        RevisedAmount = Usd(revision.RevisedUsdCents),
        Reason = revision.Reason,
        RevisedBy = revision.RevisedBy,
        ReviseTime = revision.RevisedAt.ToTimestamp(),
        RequestId = revision.RequestId,
    };

    public static V1.BudgetPeriod ToProto(this BudgetPeriod period) => new()
    {
        Id = period.Id,
        ResolutionSymbol = period.ResolutionSymbol,
        StartsOn = period.StartsOn.ToProto(),
        EndsOn = period.EndsOn.ToProto(),
        CarriedOverFromBudgetPeriodId = period.CarriedOverFromPeriodId,
        MandateExpiringDaysBefore = period.MandateExpiringDaysBefore ?? 0,
    };

    public static Common.V1.Money Usd(long cents) => new ExactMoney("USD", cents).ToProto();
}
