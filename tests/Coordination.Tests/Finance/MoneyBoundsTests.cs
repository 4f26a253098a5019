using Coordination.Finance.V1;
using Coordination.Tests.Infrastructure;
using Npgsql;
using Xunit;
using static Coordination.Tests.CrossService.Calls;
using static Coordination.Tests.Finance.FinanceDesk;

namespace Coordination.Tests.Finance;

/// <summary>
/// Money stays within what a mission can see: one amount at most USD 10 billion, a running total at most USD 100 trillion.
/// Beyond either the write is refused on the field or as a precondition, and nothing reaches the ledger; a total never
/// wraps. Each test has a finance of its own, so its totals hold exactly its own money.
/// </summary>
public sealed class MoneyBoundsTests : OwnFinanceTests
{
    /// <summary>USD 10 billion, the most any one amount may be.</summary>
    private const long MaxAmountUsd = 10_000_000_000;

    /// <summary>USD 100 trillion in cents, the most any running total may reach.</summary>
    private const long MaxTotalCents = 10_000_000_000_000_000;

    private string period = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        period = (await Desk.OpenPeriodAsync("S/RES/2751 (2024)", new DateOnly(2024, 10, 2), new DateOnly(2025, 10, 2))).Id;
    }

    private Task<LedgerVerification> VerifyAsync() => Desk.Ledger().VerifyLedgerAsync(new VerifyLedgerRequest()).ResponseAsync;

    private async Task<BudgetLine> LineOf(string id) => await Desk.Budget().GetBudgetLineAsync(new GetBudgetLineRequest { Id = id });

    private async Task SetAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Suite.DatabaseOf("finance"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task Eleven_pledges_of_the_largest_amount_that_passed_before_are_refused_on_amount_and_the_line_keeps_working()
    {
        var line = await Desk.LineAsync(period, BudgetCategory.Logistics, 1_000_000);
        for (var i = 0; i < 11; i++)
        {
            // USD 9 quadrillion: eleven of them once overflowed the line's running total, and every later write to it failed.
            await Desk.LedgerUnchangedAsync(() => RpcAssert.InvalidFields(() => Desk.PledgeAsync("USA", 9_000_000_000_000_000, line.Id), "amount"));
        }
        Assert.Equal(Usd(0), (await LineOf(line.Id)).PledgedUsd);

        for (var i = 0; i < 11; i++)
        {
            await Desk.PledgeAsync(i % 2 == 0 ? "USA" : "JPN", MaxAmountUsd, line.Id);
        }
        var paid = await Desk.PaidAsync("CAN", 1_000, line.Id);
        await Desk.DisburseAsync(line.Id, 400);

        var figures = await LineOf(line.Id);
        Assert.Equal((Usd((11 * MaxAmountUsd) + 1_000), Usd(1_000), Usd(1_000), Usd(400)),
            (figures.PledgedUsd, figures.FundedUsd, figures.PaidInUsd, figures.DisbursedUsd));
        Assert.Equal(ContributionStatus.Paid, paid.Status);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_write_that_would_take_a_running_total_past_its_bound_is_a_precondition_failure_and_records_nothing()
    {
        var line = await Desk.LineAsync(period, BudgetCategory.Training, 1_000_000);
        var other = await Desk.LineAsync(period, BudgetCategory.Equipment, 1_000_000);
        await Desk.PledgeAsync("NOR", 1, line.Id);
        // As if years of pledges had brought the line and the donor to a cent short of USD 100 trillion less a dollar.
        await SetAsync($"""UPDATE budget_lines SET "PledgedUsdCents" = {MaxTotalCents - 99} WHERE "Id" = '{line.Id}'""");
        await SetAsync($"""UPDATE donor_totals SET "PledgedUsdCents" = {MaxTotalCents - 99}, "UnpaidUsdCents" = {MaxTotalCents - 99} WHERE "Donor" = 'NOR'""");

        await Desk.LedgerUnchangedAsync(async () =>
        {
            var refused = await RpcAssert.FailedPrecondition(() => Desk.PledgeAsync("SWE", 1, line.Id), "TOTAL_OUT_OF_RANGE");
            Assert.Contains("USD 100,000,000,000,000.00", refused.Violations[0].Description, StringComparison.Ordinal);
            await RpcAssert.FailedPrecondition(() => Desk.PledgeAsync("NOR", 1, other.Id), "TOTAL_OUT_OF_RANGE");
        });
        Assert.Equal(MaxTotalCents - 99, Cents((await LineOf(line.Id)).PledgedUsd));

        // What fits still goes in, up to the bound exactly; other lines and donors are untouched by the refusal.
        await Desk.Contributions().RecordContributionAsync(new RecordContributionRequest
        {
            RequestId = NewId(), DonorNationCode = "SWE", Amount = Usd(0, 990_000_000), Channel = Channel.TrustFund,
            DecidedOn = Day(2025, 1, 15), BudgetLineId = line.Id,
        });
        await Desk.PledgeAsync("SWE", 1, other.Id);
        Assert.Equal(MaxTotalCents, Cents((await LineOf(line.Id)).PledgedUsd));
        Assert.Equal(Usd(1), (await LineOf(other.Id)).PledgedUsd);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Donor_totals_of_pledges_at_the_bound_add_up_exactly_and_a_cent_more_is_refused()
    {
        var usa = new List<Contribution>();
        for (var i = 0; i < 3; i++)
        {
            usa.Add(await Desk.PledgeAsync("USA", MaxAmountUsd));
        }
        await Desk.MoveAsync(usa[0].Id, ContributionStatus.Committed);
        await Desk.MoveAsync(usa[0].Id, ContributionStatus.Paid);
        await Desk.MoveAsync(usa[1].Id, ContributionStatus.Committed);
        await Desk.PaidAsync("GBR", MaxAmountUsd);
        await Desk.PaidAsync("GBR", MaxAmountUsd);

        await Desk.LedgerUnchangedAsync(() => RpcAssert.InvalidFields(() => Desk.Contributions().RecordContributionAsync(new RecordContributionRequest
        {
            RequestId = NewId(), DonorNationCode = "USA", Amount = Usd(MaxAmountUsd, 10_000_000), Channel = Channel.TrustFund, DecidedOn = Day(2025, 1, 15),
        }).ResponseAsync, "amount"));

        var report = await Desk.Reports().GetDonorReportAsync(new GetDonorReportRequest());
        var (gbr, us) = (report.Donors.Single(d => d.DonorNationCode == "GBR"), report.Donors.Single(d => d.DonorNationCode == "USA"));
        Assert.Equal((3, Usd(3 * MaxAmountUsd), Usd(2 * MaxAmountUsd), Usd(MaxAmountUsd), Usd(2 * MaxAmountUsd)),
            (us.ContributionCount, us.PledgedUsd, us.CommittedUsd, us.PaidUsd, us.OutstandingUsd));
        Assert.Equal((2, Usd(2 * MaxAmountUsd), Usd(2 * MaxAmountUsd), Usd(0)), (gbr.ContributionCount, gbr.PledgedUsd, gbr.PaidUsd, gbr.OutstandingUsd));
        Assert.Equal((5, Usd(5 * MaxAmountUsd), Usd(4 * MaxAmountUsd), Usd(3 * MaxAmountUsd)),
            (report.Total.ContributionCount, report.Total.PledgedUsd, report.Total.CommittedUsd, report.Total.PaidUsd));
        var fund = await Desk.Reports().GetFundPositionAsync(new GetFundPositionRequest());
        Assert.Equal(Usd(3 * MaxAmountUsd), fund.ReceivedUsd);
    }

    [Fact]
    public async Task Every_amount_beyond_USD_10_billion_and_every_rate_beyond_its_range_is_refused_on_its_field()
    {
        var line = await Desk.LineAsync(period, BudgetCategory.Logistics, 1_000_000);
        var parent = await Desk.PaidAsync("DEU", 1_000_000);
        var oneCentTooMuch = Usd(MaxAmountUsd, 10_000_000);

        await Desk.LedgerUnchangedAsync(async () =>
        {
            await RpcAssert.InvalidFields(() => Desk.Contributions().RecordContributionAsync(new RecordContributionRequest
            {
                RequestId = NewId(), DonorNationCode = "USA", Amount = oneCentTooMuch, Channel = Channel.TrustFund, DecidedOn = Day(2025, 1, 15),
            }).ResponseAsync, "amount");
            // EUR 9.3 billion at 1.08 is worth USD 10.044 billion.
            await RpcAssert.InvalidFields(() => Desk.Contributions().RecordContributionAsync(new RecordContributionRequest
            {
                RequestId = NewId(), DonorNationCode = "FRA", Amount = Amount("EUR", 9_300_000_000), UsdExchangeRate = "1.08", RateDate = Day(2025, 6, 2),
                Channel = Channel.TrustFund, DecidedOn = Day(2025, 1, 15),
            }).ResponseAsync, "amount");
            foreach (var rate in new[] { "1000.01", "0.0000000009" })
            {
                await RpcAssert.InvalidFields(() => Desk.Contributions().RecordContributionAsync(new RecordContributionRequest
                {
                    RequestId = NewId(), DonorNationCode = "FRA", Amount = Amount("EUR", 1_000), UsdExchangeRate = rate, RateDate = Day(2025, 6, 2),
                    Channel = Channel.TrustFund, DecidedOn = Day(2025, 1, 15),
                }).ResponseAsync, "usd_exchange_rate");
            }
            await RpcAssert.InvalidFields(() => Desk.Contributions().CorrectContributionAsync(new CorrectContributionRequest
            {
                RequestId = NewId(), Id = parent.Id, Reason = "Typed the amount wrong", Amount = oneCentTooMuch,
            }).ResponseAsync, "amount");
            await RpcAssert.InvalidFields(() => Desk.Contributions().AllocateContributionAsync(new AllocateContributionRequest
            {
                RequestId = NewId(), ParentId = parent.Id, BudgetLineId = line.Id, Amount = oneCentTooMuch, DecidedOn = Day(2025, 2, 10),
            }).ResponseAsync, "amount");
            await RpcAssert.InvalidFields(() => Desk.Disbursements().RecordDisbursementAsync(new RecordDisbursementRequest
            {
                RequestId = NewId(), BudgetLineId = line.Id, Amount = oneCentTooMuch, DisbursedOn = Day(2025, 3, 1), Payee = "Supplier",
                Purpose = "Fuel", Advance = true,
            }).ResponseAsync, "amount");
        });
        await RpcAssert.InvalidFields(() => Desk.Budget().CreateBudgetLineAsync(new CreateBudgetLineRequest
        {
            RequestId = NewId(), BudgetPeriodId = period, Category = BudgetCategory.Training, Amount = oneCentTooMuch,
        }).ResponseAsync, "amount");
        await RpcAssert.InvalidFields(() => Desk.Budget().ReviseBudgetLineAsync(new ReviseBudgetLineRequest
        {
            RequestId = NewId(), Id = line.Id, RevisedAmount = oneCentTooMuch, Reason = "Ceiling raised",
        }).ResponseAsync, "revised_amount");
        foreach (var rate in new[] { "1000.01", "0.0000000009" })
        {
            await RpcAssert.InvalidFields(() => Desk.Rates().RecordExchangeRateAsync(new RecordExchangeRateRequest
            {
                RequestId = NewId(), CurrencyCode = "EUR", UsdPerUnit = rate, RateDate = Day(2025, 6, 2),
            }).ResponseAsync, "usd_per_unit");
        }

        Assert.Equal(Usd(1_000_000), (await LineOf(line.Id)).RevisedAmount);
        Assert.Empty((await Desk.Rates().ListExchangeRatesAsync(new ListExchangeRatesRequest())).Rates);
        Assert.DoesNotContain((await Desk.Budget().ListBudgetLinesAsync(new ListBudgetLinesRequest())).Lines, l => l.Category == BudgetCategory.Training);
        // The bound itself is accepted everywhere.
        await Desk.Budget().ReviseBudgetLineAsync(new ReviseBudgetLineRequest { RequestId = NewId(), Id = line.Id, RevisedAmount = Usd(MaxAmountUsd), Reason = "Ceiling" });
        await Desk.Rates().RecordExchangeRateAsync(new RecordExchangeRateRequest { RequestId = NewId(), CurrencyCode = "KWD", UsdPerUnit = "1000", RateDate = Day(2025, 6, 2) });
        await Desk.Rates().RecordExchangeRateAsync(new RecordExchangeRateRequest { RequestId = NewId(), CurrencyCode = "IRR", UsdPerUnit = "0.000000001", RateDate = Day(2025, 6, 2) });
    }
}
