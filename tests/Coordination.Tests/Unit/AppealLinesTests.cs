using Coordination.Diplomacy.Appeals;
using Coordination.Diplomacy.Commitments;
using Coordination.Diplomacy.Partners;
using Coordination.Diplomacy.V1;
using Coordination.Persistence;
using Xunit;
using Commitment = Coordination.Diplomacy.Commitments.Commitment;

namespace Coordination.Tests.Unit;

/// <summary>How an appeal orders and figures the partners' lines (pure logic; the flow through the services is AppealFlowTests).</summary>
public sealed class AppealLinesTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);
    private static readonly DateTime Now = new(2025, 6, 30, 12, 0, 0, DateTimeKind.Utc);

    private static Commitment Officers(string nation, int promised, DateOnly due, int delivered = 0) =>
        Counted(Commitment.Announce(nation, CommitmentKind.Personnel, "officers", "", new DateOnly(2024, 10, 11), due, promised, Audit.System("test", Now)), delivered);

    private static Commitment Funds(string nation, long cents, DateOnly due, long delivered = 0) =>
        Counted(Commitment.Announce(nation, CommitmentKind.Funds, "money", "", new DateOnly(2024, 10, 11), due, cents, Audit.System("test", Now)), delivered);

    private static Commitment Counted(Commitment c, long delivered)
    {
        if (delivered > 0)
        {
            c.Fulfil(CommitmentLedger.ContributionSource, Guid.NewGuid().ToString("N"), delivered, Today, Now);
        }
        return c;
    }

    [Fact]
    public void The_longest_overdue_comes_first_then_the_most_overdue_and_partners_with_nothing_overdue_by_nation_code()
    {
        var lines = AppealLines.Of(
        [
            Funds("ZAF", 500, new DateOnly(2026, 1, 1)),
            Officers("JAM", 100, new DateOnly(2025, 3, 1)),
            Officers("BHS", 50, new DateOnly(2025, 3, 1)),
            Officers("KEN", 600, new DateOnly(2024, 11, 30), delivered: 400),
            Funds("CAN", 1_000, new DateOnly(2025, 6, 30)), // due today: not yet overdue
            Officers("BEN", 10, new DateOnly(2025, 1, 1), delivered: 10), // fulfilled: never overdue
        ], new Dictionary<string, PartnerTally>(), Today);

        Assert.Equal(["KEN", "JAM", "BHS", "BEN", "CAN", "ZAF"], lines.Select(l => l.Nation));
        Assert.Equal((600, 400, 200, 1, new DateOnly(2024, 11, 30)), (lines[0].OfficersCommitted, lines[0].OfficersDelivered, lines[0].OfficersOverdue, lines[0].CommitmentsOverdue, lines[0].OverdueSince));
        Assert.All(lines.Skip(3), l => Assert.Equal((0, null), (l.CommitmentsOverdue, l.OverdueSince)));
    }

    [Fact]
    public void A_partners_line_adds_up_its_commitments_of_each_kind_and_takes_deployed_officers_and_pledged_money_from_its_brief()
    {
        var tallies = new Dictionary<string, PartnerTally> { ["CAN"] = new() { Nation = "CAN", DeployedOfficers = 20, PledgedUsdCents = 700 } };
        var line = Assert.Single(AppealLines.Of(
        [
            Funds("CAN", 1_000, new DateOnly(2025, 1, 31), delivered: 300),
            Funds("CAN", 2_000, new DateOnly(2025, 12, 31)),
            Officers("CAN", 70, new DateOnly(2025, 5, 1)),
        ], tallies, Today));

        Assert.Equal((3_000L, 300L, 700L, 700L), (line.UsdCommittedCents, line.UsdDeliveredCents, line.UsdOverdueCents, line.UsdPledgedCents));
        Assert.Equal((70, 0, 70, 20), (line.OfficersCommitted, line.OfficersDelivered, line.OfficersOverdue, line.OfficersDeployed));
        Assert.Equal((2, new DateOnly(2025, 1, 31)), (line.CommitmentsOverdue, line.OverdueSince));
    }
}
