using Coordination.Auth;
using Coordination.Finance.V1;
using Coordination.Tests.Infrastructure;
using Google.Rpc;
using Xunit;
using static Coordination.Tests.CrossService.Calls;
using static Coordination.Tests.Finance.FinanceDesk;

namespace Coordination.Tests.Finance;

/// <summary>
/// The exchange rates that value contributions are the mission's: a pledge given without a rate is valued at the latest
/// rate finance officers stored on or before the day it is recorded; a contributor cannot name a rate of its own; with no
/// stored rate the pledge is refused, naming the rate that is missing. Each test has a finance of its own.
/// </summary>
public sealed class ExchangeRateValuationTests : OwnFinanceTests
{
    private Task RateAsync(string currency, string usdPerUnit, Common.V1.Date on) =>
        Desk.Rates().RecordExchangeRateAsync(new RecordExchangeRateRequest { RequestId = NewId(), CurrencyCode = currency, UsdPerUnit = usdPerUnit, RateDate = on }).ResponseAsync;

    private static RecordContributionRequest Pledge(string donor, Common.V1.Money amount) => new()
    {
        RequestId = NewId(), DonorNationCode = donor, Amount = amount, Channel = Channel.TrustFund, DecidedOn = Day(2025, 6, 20),
    };

    private async Task<int> CountAsync(string donor) =>
        (await Desk.Contributions().ListContributionsAsync(new ListContributionsRequest { DonorNationCode = donor })).Contributions.Count;

    [Fact]
    public async Task A_contributors_non_USD_pledge_is_valued_at_the_missions_latest_stored_rate()
    {
        await RateAsync("CAD", "0.7236", Day(2025, 6, 2));
        await RateAsync("CAD", "0.7301", Day(2025, 6, 27));
        var canada = Desk.Contributions(TestTokens.For("CAN", Roles.Contributor));

        var pledge = await canada.RecordContributionAsync(Pledge("CAN", Amount("CAD", 1_000_000)));

        Assert.Equal((Amount("CAD", 1_000_000), Usd(730_100), "0.7301", Day(2025, 6, 27), false),
            (pledge.Amount, pledge.UsdValue, pledge.UsdExchangeRate, pledge.RateDate, pledge.Unvalued));
        var report = await Desk.Reports().GetDonorReportAsync(new GetDonorReportRequest { DonorNationCode = "CAN" });
        Assert.Equal(Usd(730_100), Assert.Single(report.Donors).PledgedUsd);
    }

    [Fact]
    public async Task A_contributor_cannot_value_its_own_pledge_at_a_rate_or_day_of_its_choosing()
    {
        await RateAsync("CAD", "0.7236", Day(2025, 6, 2));
        var canada = Desk.Contributions(TestTokens.For("CAN", Roles.Contributor));
        var ownRate = Pledge("CAN", Amount("CAD", 1_000_000));
        ownRate.UsdExchangeRate = "0.95";
        ownRate.RateDate = Day(2025, 6, 2);
        var ownDay = Pledge("CAN", Amount("CAD", 1_000_000));
        ownDay.RateDate = Day(2025, 6, 2);

        var refused = await RpcAssert.InvalidFields(() => canada.RecordContributionAsync(ownRate).ResponseAsync, "usd_exchange_rate", "rate_date");
        await RpcAssert.InvalidFields(() => canada.RecordContributionAsync(ownDay).ResponseAsync, "rate_date");

        Assert.Contains("mission's stored rate", refused.FieldViolations[0].Description, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("CAN"));
    }

    [Fact]
    public async Task A_pledge_in_a_currency_without_a_stored_rate_on_or_before_today_is_refused_naming_the_missing_rate()
    {
        var jamaica = Desk.Contributions(TestTokens.For("JAM", Roles.Contributor));
        PreconditionFailure missing = null!;
        await Desk.LedgerUnchangedAsync(async () => missing = await RpcAssert.FailedPrecondition(
            () => jamaica.RecordContributionAsync(Pledge("JAM", Amount("JMD", 5_000_000))).ResponseAsync, "EXCHANGE_RATE_MISSING"));
        Assert.Contains("JMD", missing.Violations[0].Description, StringComparison.Ordinal);
        Assert.Contains("2025-06-30", missing.Violations[0].Description, StringComparison.Ordinal);
        Assert.Equal("exchangeRates/JMD", missing.Violations[0].Subject);

        // A rate stored for a later day does not value a pledge recorded before it.
        await RateAsync("JMD", "0.0064", Day(2025, 6, 30));
        Clock.SetToday(new DateOnly(2025, 6, 29));
        await Desk.LedgerUnchangedAsync(() => RpcAssert.FailedPrecondition(
            () => jamaica.RecordContributionAsync(Pledge("JAM", Amount("JMD", 5_000_000))).ResponseAsync, "EXCHANGE_RATE_MISSING"));
        Assert.Equal(0, await CountAsync("JAM"));

        Clock.SetToday(new DateOnly(2025, 6, 30));
        Assert.Equal(Usd(32_000), (await jamaica.RecordContributionAsync(Pledge("JAM", Amount("JMD", 5_000_000)))).UsdValue);
    }

    [Fact]
    public async Task A_finance_officer_values_a_pledge_at_the_stored_rate_unless_giving_the_rate_of_its_agreement()
    {
        await RateAsync("EUR", "1.0825", Day(2025, 6, 2));

        var stored = await Desk.Contributions().RecordContributionAsync(Pledge("DEU", Amount("EUR", 2_000_000)));
        var agreed = Pledge("DEU", Amount("EUR", 2_000_000));
        agreed.UsdExchangeRate = "1.0911";
        agreed.RateDate = Day(2025, 6, 20);
        var explicitRate = await Desk.Contributions().RecordContributionAsync(agreed);

        Assert.Equal((Usd(2_165_000), "1.0825", Day(2025, 6, 2)), (stored.UsdValue, stored.UsdExchangeRate, stored.RateDate));
        Assert.Equal((Usd(2_182_200), "1.0911", Day(2025, 6, 20)), (explicitRate.UsdValue, explicitRate.UsdExchangeRate, explicitRate.RateDate));
        // A day without a rate names nothing to value the pledge at.
        var dayOnly = Pledge("DEU", Amount("EUR", 2_000_000));
        dayOnly.RateDate = Day(2025, 6, 20);
        await RpcAssert.InvalidFields(() => Desk.Contributions().RecordContributionAsync(dayOnly).ResponseAsync, "rate_date");
    }
}
