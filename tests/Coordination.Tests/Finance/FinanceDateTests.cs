using Coordination.Common.V1;
using Coordination.Finance.V1;
using Coordination.Tests.Infrastructure;
using Xunit;
using static Coordination.Tests.CrossService.Calls;
using static Coordination.Tests.Finance.FinanceDesk;

namespace Coordination.Tests.Finance;

/// <summary>
/// Every day a client sends finance is bounded by finance's clock (here 2025-06-30): what happened is dated neither
/// after tomorrow (already today east of UTC) nor before 2000-01-01, and in the order it happened (decided, then reported,
/// committed, paid). A refused date is named and nothing reaches the hash-chained ledger.
/// </summary>
public sealed class FinanceDateTests : OwnFinanceTests
{
    private static readonly Date[] Impossible = [Day(2025, 7, 2), Day(9999, 12, 31), Day(1999, 12, 31)];

    /// <summary>The call is refused on exactly <paramref name="fields"/>, and the ledger is as it was and intact.</summary>
    private Task RefusedAsync(Func<Task> call, params string[] fields) => Desk.LedgerUnchangedAsync(() => RpcAssert.InvalidFields(call, fields));

    private static RecordContributionRequest Pledge(Date decidedOn) => new()
    {
        RequestId = NewId(), DonorNationCode = "NOR", Amount = Usd(1_000_000), Channel = Channel.TrustFund, DecidedOn = decidedOn,
    };

    [Fact]
    public async Task A_pledge_decided_or_reported_in_the_future_before_2000_or_reported_before_it_was_decided_is_refused()
    {
        foreach (var day in Impossible)
        {
            await RefusedAsync(() => Desk.Contributions().RecordContributionAsync(Pledge(day)).ResponseAsync, "decided_on");
            var reported = Pledge(Day(2025, 1, 15));
            reported.ReportedOn = day;
            await RefusedAsync(() => Desk.Contributions().RecordContributionAsync(reported).ResponseAsync, "reported_on");
            var rated = new RecordContributionRequest(Pledge(Day(2025, 1, 15))) { Amount = Amount("EUR", 1_000_000), UsdExchangeRate = "1.08", RateDate = day };
            await RefusedAsync(() => Desk.Contributions().RecordContributionAsync(rated).ResponseAsync, "rate_date");
        }
        var early = Pledge(Day(2025, 1, 15));
        early.ReportedOn = Day(2025, 1, 14);
        await RefusedAsync(() => Desk.Contributions().RecordContributionAsync(early).ResponseAsync, "reported_on");

        // Tomorrow by UTC is already today in Nairobi.
        var tomorrow = await Desk.Contributions().RecordContributionAsync(Pledge(Day(2025, 7, 1)));
        Assert.Equal(Day(2025, 7, 1), tomorrow.DecidedOn);
    }

    [Fact]
    public async Task A_status_change_dated_in_the_future_or_before_the_contributions_earlier_steps_is_refused()
    {
        var pledge = await Desk.PledgeAsync("NOR", 1_000_000, decidedOn: Day(2025, 1, 15));
        await RefusedAsync(() => Desk.MoveAsync(pledge.Id, ContributionStatus.Committed, Day(2025, 1, 14)), "effective_on");
        await Desk.MoveAsync(pledge.Id, ContributionStatus.Committed, Day(2025, 2, 1));

        foreach (var day in Impossible)
        {
            await RefusedAsync(() => Desk.MoveAsync(pledge.Id, ContributionStatus.Paid, day), "effective_on");
        }
        // Paid before it was committed.
        await RefusedAsync(() => Desk.MoveAsync(pledge.Id, ContributionStatus.Paid, Day(2025, 1, 31)), "effective_on");

        var paid = await Desk.MoveAsync(pledge.Id, ContributionStatus.Paid, Day(2025, 6, 30));
        Assert.Equal(Day(2025, 6, 30), paid.PaidOn);
    }

