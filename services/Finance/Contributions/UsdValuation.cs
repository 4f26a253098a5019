using Coordination.Validation;
using Coordination.Values;

namespace Coordination.Finance.Contributions;

/// <summary>How a contribution gets its USD value: USD is itself; any other currency needs a rate and its day.</summary>
public static class UsdValuation
{
    /// <summary>A rate as the caller wrote it: parsed and exact, or a violation on <paramref name="field"/>.</summary>
    public static (decimal Rate, string Text)? ReadRate(ExactMoney amount, string text, Violations v, string field = "usd_exchange_rate")
    {
        if (amount.Currency == "USD")
        {
            if (text.Length > 0 && ExactMoney.ParseRate(text) != 1m)
            {
                v.Add(field, "must be empty or 1 for a USD amount");
                return null;
            }
            return (1m, "1");
        }
        var rate = ExactMoney.ParseRate(text);
        if (rate is null)
        {
            v.Add(field, text.Length == 0
                ? $"required for a {amount.Currency} amount: USD per one {amount.Currency}, e.g. \"0.7236\""
                : "must be a positive decimal written with digits and one '.', e.g. \"0.7236\"");
            return null;
        }
        return (rate.Value, text);
    }

    /// <summary>The amount in US cents at <paramref name="rate"/>, rounded by the one rule (<see cref="ExactMoney.ConvertTo"/>).</summary>
    public static long? UsdCents(ExactMoney amount, decimal rate, Violations v, string field = "usd_exchange_rate")
    {
        if (amount.TryConvertTo("USD", rate, out var usd))
        {
            return usd.MinorUnits;
        }
        v.Add(field, "gives a USD value too large to record; check the rate's decimal point");
        return null;
    }
}
