namespace Coordination.Personnel.Pledges;

/// <summary>An active pledge as the tally counts it.</summary>
public sealed record PledgeCount(string PledgeId, DateOnly PledgedOn, DateTime CreatedAt, int Officers);

/// <summary>What has been pledged against one expected pledge: the officers, and which pledges they came from.</summary>
public sealed record ExpectedPledgeProgress(ExpectedPledge Expected, IReadOnlyList<(string PledgeId, int Officers)> CountedPledges)
{
    public int PledgedOfficers => CountedPledges.Sum(c => c.Officers);
}

/// <summary>
/// Counts a nation's active pledges against its expected pledges, recomputed at every read so that a revision or a
/// withdrawal counts at once and no link is stored to go stale. A pledge counts against expected pledges announced on
/// or before the day it was made (one made before the announcement answered no announcement), the one due first
/// first — the order diplomacy fulfils commitments in — then the one announced first; what an expected pledge does not
/// need goes on to the next. Pledges are taken in the order they were made.
/// </summary>
public static class ExpectedPledgeTally
{
    public static IReadOnlyList<ExpectedPledgeProgress> Count(IEnumerable<ExpectedPledge> expected, IEnumerable<PledgeCount> pledges)
    {
        var order = expected
            .OrderBy(e => e.DueOn).ThenBy(e => e.AnnouncedAt).ThenBy(e => e.CommitmentId, StringComparer.Ordinal)
            .Select(e => (Expected: e, Counted: new List<(string, int)>()))
            .ToList();
        var filled = order.ToDictionary(o => o.Expected.CommitmentId, _ => 0, StringComparer.Ordinal);
        foreach (var pledge in pledges.OrderBy(p => p.PledgedOn).ThenBy(p => p.CreatedAt).ThenBy(p => p.PledgeId, StringComparer.Ordinal))
        {
            var left = pledge.Officers;
            foreach (var (e, counted) in order.Where(o => o.Expected.AnnouncedOn <= pledge.PledgedOn))
            {
                var take = Math.Min(left, e.Officers - filled[e.CommitmentId]);
                if (take <= 0)
                {
                    continue;
                }
                counted.Add((pledge.PledgeId, take));
                filled[e.CommitmentId] += take;
                left -= take;
                if (left == 0)
                {
                    break;
                }
            }
        }
        return order.Select(o => new ExpectedPledgeProgress(o.Expected, o.Counted)).ToList();
    }
}
