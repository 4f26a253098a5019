using Coordination.Errors;
using Coordination.Finance.Budget;
using Coordination.Finance.Ledger;
using Coordination.Finance.Persistence;

namespace Coordination.Finance.Contributions;

/// <summary>
/// Moves the running totals (donor totals, unpaid days, budget lines, the fund's figures on the ledger head) from a
/// flow's figures before a version to its figures after it. The two are netted first, so each row is read and written
/// once per version.
/// </summary>
public sealed class Tallies(FinanceDbContext db, FinanceLedger ledger)
{
    /// <summary>
    /// Applies one version's change; <paramref name="before"/> is null for a new flow. Returns the budget lines it touched
    /// with the change of their paid-in cash.
    /// </summary>
    public async Task<List<(BudgetLine Line, long CashDelta)>> ShiftAsync(FlowFigures? before, FlowFigures after, CancellationToken ct)
    {
        var delta = new TallyDelta();
        if (before is { } old)
        {
            delta.Add(old, -1);
        }
        delta.Add(after, +1);

        var head = ledger.Head;
        head.ReceivedUsdCents += delta.Received;
        head.ReceivedUnearmarkedUsdCents += delta.ReceivedUnearmarked;
        head.AllocatedPaidUsdCents += delta.AllocatedPaid;

        foreach (var (donor, d) in delta.Donors)
        {
            var total = await db.DonorTotals.FindAsync([donor], ct);
            if (total is null)
            {
                total = new DonorTotal { Donor = donor };
                db.DonorTotals.Add(total);
            }
            total.ContributionCount += d.Count;
            total.PledgedUsdCents += d.Pledged;
            total.CommittedUsdCents += d.Committed;
            total.PaidUsdCents += d.Paid;
            total.SuspendedUsdCents += d.Suspended;
            total.UnvaluedCount += d.Unvalued;
            total.UnpaidUsdCents += d.Unpaid;
            total.UnpaidCount += d.UnpaidCount;
            total.Revision++;
        }
        foreach (var ((donor, decidedOn), (usd, count)) in delta.UnpaidDays.Where(u => u.Value != (0, 0)))
        {
            var day = await db.DonorUnpaidDays.FindAsync([donor, decidedOn], ct);
            if (day is null)
            {
                day = new DonorUnpaidDay { Donor = donor, DecidedOn = decidedOn };
                db.DonorUnpaidDays.Add(day);
            }
            day.UnpaidUsdCents += usd;
            day.UnpaidCount += count;
            day.Revision++;
            if (day.UnpaidCount == 0)
            {
                db.DonorUnpaidDays.Remove(day);
            }
        }
        var touched = new List<(BudgetLine, long)>();
        foreach (var (lineId, d) in delta.Lines)
        {
            var line = await db.BudgetLines.FindAsync([lineId], ct) ?? throw new ResourceNotFoundException("budget line", lineId);
            line.PledgedUsdCents += d.Pledged;
            line.FundedUsdCents += d.Committed;
            line.PaidInUsdCents += d.Cash;
            line.Revision++;
            touched.Add((line, d.Cash));
        }
        return touched;
    }
}
