using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Diplomacy.V1;
using Coordination.Finance.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.CrossService;

/// <summary>
/// Finance hears of the money partners announce in diplomacy: a FUNDS commitment is an expected contribution in the
/// donor report, announced beside pledged and paid, before any contribution is recorded and as contributions arrive.
/// </summary>
public sealed class FundsCommitmentFlowTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>
{
    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat);
    private readonly string financeOfficer = TestTokens.For("HTI", Roles.FinanceOfficer);

    private static Money Usd(long units) => new() { CurrencyCode = "USD", Units = units };

    private static long Units(Money money) => money.Units;

    [Fact]
    public async Task A_funds_commitment_announced_in_diplomacy_is_expected_in_the_donor_report_beside_what_is_pledged_and_paid()
    {
        var suite = fixture.Suite;
        var commitments = suite.ViaGateway<CommitmentService.CommitmentServiceClient>(diplomat);
        AnnounceCommitmentRequest Announce(string nation, CommitmentKind kind, long usd, int officers, string words) => new()
        {
            RequestId = NewId(), NationCode = nation, Kind = kind, Description = words, AnnouncedOn = Day(2024, 10, 11), DueOn = YearsAhead(),
            Amount = usd > 0 ? Usd(usd) : null, Officers = officers,
        };
        await commitments.AnnounceCommitmentAsync(Announce("CAN", CommitmentKind.Funds, 10_000_000, 0, "USD 10M to the trust fund"));
        await commitments.AnnounceCommitmentAsync(Announce("CAN", CommitmentKind.Funds, 2_500_000, 0, "USD 2.5M more for equipment"));
        await commitments.AnnounceCommitmentAsync(Announce("CAN", CommitmentKind.Personnel, 0, 70, "70 police trainers"));
        await commitments.AnnounceCommitmentAsync(Announce("BHS", CommitmentKind.Funds, 500_000, 0, "USD 500,000 to the trust fund"));

        // Canada sees its own line: announced, nothing pledged yet; officers are not money.
        var canada = suite.ViaGateway<FinanceReportService.FinanceReportServiceClient>(TestTokens.For("CAN", Roles.Contributor));
        var expected = await Eventually.Get(() => canada.GetDonorReportAsync(new GetDonorReportRequest()).ResponseAsync,
            r => r.Donors.Count == 1 && r.Donors[0].AnnouncedCount == 2, what: "finance to hear of Canada's funds commitments");
        var row = expected.Donors[0];
        Assert.Equal(("CAN", 12_500_000L, 0L, 12_500_000L, 0), (row.DonorNationCode, Units(row.AnnouncedUsd), Units(row.PledgedUsd),
            Units(row.AnnouncedNotPledgedUsd), row.ContributionCount));

        var contributions = suite.ViaGateway<ContributionService.ContributionServiceClient>(financeOfficer);
        var contribution = await contributions.RecordContributionAsync(new RecordContributionRequest
        {
            RequestId = NewId(), DonorNationCode = "CAN", Amount = Usd(8_000_000), Channel = Channel.TrustFund, DecidedOn = Day(2024, 10, 20),
        });
        foreach (var status in new[] { ContributionStatus.Committed, ContributionStatus.Paid })
        {
            await contributions.ChangeContributionStatusAsync(new ChangeContributionStatusRequest
            {
                RequestId = NewId(), Id = contribution.Id, Status = status, EffectiveOn = Day(2024, 11, 5),
            });
        }
        var paid = (await canada.GetDonorReportAsync(new GetDonorReportRequest())).Donors.Single();
        Assert.Equal((12_500_000L, 8_000_000L, 8_000_000L, 4_500_000L),
            (Units(paid.AnnouncedUsd), Units(paid.PledgedUsd), Units(paid.PaidUsd), Units(paid.AnnouncedNotPledgedUsd)));

        // Finance staff see every donor, the Bahamas with its announcement only; the total sums the rows.
        var all = await Eventually.Get(() => suite.ViaGateway<FinanceReportService.FinanceReportServiceClient>(financeOfficer)
                .GetDonorReportAsync(new GetDonorReportRequest()).ResponseAsync,
            r => r.Donors.Any(d => d.DonorNationCode == "BHS"), what: "finance to hear of the Bahamas' funds commitment");
        Assert.Equal(["BHS", "CAN"], all.Donors.Select(d => d.DonorNationCode));
        Assert.Equal((500_000L, 0), (Units(all.Donors[0].AnnouncedUsd), all.Donors[0].ContributionCount));
        Assert.Equal((13_000_000L, 3, 5_000_000L), (Units(all.Total.AnnouncedUsd), all.Total.AnnouncedCount, Units(all.Total.AnnouncedNotPledgedUsd)));

        // A donor's unpaid promises are its own and finance's: another partner is refused, a malformed code is named.
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => canada.GetDonorReportAsync(new GetDonorReportRequest { DonorNationCode = "BHS" }).ResponseAsync);
        var staff = suite.ViaGateway<FinanceReportService.FinanceReportServiceClient>(financeOfficer);
        await RpcAssert.InvalidFields(() => staff.GetDonorReportAsync(new GetDonorReportRequest { DonorNationCode = "C\0N" }).ResponseAsync,
            "donor_nation_code");
    }
}
