using Coordination.Errors;
using Coordination.Finance.Ledger;
using Coordination.Finance.Persistence;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Contributions;

/// <summary>
/// Moves the running totals (donor totals, unpaid days, budget lines, the fund's figures on the ledger head) from a
/// flow's figures before a version to its figures after it. The two are netted first, then written in one statement
/// of integer additions (upserts), inside the write's transaction: recording a flow is on the hot path, and reading
/// each row first would cost a round trip apiece. The ledger lock already makes writes one at a time.
/// </summary>
public sealed class Tallies(FinanceDbContext db, FinanceLedger ledger, KnownBudgetLines known)
{
    /// <summary>
    /// Applies one version's change; <paramref name="before"/> is null for a new flow. Returns the budget lines whose cash
    /// went down, with the cash they now hold (paid in, with what was carried in and out) and disbursed, for the caller to check.
    /// </summary>
    public async Task<List<(string LineId, long PaidIn, long Disbursed)>> ShiftAsync(FlowFigures? before, FlowFigures after, CancellationToken ct)
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

        foreach (var line in delta.Lines.Keys)
        {
            await known.EnsureAsync(db, line, ct);
        }
        var totals = new RunningTotalsBatch();
        foreach (var (donor, d) in delta.Donors)
        {
            totals.Add("donor_totals", [("Donor", donor)],
            [
                ("ContributionCount", d.Count), ("PledgedUsdCents", d.Pledged), ("CommittedUsdCents", d.Committed), ("PaidUsdCents", d.Paid),
                ("SuspendedUsdCents", d.Suspended), ("UnvaluedCount", d.Unvalued), ("UnpaidUsdCents", d.Unpaid), ("UnpaidCount", d.UnpaidCount),
            ], revision: true);
        }
        foreach (var ((donor, decidedOn), (usd, count)) in delta.UnpaidDays.Where(u => u.Value != (0, 0)))
        {
            totals.Add("donor_unpaid_days", [("Donor", donor), ("DecidedOn", decidedOn)], [("UnpaidUsdCents", usd), ("UnpaidCount", count)], revision: true)
                .Then($"""DELETE FROM donor_unpaid_days WHERE "Donor" = {totals.Parameter(donor)} AND "DecidedOn" = {totals.Parameter(decidedOn)} AND "UnpaidCount" = 0""");
        }
        foreach (var (line, d) in delta.Lines.Where(l => l.Value != default))
        {
            // Budget lines exist before money is earmarked to them (ensured above): an update, no insert.
            totals.Then($"""
                UPDATE budget_lines SET "PledgedUsdCents" = "PledgedUsdCents" + {totals.Parameter(d.Pledged)}, "FundedUsdCents" = "FundedUsdCents" + {totals.Parameter(d.Committed)},
                  "PaidInUsdCents" = "PaidInUsdCents" + {totals.Parameter(d.Cash)}, "Revision" = "Revision" + 1
                WHERE "Id" = {totals.Parameter(line)}
                """);
        }
        await totals.ExecuteAsync(db, ct);

        var lowered = delta.Lines.Where(l => l.Value.Cash < 0).Select(l => l.Key).ToList();
        return lowered.Count == 0
            ? []
            : (await db.BudgetLines.AsNoTracking().Where(l => lowered.Contains(l.Id)).Select(l => new { l.Id, PaidInUsdCents = l.PaidInUsdCents + l.CarriedInUsdCents - l.CarriedOutUsdCents, l.DisbursedUsdCents }).ToListAsync(ct))
                .Select(l => (l.Id, l.PaidInUsdCents, l.DisbursedUsdCents)).ToList();
    }
}
