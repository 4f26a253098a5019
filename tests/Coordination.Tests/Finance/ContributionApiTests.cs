using System.Text.Json;
using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Events;
using Coordination.Finance.Persistence;
using Coordination.Finance.V1;
using Coordination.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Coordination.Tests.Finance;

/// <summary>Contributions and budget periods through finance's gRPC API, on PostgreSQL.</summary>
public sealed class ContributionApiTests(FinanceFixture fixture) : IClassFixture<FinanceFixture>
{
    private readonly string officer = TestTokens.For("HTI", Roles.FinanceOfficer);

    private ContributionService.ContributionServiceClient Contributions(string? token) =>
        fixture.Client<ContributionService.ContributionServiceClient>(token);

    private static Money Amount(string currency, long units, int nanos = 0) => new() { CurrencyCode = currency, Units = units, Nanos = nanos };

    private static RecordContributionRequest Pledge(string donor, Money amount, string rate = "", Date? rateDate = null) => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        DonorNationCode = donor,
        Amount = amount,
        UsdExchangeRate = rate,
        RateDate = rateDate,
        Channel = Channel.TrustFund,
        DecidedOn = new Date { Year = 2024, Month = 3, Day = 11 },
        Earmark = "personnel reimbursement",
        AgreementReference = "MSS-TF/2024/017",
    };

    private static RecordContributionRequest ForeignPledge(string donor, Money amount, string rate) =>
        Pledge(donor, amount, rate, new Date { Year = 2024, Month = 3, Day = 8 });

    /// <summary>
    /// The contribution as the database keeps it: PostgreSQL stores times to the microsecond, while the record call
    /// answers with the clock's 100 ns ticks (see <see cref="A_recorded_contribution_reads_back_exactly_as_the_record_call_returned_it"/>).
    /// </summary>
    private static Contribution AsStored(Contribution contribution)
    {
        var stored = contribution.Clone();
        stored.Audit.CreateTime = ToMicroseconds(stored.Audit.CreateTime);
        stored.Audit.UpdateTime = ToMicroseconds(stored.Audit.UpdateTime);
        return stored;
    }

    private static Timestamp ToMicroseconds(Timestamp time) => new() { Seconds = time.Seconds, Nanos = time.Nanos / 1_000 * 1_000 };

    private async Task<List<Contribution>> AllAsync(string token, string donor = "")
    {
        var seen = new List<Contribution>();
        var page = new PageRequest { PageSize = 100 };
        do
        {
            var response = await Contributions(token).ListContributionsAsync(new ListContributionsRequest { Page = page, DonorNationCode = donor });
            seen.AddRange(response.Contributions);
            page = new PageRequest { PageSize = 100, PageToken = response.Page.NextPageToken };
        }
        while (page.PageToken.Length > 0);
        return seen;
    }

    [Fact]
    public async Task A_finance_officer_records_a_USD_pledge_whose_USD_value_is_the_amount()
    {
        var request = Pledge("DEU", Amount("USD", 10_000_000, 500_000_000));

        var recorded = await Contributions(officer).RecordContributionAsync(request);

        Assert.Matches("^[0-9a-f]{32}$", recorded.Id);
        Assert.Equal(request.Amount, recorded.Amount);
        Assert.Equal(request.Amount, recorded.UsdValue);
        Assert.Equal("1", recorded.UsdExchangeRate);
        Assert.Equal(ContributionStatus.Pledged, recorded.Status);
        Assert.Equal(Channel.TrustFund, recorded.Channel);
        Assert.Equal("DEU", recorded.DonorNationCode);
        Assert.Equal(request.DecidedOn, recorded.DecidedOn);
        Assert.Equal("personnel reimbursement", recorded.Earmark);
        Assert.Equal("MSS-TF/2024/017", recorded.AgreementReference);
        Assert.Equal(AsStored(recorded), await Contributions(officer).GetContributionAsync(new GetContributionRequest { Id = recorded.Id }));
    }

    [Fact]
    public async Task A_CAD_pledge_is_converted_to_USD_at_the_given_rate_rounded_half_to_even_to_the_cent()
    {
        // CAD 1,234,567.89 x 0.7236 = USD 893,333.325204, which rounds to USD 893,333.33.
        var request = ForeignPledge("CAN", Amount("CAD", 1_234_567, 890_000_000), "0.7236");

        var recorded = await Contributions(officer).RecordContributionAsync(request);

        Assert.Equal(Amount("CAD", 1_234_567, 890_000_000), recorded.Amount);
        Assert.Equal(Amount("USD", 893_333, 330_000_000), recorded.UsdValue);
        Assert.Equal("0.7236", recorded.UsdExchangeRate);
        Assert.Equal(new Date { Year = 2024, Month = 3, Day = 8 }, recorded.RateDate);
        Assert.Equal(AsStored(recorded), await Contributions(officer).GetContributionAsync(new GetContributionRequest { Id = recorded.Id }));
    }

    [Fact]
    public async Task A_recorded_contribution_reads_back_exactly_as_the_record_call_returned_it()
    {
        // Several records, so a clock that happens to land on a whole microsecond cannot hide a difference.
        for (var i = 0; i < 5; i++)
        {
            var recorded = await Contributions(officer).RecordContributionAsync(Pledge("SWE", Amount("USD", 2_500_000)));

            var read = await Contributions(officer).GetContributionAsync(new GetContributionRequest { Id = recorded.Id });

            // The same record must carry the same audit times whichever call returns it.
            Assert.Equal(recorded.Audit.CreateTime, read.Audit.CreateTime);
            Assert.Equal(recorded, read);
        }
    }

    [Fact]
    public async Task Half_a_cent_rounds_to_the_even_cent()
    {
        var down = await Contributions(officer).RecordContributionAsync(ForeignPledge("BHR", Amount("KWD", 0, 125_000_000), "1"));
        var up = await Contributions(officer).RecordContributionAsync(ForeignPledge("BHR", Amount("KWD", 0, 135_000_000), "1"));

        Assert.Equal(Amount("USD", 0, 120_000_000), down.UsdValue);
        Assert.Equal(Amount("USD", 0, 140_000_000), up.UsdValue);
    }

    [Fact]
    public async Task A_KWD_amount_with_three_decimals_is_accepted()
    {
        // KWD 1.234 x 3.25 = USD 4.0105, which rounds to USD 4.01.
        var recorded = await Contributions(officer).RecordContributionAsync(ForeignPledge("KWT", Amount("KWD", 1, 234_000_000), "3.25"));

        Assert.Equal(Amount("KWD", 1, 234_000_000), recorded.Amount);
        Assert.Equal(Amount("USD", 4, 10_000_000), recorded.UsdValue);
    }

    [Fact]
    public async Task A_JPY_amount_with_a_fraction_of_a_yen_is_invalid_on_amount_nanos()
    {
        var request = ForeignPledge("JPN", Amount("JPY", 150_000_000, 500_000_000), "0.0067");

        var bad = await RpcAssert.InvalidFields(() => Contributions(officer).RecordContributionAsync(request).ResponseAsync, "amount.nanos");

        Assert.Contains("JPY has 0 decimal places", bad.FieldViolations[0].Description, StringComparison.Ordinal);
        Assert.Empty(await AllAsync(officer, "JPN"));
    }

    [Fact]
    public async Task Negative_and_zero_amounts_are_invalid()
    {
        await RpcAssert.InvalidFields(() => Contributions(officer).RecordContributionAsync(Pledge("NOR", Amount("USD", -5))).ResponseAsync, "amount");
        await RpcAssert.InvalidFields(() => Contributions(officer).RecordContributionAsync(Pledge("NOR", Amount("USD", 0, -10_000_000))).ResponseAsync, "amount");
        await RpcAssert.InvalidFields(() => Contributions(officer).RecordContributionAsync(Pledge("NOR", Amount("USD", 0))).ResponseAsync, "amount");
        await RpcAssert.InvalidFields(() => Contributions(officer).RecordContributionAsync(Pledge("NOR", null!)).ResponseAsync, "amount");

        Assert.Empty(await AllAsync(officer, "NOR"));
    }

    [Fact]
    public async Task An_unknown_currency_is_invalid_on_amount_currency_code()
    {
        var bad = await RpcAssert.InvalidFields(
            () => Contributions(officer).RecordContributionAsync(ForeignPledge("FRA", Amount("XYZ", 100), "1.1")).ResponseAsync,
            "amount.currency_code");

        Assert.Contains("'XYZ'", bad.FieldViolations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_USD_amount_needs_a_rate_with_the_day_it_applies_to_or_else_a_stored_rate()
    {
        await RpcAssert.InvalidFields(
            () => Contributions(officer).RecordContributionAsync(Pledge("FRA", Amount("EUR", 5_000_000), "1.08")).ResponseAsync, "rate_date");
        await RpcAssert.FailedPrecondition(
            () => Contributions(officer).RecordContributionAsync(Pledge("FRA", Amount("EUR", 5_000_000))).ResponseAsync, "EXCHANGE_RATE_MISSING");

        Assert.Empty(await AllAsync(officer, "FRA"));
    }

    [Fact]
    public async Task A_rate_that_is_not_a_plain_positive_decimal_is_invalid()
    {
        foreach (var rate in new[] { "1e5", "-0.5", "0", "0,72", " 0.72" })
        {
            await RpcAssert.InvalidFields(
                () => Contributions(officer).RecordContributionAsync(ForeignPledge("ITA", Amount("EUR", 1_000), rate)).ResponseAsync,
                "usd_exchange_rate");
        }
        await RpcAssert.InvalidFields(
            () => Contributions(officer).RecordContributionAsync(Pledge("ITA", Amount("USD", 1_000), "1.08")).ResponseAsync,
            "usd_exchange_rate");

        Assert.Empty(await AllAsync(officer, "ITA"));
    }

    [Fact]
    public async Task A_rate_that_makes_the_USD_value_too_large_to_hold_is_invalid_rather_than_an_internal_error()
    {
        // GBP 9 quadrillion at the highest rate is USD 9 quintillion, 9 x 10^20 cents: more than 64 bits of cents hold.
        var request = ForeignPledge("GBR", Amount("GBP", 9_000_000_000_000_000), "1000");

        await RpcAssert.InvalidFields(() => Contributions(officer).RecordContributionAsync(request).ResponseAsync, "amount");

        Assert.Empty(await AllAsync(officer, "GBR"));
    }

    [Fact]
    public async Task A_contributor_records_its_own_nations_pledge_but_not_another_donors()
    {
        var canada = TestTokens.For("CAN", Roles.Contributor);
        var usaBefore = (await AllAsync(officer, "USA")).Count;

        var own = await Contributions(canada).RecordContributionAsync(Pledge("CAN", Amount("USD", 180_900)));
        Assert.Equal("CAN", own.DonorNationCode);
        Assert.Equal(Amount("USD", 180_900), own.UsdValue);

        var e = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Contributions(canada).RecordContributionAsync(Pledge("USA", Amount("USD", 1_000_000))).ResponseAsync);
        Assert.Contains("CAN", e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(usaBefore, (await AllAsync(officer, "USA")).Count);
    }

    [Fact]
    public async Task A_contributor_lists_and_reads_only_its_own_nations_contributions()
    {
        var guatemala = TestTokens.For("GTM", Roles.Contributor);
        var ours = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            ours.Add((await Contributions(officer).RecordContributionAsync(Pledge("GTM", Amount("USD", 1_000 * i)))).Id);
        }
        var salvador = await Contributions(officer).RecordContributionAsync(Pledge("SLV", Amount("USD", 7_000)));

        var listed = await AllAsync(guatemala);
        Assert.All(listed, c => Assert.Equal("GTM", c.DonorNationCode));
        Assert.Equal(ours, listed.Select(c => c.Id));
        Assert.Equal(ours, (await AllAsync(guatemala, "GTM")).Select(c => c.Id));
        Assert.Equal(ours[0], (await Contributions(guatemala).GetContributionAsync(new GetContributionRequest { Id = ours[0] })).Id);

        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Contributions(guatemala).ListContributionsAsync(new ListContributionsRequest { DonorNationCode = "SLV" }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Contributions(guatemala).GetContributionAsync(new GetContributionRequest { Id = salvador.Id }).ResponseAsync);
    }

    [Fact]
    public async Task An_observer_and_a_diplomat_cannot_list_or_read_contributions()
    {
        var recorded = await Contributions(officer).RecordContributionAsync(Pledge("HTI", Amount("USD", 42)));

        foreach (var token in new[] { TestTokens.For("HTI", Roles.Observer), TestTokens.For("HTI", Roles.Diplomat), TestTokens.For("HTI", Roles.LogisticsOfficer) })
        {
            await RpcAssert.FailsWith(StatusCode.PermissionDenied,
                () => Contributions(token).ListContributionsAsync(new ListContributionsRequest()).ResponseAsync);
            await RpcAssert.FailsWith(StatusCode.PermissionDenied,
                () => Contributions(token).ListContributionsAsync(new ListContributionsRequest { DonorNationCode = "HTI" }).ResponseAsync);
            await RpcAssert.FailsWith(StatusCode.PermissionDenied,
                () => Contributions(token).GetContributionAsync(new GetContributionRequest { Id = recorded.Id }).ResponseAsync);
            await RpcAssert.FailsWith(StatusCode.PermissionDenied,
                () => Contributions(token).RecordContributionAsync(Pledge("HTI", Amount("USD", 42))).ResponseAsync);
        }
        Assert.Equal(AsStored(recorded), await Contributions(TestTokens.For("HTI", Roles.MissionAdmin)).GetContributionAsync(new GetContributionRequest { Id = recorded.Id }));
    }

    [Fact]
    public async Task An_unknown_contribution_is_not_found()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => Contributions(officer).GetContributionAsync(new GetContributionRequest { Id = new string('c', 32) }).ResponseAsync);
        await RpcAssert.InvalidFields(
            () => Contributions(officer).GetContributionAsync(new GetContributionRequest { Id = "MSS-TF/2024/017" }).ResponseAsync, "id");
    }

    [Fact]
    public async Task Budget_periods_are_readable_by_every_role_and_empty_on_a_fresh_service()
    {
        foreach (var role in Roles.All)
        {
            var budget = fixture.Client<BudgetService.BudgetServiceClient>(TestTokens.For("KEN", role));
            var periods = await budget.ListBudgetPeriodsAsync(new ListBudgetPeriodsRequest());
            Assert.Empty(periods.Periods);
            Assert.Equal("", periods.Page.NextPageToken);
        }
        await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => fixture.Client<BudgetService.BudgetServiceClient>(null).ListBudgetPeriodsAsync(new ListBudgetPeriodsRequest()).ResponseAsync);
    }

    [Fact]
    public async Task Recording_a_pledge_writes_a_ContributionPledged_event_with_its_USD_cents()
    {
        var recorded = await Contributions(officer).RecordContributionAsync(ForeignPledge("CAN", Amount("CAD", 1_234_567, 890_000_000), "0.7236"));

        await using var scope = fixture.Suite.Scope("finance");
        var db = scope.ServiceProvider.GetRequiredService<FinanceDbContext>();
        var row = await db.OutboxMessages.SingleAsync(m => m.MessageType == nameof(ContributionPledged) && m.Payload.Contains(recorded.Id));

        var message = JsonSerializer.Deserialize<ContributionPledged>(row.Payload, EventCatalog.JsonOptions);
        Assert.NotNull(message);
        Assert.Equal(recorded.Id, message.SubjectId);
        Assert.Equal("CAN", message.Nation);
        Assert.Equal("CAD", message.Currency);
        Assert.Equal(123_456_789, message.AmountMinorUnits);
        Assert.Equal(89_333_333, message.UsdCents);
        Assert.Equal("TRUST_FUND", message.Channel);
    }
}
