using System.Text.Json;
using Coordination.Auth;
using Coordination.Events;
using Coordination.Finance.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Xunit;
using static Coordination.Tests.CrossService.Calls;
using static Coordination.Tests.Finance.FinanceDesk;

namespace Coordination.Tests.Finance;

/// <summary>Contributions are append-only: a status change or a correction is a new version, and the history reads back.</summary>
public sealed class ContributionVersionTests(FinanceClockFixture fixture) : IClassFixture<FinanceClockFixture>
{
    private FinanceDesk Desk => fixture.Desk;

    private Task<Contribution> CorrectAsync(CorrectContributionRequest request, string? token = null)
    {
        request.RequestId = request.RequestId.Length > 0 ? request.RequestId : NewId();
        return Desk.Contributions(token).CorrectContributionAsync(request).ResponseAsync;
    }

    private async Task<List<ContributionVersion>> HistoryAsync(string id, string? token = null) =>
        [.. (await Desk.Contributions(token).ListContributionVersionsAsync(new ListContributionVersionsRequest { Id = id })).Versions];

    [Fact]
    public async Task Every_status_change_and_correction_is_a_new_version_and_the_history_reads_back_in_order()
    {
        var pledge = await Desk.Contributions().RecordContributionAsync(new RecordContributionRequest
        {
            RequestId = NewId(), DonorNationCode = "FRA", Amount = Amount("EUR", 5_000_000), UsdExchangeRate = "1.08", RateDate = Day(2024, 12, 31),
            Channel = Channel.TrustFund, DecidedOn = Day(2024, 12, 31), Earmark = "MSS trust fund",
        });
        await Desk.MoveAsync(pledge.Id, ContributionStatus.Committed);
        var corrected = await CorrectAsync(new CorrectContributionRequest { Id = pledge.Id, Reason = "Agreement signed", AgreementReference = "MSS-TF/2025/003" });
        await Desk.MoveAsync(pledge.Id, ContributionStatus.Paid, Day(2025, 3, 4));

        var history = await HistoryAsync(pledge.Id);

        Assert.Equal([1, 2, 3, 4], history.Select(v => v.Version));
        Assert.Equal([VersionChange.Recorded, VersionChange.StatusChanged, VersionChange.Corrected, VersionChange.StatusChanged], history.Select(v => v.Change));
        Assert.Equal([ContributionStatus.Pledged, ContributionStatus.Committed, ContributionStatus.Committed, ContributionStatus.Paid],
            history.Select(v => v.Contribution.Status));
        Assert.Equal(["", "", "MSS-TF/2025/003", "MSS-TF/2025/003"], history.Select(v => v.Contribution.AgreementReference));
        Assert.Equal("Agreement signed", history[2].Reason);
        Assert.Equal(Day(2025, 3, 4), history[3].EffectiveOn);
        Assert.Equal(3, corrected.Version);
        // Each version chains the ledger entry before it.
        Assert.All(history, v => Assert.Matches("^[0-9a-f]{64}$", v.Hash));
        Assert.All(history.Zip(history.Skip(1)), pair => Assert.True(pair.Second.LedgerSequence > pair.First.LedgerSequence));
        Assert.All(history, v => Assert.StartsWith("test-hti-finance-officer-", v.RecordedBy, StringComparison.Ordinal));
        Assert.Equal(ContributionStatus.Paid, (await Desk.Contributions().GetContributionAsync(new GetContributionRequest { Id = pledge.Id })).Status);
    }

