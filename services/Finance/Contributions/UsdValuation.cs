using Coordination.Errors;
using Coordination.Finance.Rates;
using Coordination.Validation;
using Coordination.Values;

namespace Coordination.Finance.Contributions;

/// <summary>A contribution's USD value and the rate and day it was valued at.</summary>
public sealed record Valuation(string Rate, DateOnly? RateDate, long UsdCents);

/// <summary>
/// How a contribution gets its USD value. USD is itself. Any other currency is valued at the mission's rates (DOMAIN.md:
/// finance records them, not the donor): at the rate a finance officer gives with its day (the rate of a contribution
/// agreement, say), or else at the latest rate stored on or before the day the pledge is recorded. A contributor gives
/// neither rate nor day: a partner that chose its own rate, or its day among the stored ones, would set its own value.
/// Every value is at most <see cref="ExactMoney.MaxAmountUsdCents"/>.
/// </summary>
public static class UsdValuation
{
    private const string SetByTheMission = "set by the mission: a contributor's pledge is valued at the mission's stored rate on the day it is recorded";

    /// <summary>
    /// The valuation the request settles (USD, or a finance officer's rate), or null when the amount is to be valued at
    /// the stored rate; null too when the request is refused, with violations in <paramref name="v"/>.
    /// </summary>
    public static Valuation? FromRequest(ExactMoney amount, string rateText, bool rateDateGiven, DateOnly? rateDate, bool byContributor, Violations v)
    {
        if (byContributor)
        {
            v.Check(rateText.Length == 0 || (amount.Currency == "USD" && rateText == "1"), "usd_exchange_rate", $"{SetByTheMission}; leave it empty");
            v.Check(!rateDateGiven, "rate_date", $"{SetByTheMission}; leave it unset");
        }
        if (amount.Currency == "USD")
        {
            v.Check(rateText.Length == 0 || ExactMoney.ParseRate(rateText) == 1m, "usd_exchange_rate", "must be empty or 1 for a USD amount");
            return At(amount, 1m, "1", rateDate, v);
        }
        if (rateText.Length == 0 || byContributor)
        {
            v.Check(!rateDateGiven || byContributor, "rate_date",
                "given without usd_exchange_rate: give both, or neither to value the amount at the mission's stored rate");
            return null;
        }
        v.Check(rateDateGiven, "rate_date", $"required with usd_exchange_rate: the day the {amount.Currency} rate applies to");
        return ExactMoney.ReadRate(rateText, v, "usd_exchange_rate") is { } rate ? At(amount, rate, rateText, rateDate, v) : null;
    }

    /// <summary>
    /// At the mission's latest rate for the currency stored on or before <paramref name="day"/>; FAILED_PRECONDITION
    /// (EXCHANGE_RATE_MISSING) naming the currency and day when there is none.
    /// </summary>
    public static async Task<Valuation> AtStoredRateAsync(IQueryable<ExchangeRate> rates, ExactMoney amount, DateOnly day, CancellationToken ct)
    {
        var stored = await rates.OnAsync(amount.Currency, day, ct)
            ?? throw new PreconditionFailedException("EXCHANGE_RATE_MISSING", $"exchangeRates/{amount.Currency}",
                $"No {amount.Currency} rate is stored on or before {day:yyyy-MM-dd} to value the amount; a finance officer records it (RecordExchangeRate) first.");
        var v = new Violations();
        var valuation = At(stored, amount, v);
        v.ThrowIfAny();
        return valuation!;
    }

    /// <summary>The amount at a stored rate, or null with a violation when it is worth more than one amount may be.</summary>
    public static Valuation? At(ExchangeRate stored, ExactMoney amount, Violations v) =>
        At(amount, ExactMoney.ParseRate(stored.UsdPerUnit)!.Value, stored.UsdPerUnit, stored.RateDate, v);

    /// <summary>The amount at <paramref name="rate"/>, rounded by the one rule (<see cref="ExactMoney.ConvertTo"/>), at most the bound.</summary>
    public static Valuation? At(ExactMoney amount, decimal rate, string rateText, DateOnly? rateDate, Violations v) =>
        (amount.TryConvertTo("USD", rate, out var usd) ? usd : new ExactMoney("USD", long.MaxValue)).WithinBound(v, "amount")
            ? new Valuation(rateText, rateDate, usd.MinorUnits)
            : null;
}
