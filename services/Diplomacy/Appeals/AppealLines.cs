using Coordination.Diplomacy.Commitments;
using Coordination.Diplomacy.Partners;
using Coordination.Diplomacy.V1;
using Commitment = Coordination.Diplomacy.Commitments.Commitment;

namespace Coordination.Diplomacy.Appeals;

/// <summary>
/// Each partner's line of an appeal, from its commitments and its brief's figures: committed against delivered in
/// officers and money, the goods it pledged in kind, and what is overdue (outstanding past the due day). Partners with overdue commitments come
/// first, the longest overdue first (then the most officers, then the most money overdue); the others follow by
/// nation code. Every nation with a commitment has a line.
/// </summary>
public static class AppealLines
{
    public static List<AppealLine> Of(IEnumerable<Commitment> commitments, IReadOnlyDictionary<string, PartnerTally> tallies, DateOnly today) =>
    [
        .. commitments.GroupBy(c => c.Nation, StringComparer.Ordinal)
            .Select(g => LineOf(g.Key, [.. g], tallies.GetValueOrDefault(g.Key), today))
            .OrderBy(l => l.OverdueSince is null)
            .ThenBy(l => l.OverdueSince)
            .ThenByDescending(l => l.OfficersOverdue)
            .ThenByDescending(l => l.UsdOverdueCents)
            .ThenBy(l => l.Nation, StringComparer.Ordinal),
    ];

    private static AppealLine LineOf(string nation, List<Commitment> commitments, PartnerTally? tally, DateOnly today)
    {
        var officers = commitments.Where(c => c.Kind == CommitmentKind.Personnel).ToList();
        var funds = commitments.Where(c => c.Kind == CommitmentKind.Funds).ToList();
        var overdue = commitments.Where(c => c.StateOn(today) == CommitmentState.Slipping).ToList();
        return new AppealLine(
            nation,
            OfficersCommitted: (int)officers.Sum(c => c.Promised),
            OfficersDelivered: (int)officers.Sum(c => c.Delivered),
            OfficersOverdue: (int)overdue.Where(c => c.Kind == CommitmentKind.Personnel).Sum(c => c.Outstanding),
            OfficersDeployed: tally?.DeployedOfficers ?? 0,
            UsdCommittedCents: funds.Sum(c => c.Promised),
            UsdDeliveredCents: funds.Sum(c => c.Delivered),
            UsdOverdueCents: overdue.Where(c => c.Kind == CommitmentKind.Funds).Sum(c => c.Outstanding),
            UsdPledgedCents: tally?.PledgedUsdCents ?? 0,
            CommitmentsOverdue: overdue.Count,
            OverdueSince: overdue.Count == 0 ? null : overdue.Min(c => c.DueOn),
            UsdInKindPledgedCents: tally?.InKindPledgedUsdCents ?? 0,
            InKindPledges: tally?.InKindPledges ?? 0);
    }
}
