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
        var delta = new Delta();
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

    private sealed class Delta
    {
        public long Received;
        public long ReceivedUnearmarked;
        public long AllocatedPaid;
        public readonly Dictionary<string, Sums> Donors = new(StringComparer.Ordinal);
        public readonly Dictionary<(string, DateOnly), (long Usd, int Count)> UnpaidDays = [];
        public readonly Dictionary<string, Sums> Lines = new(StringComparer.Ordinal);

        public void Add(FlowFigures f, int sign)
        {
            if (f.External)
            {
                Donors[f.Donor] = Donors.GetValueOrDefault(f.Donor) + Sums.Of(f, sign);
                if (f.IsUnpaid)
                {
                    var (usd, count) = UnpaidDays.GetValueOrDefault((f.Donor, f.DecidedOn));
                    UnpaidDays[(f.Donor, f.DecidedOn)] = (usd + (sign * f.UsdCents), count + sign);
                }
                Received += sign * f.CashUsd;
                if (f.BudgetLineId.Length == 0)
                {
                    ReceivedUnearmarked += sign * f.CashUsd;
                }
            }
            else
            {
                AllocatedPaid += sign * f.PaidUsd;
            }
            if (f.BudgetLineId.Length > 0)
            {
                Lines[f.BudgetLineId] = Lines.GetValueOrDefault(f.BudgetLineId) + Sums.Of(f, sign);
            }
        }
    }

    private readonly record struct Sums(int Count, long Pledged, long Committed, long Paid, long Suspended, long Cash, int Unvalued)
    {
        public static Sums Of(FlowFigures f, int sign) => new(sign * f.Count, sign * f.PledgedUsd, sign * f.CommittedUsd, sign * f.PaidUsd,
            sign * f.SuspendedUsd, sign * f.CashUsd, sign * f.UnvaluedCount);

        public static Sums operator +(Sums a, Sums b) => new(a.Count + b.Count, a.Pledged + b.Pledged, a.Committed + b.Committed,
            a.Paid + b.Paid, a.Suspended + b.Suspended, a.Cash + b.Cash, a.Unvalued + b.Unvalued);
    }
}
