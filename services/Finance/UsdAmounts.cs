using Coordination.Validation;
using Coordination.Values;
using ProtoMoney = Coordination.Common.V1.Money;

namespace Coordination.Finance;

/// <summary>Reads amounts that must be in US dollars: requirements, allocations, disbursements.</summary>
public static class UsdAmounts
{
    /// <summary>The amount in cents, or null with a violation when it is malformed, not USD, or not above the minimum.</summary>
    public static long? Read(ProtoMoney? money, Violations v, string field, bool allowZero = false)
    {
        var amount = ExactMoney.FromProto(money, v, field, mustBePositive: false);
        if (amount is null)
        {
            return null;
        }
        if (amount.Value.Currency != "USD")
        {
            v.Add($"{field}.currency_code", $"must be USD (got {amount.Value.Currency}); convert at the day's rate first");
            return null;
        }
        if (amount.Value.MinorUnits < 0 || (!allowZero && amount.Value.MinorUnits == 0))
        {
            v.Add(field, allowZero ? "must not be negative" : "must be greater than zero");
            return null;
        }
        return amount.Value.MinorUnits;
    }
}