    [Fact]
    public async Task Correcting_the_rate_revalues_the_contribution_as_checked_by_hand()
    {
        // EUR 2,500,000.50 at 1.0825 = USD 2,706,250.541250 -> USD 2,706,250.54 (the third decimal, 1, rounds down).
        var pledge = await Desk.Contributions().RecordContributionAsync(new RecordContributionRequest
        {
            RequestId = NewId(), DonorNationCode = "DEU", Amount = Amount("EUR", 2_500_000, 500_000_000), UsdExchangeRate = "1.0825",
            RateDate = Day(2025, 1, 2), Channel = Channel.TrustFund, DecidedOn = Day(2025, 1, 2),
        });
        Assert.Equal(Usd(2_706_250, 540_000_000), pledge.UsdValue);

        // The rate of the day the money was received: 2,500,000.50 x 1.0837 = 2,709,250.541850 -> USD 2,709,250.54.
        var corrected = await CorrectAsync(new CorrectContributionRequest
        {
            Id = pledge.Id, Reason = "Valued at the rate of the day of payment", UsdExchangeRate = "1.0837", RateDate = Day(2025, 2, 14),
        });
        Assert.Equal(Usd(2_709_250, 540_000_000), corrected.UsdValue);
        Assert.Equal("1.0837", corrected.UsdExchangeRate);
        Assert.Equal(Day(2025, 2, 14), corrected.RateDate);
        Assert.Equal(Amount("EUR", 2_500_000, 500_000_000), corrected.Amount);

        // A new amount keeps the rate: 2,400,000.00 x 1.0837 = USD 2,600,880.00.
        corrected = await CorrectAsync(new CorrectContributionRequest { Id = pledge.Id, Reason = "Donor lowered the pledge", Amount = Amount("EUR", 2_400_000) });
        Assert.Equal(Usd(2_600_880), corrected.UsdValue);

        var donor = (await Desk.Reports().GetDonorReportAsync(new GetDonorReportRequest { DonorNationCode = "DEU" })).Donors.Single();
        Assert.Equal(Usd(2_600_880), donor.PledgedUsd);
        var events = await Desk.OutboxAsync(nameof(ContributionCorrected));
        var last = JsonSerializer.Deserialize<ContributionCorrected>(events.Single(e => e.Payload.Contains(pledge.Id, StringComparison.Ordinal) && e.Payload.Contains("lowered", StringComparison.Ordinal)).Payload, EventCatalog.JsonOptions)!;
        Assert.Equal((270_925_054L, 260_088_000L, 3), (last.PreviousUsdCents, last.UsdCents, last.ContributionVersion));
    }

    [Fact]
    public async Task A_correction_must_name_a_change_give_a_reason_and_bring_a_rate_with_a_new_currency()
    {
        var pledge = await Desk.PledgeAsync("NOR", 1_000_000);

        await RpcAssert.InvalidFields(() => CorrectAsync(new CorrectContributionRequest { Id = pledge.Id, Reason = "nothing" }), "request");
        await RpcAssert.InvalidFields(() => CorrectAsync(new CorrectContributionRequest { Id = pledge.Id, Earmark = "training" }), "reason");
        await RpcAssert.InvalidFields(() => CorrectAsync(new CorrectContributionRequest { Id = pledge.Id, Reason = "same", Amount = Usd(1_000_000) }), "request");
        await RpcAssert.InvalidFields(() => CorrectAsync(new CorrectContributionRequest { Id = pledge.Id, Reason = "NOK", Amount = Amount("NOK", 10_000_000) }),
            "usd_exchange_rate", "rate_date");
        await RpcAssert.InvalidFields(() => CorrectAsync(new CorrectContributionRequest { Id = pledge.Id, Reason = "minus", Amount = Usd(-5) }), "amount");
        await RpcAssert.InvalidFields(() => CorrectAsync(new CorrectContributionRequest { Id = pledge.Id, Reason = "XYZ", Amount = Amount("XYZ", 5) }), "amount.currency_code");
        await RpcAssert.InvalidFields(() => CorrectAsync(new CorrectContributionRequest { Id = pledge.Id, Reason = "early", PaidOn = Day(2025, 1, 1) }), "paid_on");

        Assert.Single(await HistoryAsync(pledge.Id));
    }

    [Fact]
    public async Task A_cancelled_contribution_cannot_be_corrected_and_only_officers_correct()
    {
        var pledge = await Desk.PledgeAsync("SWE", 300_000);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => CorrectAsync(new CorrectContributionRequest { Id = pledge.Id, Reason = "ours", Amount = Usd(400_000) }, TestTokens.For("SWE", Roles.Contributor)));
        await Desk.MoveAsync(pledge.Id, ContributionStatus.Cancelled, reason: "Budget cut at home");

