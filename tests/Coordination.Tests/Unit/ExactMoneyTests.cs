using Coordination.Errors;
using Coordination.Validation;
using Coordination.Values;
using Xunit;
using ProtoMoney = Coordination.Common.V1.Money;

namespace Coordination.Tests.Unit;

/// <summary>Exact amounts: reading and writing the contract's Money, the one rounding rule, and exchange rates.</summary>
public sealed class ExactMoneyTests
{
    private static string[] FieldsOf(Violations v) =>
        [.. Assert.Throws<RequestValidationException>(v.ThrowIfAny).Violations.Select(x => x.Field)];

    [Theory]
    [InlineData("USD", 10L, 250_000_000, 1_025L)]
    [InlineData("USD", 0L, 10_000_000, 1L)]
    [InlineData("JPY", 1_500L, 0, 1_500L)]
    [InlineData("KWD", 1L, 234_000_000, 1_234L)]
    [InlineData("KWD", 0L, 1_000_000, 1L)]
    public void A_contract_amount_reads_into_minor_units_and_writes_back_unchanged(string currency, long units, int nanos, long minorUnits)
    {
        var proto = new ProtoMoney { CurrencyCode = currency, Units = units, Nanos = nanos };
        var v = new Violations();

        var money = ExactMoney.FromProto(proto, v, "amount");

        Assert.False(v.Any);
        Assert.Equal(new ExactMoney(currency, minorUnits), money);
        Assert.Equal(proto, money!.Value.ToProto());
    }

    [Fact]
    public void A_negative_amount_round_trips_with_both_parts_negative_when_negatives_are_allowed()
    {
        var proto = new ProtoMoney { CurrencyCode = "USD", Units = -3, Nanos = -500_000_000 };
        var v = new Violations();

        var money = ExactMoney.FromProto(proto, v, "amount", mustBePositive: false);

        Assert.Equal(-350, money!.Value.MinorUnits);
        Assert.Equal(proto, money.Value.ToProto());
    }

    [Theory]
    [InlineData("JPY", 1L, 500_000_000, "amount.nanos")]
    [InlineData("USD", 1L, 5_000_000, "amount.nanos")]
    [InlineData("USD", 1L, -10_000_000, "amount.nanos")]
    [InlineData("USD", 1L, 1_000_000_000, "amount.nanos")]
    [InlineData("XYZ", 1L, 0, "amount.currency_code")]
    [InlineData("usd", 1L, 0, "amount.currency_code")]
    [InlineData("", 1L, 0, "amount.currency_code")]
    [InlineData("USD", 0L, 0, "amount")]
    [InlineData("USD", -1L, 0, "amount")]
    [InlineData("USD", long.MaxValue, 0, "amount.units")]
    public void A_malformed_amount_is_refused_on_the_field_at_fault(string currency, long units, int nanos, string field)
    {
        var v = new Violations();

        var money = ExactMoney.FromProto(new ProtoMoney { CurrencyCode = currency, Units = units, Nanos = nanos }, v, "amount");

        Assert.Null(money);
        Assert.Equal([field], FieldsOf(v));
    }

    [Fact]
    public void The_most_negative_units_are_refused_as_a_violation_not_an_overflow()
    {
        var v = new Violations();

        var money = ExactMoney.FromProto(new ProtoMoney { CurrencyCode = "USD", Units = long.MinValue }, v, "amount", mustBePositive: false);

        Assert.Null(money);
        Assert.Equal(["amount.units"], FieldsOf(v));
    }

    [Theory]
    [InlineData(0.125, 12L)]
    [InlineData(0.135, 14L)]
    [InlineData(0.145, 14L)]
    [InlineData(0.155, 16L)]
    [InlineData(-0.125, -12L)]
    [InlineData(0.1250001, 13L)]
    [InlineData(0.1349999, 13L)]
    public void Half_a_cent_rounds_to_the_even_cent(double value, long cents)
    {
        var exact = decimal.Parse(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(cents, ExactMoney.FromDecimal("USD", exact).MinorUnits);
        Assert.Equal(cents, ExactMoney.Usd(exact).MinorUnits);
    }

    [Theory]
    [InlineData(125L, 12L)]
    [InlineData(135L, 14L)]
    [InlineData(134L, 13L)]
    [InlineData(136L, 14L)]
    public void Converting_thousandths_of_a_dinar_at_par_rounds_half_to_even(long fils, long cents) =>
        Assert.Equal(new ExactMoney("USD", cents), new ExactMoney("KWD", fils).ConvertTo("USD", 1m));

    [Fact]
    public void A_CAD_amount_converts_at_0_7236_to_the_hand_checked_cent()
    {
        // 1,234,567.89 x 0.7236 = 893,333.325204: above the half cent, so up to 893,333.33.
        var usd = new ExactMoney("CAD", 123_456_789).ConvertTo("USD", 0.7236m);

        Assert.Equal(new ExactMoney("USD", 89_333_333), usd);
        Assert.Equal(new ProtoMoney { CurrencyCode = "USD", Units = 893_333, Nanos = 330_000_000 }, usd.ToProto());
    }

    [Fact]
    public void Converting_to_yen_rounds_to_the_whole_yen()
    {
        // USD 10.05 x 149.5 = JPY 1,502.475, which rounds to JPY 1,502.
        Assert.Equal(new ExactMoney("JPY", 1_502), new ExactMoney("USD", 1_005).ConvertTo("JPY", 149.5m));
    }

    [Theory]
    [InlineData("0.7236", "0.7236")]
    [InlineData("1", "1")]
    [InlineData("1.0", "1")]
    [InlineData("149.5", "149.5")]
    [InlineData(".5", "0.5")]
    public void A_plain_positive_decimal_is_a_rate(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ExactMoney.ParseRate(text));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1e5")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("0")]
    [InlineData("0.000")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1,000.5")]
    [InlineData("0,7236")]
    [InlineData("0.1234567890123456789012345678901")]
    public void Anything_else_is_not_a_rate(string text) => Assert.Null(ExactMoney.ParseRate(text));
}