    [Fact]
    public async Task A_correction_cannot_date_a_contribution_in_the_future_or_out_of_its_order()
    {
        var paid = await Desk.PaidAsync("NOR", 1_000_000); // decided 2025-01-15, paid 2025-02-01, reported 2025-06-30
        CorrectContributionRequest Correction() => new() { RequestId = NewId(), Id = paid.Id, Reason = "Dates from the signed agreement" };

        foreach (var day in Impossible)
        {
            await RefusedAsync(() => Desk.Contributions().CorrectContributionAsync(new CorrectContributionRequest(Correction()) { PaidOn = day }).ResponseAsync, "paid_on");
            await RefusedAsync(() => Desk.Contributions().CorrectContributionAsync(new CorrectContributionRequest(Correction()) { DecidedOn = day }).ResponseAsync, "decided_on");
            await RefusedAsync(() => Desk.Contributions().CorrectContributionAsync(new CorrectContributionRequest(Correction()) { ReportedOn = day }).ResponseAsync, "reported_on");
            await RefusedAsync(() => Desk.Contributions().CorrectContributionAsync(
                new CorrectContributionRequest(Correction()) { Amount = Amount("EUR", 900_000), UsdExchangeRate = "1.08", RateDate = day }).ResponseAsync, "rate_date");
        }
        // Decided after it was paid; paid before it was decided.
        await RefusedAsync(() => Desk.Contributions().CorrectContributionAsync(new CorrectContributionRequest(Correction()) { DecidedOn = Day(2025, 2, 2) }).ResponseAsync, "decided_on");
        await RefusedAsync(() => Desk.Contributions().CorrectContributionAsync(new CorrectContributionRequest(Correction()) { PaidOn = Day(2025, 1, 14) }).ResponseAsync, "paid_on");

        var corrected = await Desk.Contributions().CorrectContributionAsync(new CorrectContributionRequest(Correction()) { DecidedOn = Day(2025, 1, 10), PaidOn = Day(2025, 1, 30) });
        Assert.Equal((Day(2025, 1, 10), Day(2025, 1, 30)), (corrected.DecidedOn, corrected.PaidOn));
    }

    [Fact]
    public async Task An_allocation_disbursement_or_rate_dated_in_the_future_or_before_2000_is_refused()
    {
        var period = await Desk.OpenPeriodAsync("S/RES/2751 (2024)", new DateOnly(2024, 10, 2), new DateOnly(2025, 10, 2));
        var line = (await Desk.LineAsync(period.Id, BudgetCategory.Logistics, 1_000_000)).Id;
        var parent = await Desk.PaidAsync("USA", 500_000); // decided 2025-01-15
        AllocateContributionRequest Allocation(Date on) => new() { RequestId = NewId(), ParentId = parent.Id, BudgetLineId = line, Amount = Usd(100), DecidedOn = on };

        foreach (var day in Impossible)
        {
            await RefusedAsync(() => Desk.Contributions().AllocateContributionAsync(Allocation(day)).ResponseAsync, "decided_on");
            await RefusedAsync(() => Desk.DisburseAsync(line, 100, day, advance: true), "disbursed_on");
            await RpcAssert.InvalidFields(() => Desk.Rates().RecordExchangeRateAsync(new RecordExchangeRateRequest
            {
                RequestId = NewId(), CurrencyCode = "EUR", UsdPerUnit = "1.08", RateDate = day,
            }).ResponseAsync, "rate_date");
        }
        // Allocated before the donor decided to give it.
        await RefusedAsync(() => Desk.Contributions().AllocateContributionAsync(Allocation(Day(2025, 1, 14))).ResponseAsync, "decided_on");
        Assert.Empty((await Desk.Rates().ListExchangeRatesAsync(new ListExchangeRatesRequest())).Rates);

        await Desk.Contributions().AllocateContributionAsync(Allocation(Day(2025, 1, 15)));
        await Desk.DisburseAsync(line, 100, Day(2025, 7, 1), advance: true);
    }
}