        await RpcAssert.FailedPrecondition(() => CorrectAsync(new CorrectContributionRequest { Id = pledge.Id, Reason = "revive", Amount = Usd(1) }), "CONTRIBUTION_CANCELLED");
        Assert.Equal(2, (await HistoryAsync(pledge.Id)).Count);
    }

    [Fact]
    public async Task A_contributor_reads_the_history_of_its_own_nations_pledge_but_not_another_donors()
    {
        var ours = await Desk.PledgeAsync("ITA", 75_000);
        var theirs = await Desk.PledgeAsync("ESP", 90_000);
        var italy = TestTokens.For("ITA", Roles.Contributor);

        Assert.Single(await HistoryAsync(ours.Id, italy));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => HistoryAsync(theirs.Id, italy));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => HistoryAsync(ours.Id, TestTokens.For("ITA", Roles.Observer)));
    }

    [Fact]
    public async Task An_in_kind_pledge_is_valued_in_USD_at_the_stored_rate_or_kept_unvalued_until_a_correction_gives_one()
    {
        await Desk.Rates().RecordExchangeRateAsync(new RecordExchangeRateRequest { RequestId = NewId(), CurrencyCode = "CAD", UsdPerUnit = "0.7236", RateDate = Day(2024, 1, 2) });
        await RpcAssert.InvalidFields(() => Desk.Rates().RecordExchangeRateAsync(new RecordExchangeRateRequest
        {
            RequestId = NewId(), CurrencyCode = "CAD", UsdPerUnit = "0,7", RateDate = Day(2024, 1, 3),
        }).ResponseAsync, "usd_per_unit");
        InKindPledged Goods(string nation, string currency, long minor, long? usd) => new()
        {
            OccurredAt = new DateTime(2025, 5, 20, 9, 0, 0, DateTimeKind.Utc), SubjectId = NewId(), Nation = nation,
            RequisitionId = NewId(), RequisitionLineId = NewId(), ItemId = NewId(), Quantity = 400,
            Currency = currency, AmountMinorUnits = minor, UsdCents = usd,
        };

        await Desk.PublishAsync(Goods("BHS", "USD", 12_345_67, 12_345_67));
        // CAD 50,000.00 x 0.7236 (stored for 2 Jan 2024, the latest on or before the pledge day) = USD 36,180.00.
        await Desk.PublishAsync(Goods("CAN", "CAD", 50_000_00, null));
        await Desk.PublishAsync(Goods("BLZ", "BZD", 80_000_00, null));

        Contribution Only(ListContributionsResponse list, string donor) => list.Contributions.Single(c => c.DonorNationCode == donor);
        var all = await Eventually.Get(() => Desk.Contributions().ListContributionsAsync(new ListContributionsRequest { Page = new() { PageSize = 500 } }).ResponseAsync,
            l => new[] { "BHS", "CAN", "BLZ" }.All(d => l.Contributions.Any(c => c.DonorNationCode == d)), what: "the three in-kind pledges");
        Assert.Equal((Channel.InKind, Usd(12_345, 670_000_000), false), (Only(all, "BHS").Channel, Only(all, "BHS").UsdValue, Only(all, "BHS").Unvalued));
        Assert.Equal((Usd(36_180), "0.7236", Day(2024, 1, 2)), (Only(all, "CAN").UsdValue, Only(all, "CAN").UsdExchangeRate, Only(all, "CAN").RateDate));
        var belize = Only(all, "BLZ");
        Assert.True(belize.Unvalued);
        Assert.Equal(Usd(0), belize.UsdValue);
        Assert.Equal("system:InKindPledged", belize.Audit.CreatedBy);
        var report = (await Desk.Reports().GetDonorReportAsync(new GetDonorReportRequest { DonorNationCode = "BLZ" })).Donors.Single();
        Assert.Equal((1, 1, Usd(0)), (report.ContributionCount, report.UnvaluedCount, report.PledgedUsd));

        // BZD 80,000.00 x 0.4975 = USD 39,800.00.
        var valued = await CorrectAsync(new CorrectContributionRequest
        {
            Id = belize.Id, Reason = "Valued at the central bank's rate", UsdExchangeRate = "0.4975", RateDate = Day(2025, 5, 20),
        });
        Assert.False(valued.Unvalued);
        Assert.Equal(Usd(39_800), valued.UsdValue);
        report = (await Desk.Reports().GetDonorReportAsync(new GetDonorReportRequest { DonorNationCode = "BLZ" })).Donors.Single();
        Assert.Equal((0, Usd(39_800)), (report.UnvaluedCount, report.PledgedUsd));
    }
}
