using System.Globalization;
using Coordination.Validation;
using ProtoMoney = Coordination.Common.V1.Money;

namespace Coordination.Values;

/// <summary>
/// An exact amount: an integer count of the currency's minor unit (cents for USD, yen for JPY).
/// The one rounding rule of the suite lives in <see cref="ConvertTo"/>: half to even, to the target's minor unit.
/// The bounds of what a mission can see live here too, so that no sum of amounts can leave a 64-bit count of cents.
/// </summary>
public readonly record struct ExactMoney(string Currency, long MinorUnits)
{
    /// <summary>
    /// The most any one amount may be worth: USD 10 billion, about twice the UN's whole yearly peacekeeping budget and
    /// ninety times what the MSS trust fund was pledged in its first year. A flow, an allocation, a disbursement, a budget
    /// line's requirement or a commitment beyond it is a typing error.
    /// </summary>
    public const long MaxAmountUsdCents = 1_000_000_000_000;

    /// <summary>
    /// The most a running total (a budget line's, a donor's, the fund's) may reach: USD 100 trillion, about the world's
    /// yearly output, and a thousandth of what 64 bits of cents hold, so that even the sum of every nation's totals fits.
    /// </summary>
    public const long MaxTotalUsdCents = 10_000_000_000_000_000;

    /// <summary>The lowest exchange rate, in USD per unit: a thousand times below the weakest active currency (about 0.000001).</summary>
    public const decimal MinRate = 0.000000001m;

    /// <summary>The highest exchange rate, in USD per unit: some twenty times above the strongest unit (CLF, about USD 40).</summary>
    public const decimal MaxRate = 1_000m;

    private const int NanosPerUnit = 1_000_000_000;

    public decimal Value => MinorUnits / Scale(Currency);

    public static ExactMoney Usd(decimal value) => FromDecimal("USD", value);

    /// <summary>Reads a contract amount; adds violations (and returns null) when it is malformed or finer than the minor unit.</summary>
    public static ExactMoney? FromProto(ProtoMoney? money, Violations v, string field, bool mustBePositive = true)
    {
        if (money is null)
        {
            v.Add(field, "required");
            return null;
        }
        if (!v.CurrencyCode(money.CurrencyCode, $"{field}.currency_code"))
        {
            return null;
        }
        if (money.Nanos is <= -NanosPerUnit or >= NanosPerUnit)
        {
            v.Add($"{field}.nanos", "must be from -999999999 to 999999999");
            return null;
        }
        if ((money.Units > 0 && money.Nanos < 0) || (money.Units < 0 && money.Nanos > 0))
        {
            v.Add($"{field}.nanos", "must have the same sign as units");
            return null;
        }
        var digits = Currencies.MinorUnitDigits(money.CurrencyCode);
        var nanosPerMinor = (int)Math.Pow(10, 9 - digits);
        if (money.Nanos % nanosPerMinor != 0)
        {
            v.Add($"{field}.nanos", $"{money.CurrencyCode} has {digits} decimal places; nanos must be a multiple of {nanosPerMinor}");
            return null;
        }
        var scale = (long)Math.Pow(10, digits);
        var limit = long.MaxValue / scale / 10;
        if (money.Units > limit || money.Units < -limit)
        {
            v.Add($"{field}.units", "is too large");
            return null;
        }
        var result = new ExactMoney(money.CurrencyCode, (money.Units * scale) + (money.Nanos / nanosPerMinor));
        if (mustBePositive && result.MinorUnits <= 0)
        {
            v.Add(field, "must be greater than zero");
            return null;
        }
        return result;
    }

    /// <summary>
    /// Reads an amount that must be in US dollars (a requirement, an allocation, a disbursement, a commitment): its cents,
    /// or null with a violation when it is malformed, not USD, not above zero (or negative, with <paramref name="allowZero"/>),
    /// or above <see cref="MaxAmountUsdCents"/>.
    /// </summary>
    public static long? ReadUsd(ProtoMoney? money, Violations v, string field, bool allowZero = false)
    {
        if (FromProto(money, v, field, mustBePositive: false) is not { } amount)
        {
            return null;
        }
        if (amount.Currency != "USD")
        {
            v.Add($"{field}.currency_code", $"must be USD (got {amount.Currency}); convert at the day's rate first");
            return null;
        }
        if (amount.MinorUnits < 0 || (!allowZero && amount.MinorUnits == 0))
        {
            v.Add(field, allowZero ? "must not be negative" : "must be greater than zero");
            return null;
        }
        return amount.WithinBound(v, field) ? amount.MinorUnits : null;
    }

    /// <summary>True for a USD amount of at most <see cref="MaxAmountUsdCents"/>; otherwise false with a violation on <paramref name="field"/>.</summary>
    public bool WithinBound(Violations v, string field)
    {
        if (Currency == "USD" && MinorUnits <= MaxAmountUsdCents)
        {
            return true;
        }
        v.Add(field, $"is worth more than {new ExactMoney("USD", MaxAmountUsdCents)}, the most any one amount may be");
        return false;
    }

    public ProtoMoney ToProto()
    {
        var digits = Currencies.MinorUnitDigits(Currency);
        var scale = (long)Math.Pow(10, digits);
        return new ProtoMoney
        {
            CurrencyCode = Currency,
            Units = MinorUnits / scale,
            Nanos = (int)(MinorUnits % scale * (long)Math.Pow(10, 9 - digits)),
        };
    }

    /// <summary>Converts at <paramref name="rate"/> target units per unit of this currency, rounding half to even.</summary>
    public ExactMoney ConvertTo(string targetCurrency, decimal rate) =>
        FromDecimal(targetCurrency, Value * rate);

    /// <summary>As <see cref="ConvertTo"/>, but false instead of an overflow when the result cannot be held.</summary>
    public bool TryConvertTo(string targetCurrency, decimal rate, out ExactMoney result)
    {
        try
        {
            result = ConvertTo(targetCurrency, rate);
            return true;
        }
        catch (OverflowException)
        {
            result = default;
            return false;
        }
    }

    public static ExactMoney FromDecimal(string currency, decimal value) =>
        new(currency, checked((long)decimal.Round(value * Scale(currency), 0, MidpointRounding.ToEven)));

    /// <summary>
    /// Reads an exchange rate (USD per one unit) a client sends: a plain decimal from <see cref="MinRate"/> to
    /// <see cref="MaxRate"/>, or null with a violation on <paramref name="field"/>.
    /// </summary>
    public static decimal? ReadRate(string text, Violations v, string field)
    {
        if (ParseRate(text) is not { } rate)
        {
            v.Add(field, "must be a positive decimal written with digits and one '.', e.g. \"0.7236\"");
            return null;
        }
        if (rate is < MinRate or > MaxRate)
        {
            v.Add(field, string.Create(CultureInfo.InvariantCulture, $"must be from {MinRate} to {MaxRate:0} USD per unit; no active currency is worth less or more"));
            return null;
        }
        return rate;
    }

    /// <summary>Parses an exchange rate written as a plain positive decimal ("0.7236"); no exponent, no sign, no grouping.</summary>
    public static decimal? ParseRate(string text) =>
        text.Length is > 0 and <= 32
        && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate)
        && rate > 0
            ? rate
            : null;

    public override string ToString() => $"{Currency} {Value.ToString($"N{Currencies.MinorUnitDigits(Currency)}", CultureInfo.InvariantCulture)}";

    private static decimal Scale(string currency) => (decimal)Math.Pow(10, Currencies.MinorUnitDigits(currency));
}
