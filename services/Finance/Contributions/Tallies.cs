using System.Collections.Concurrent;
using System.Text;
using Coordination.Errors;
using Coordination.Finance.Ledger;
using Coordination.Finance.Persistence;
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
    /// went down, with what they now hold paid in and disbursed, for the caller to check.
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
        var sql = new StringBuilder();
        var values = new List<object>();
        string P(object value)
        {
            values.Add(value);
            return $"{{{values.Count - 1}}}";
        }
        foreach (var (donor, d) in delta.Donors)
        {
            sql.Append($"""
                INSERT INTO donor_totals ("Donor", "ContributionCount", "PledgedUsdCents", "CommittedUsdCents", "PaidUsdCents", "SuspendedUsdCents", "UnvaluedCount", "UnpaidUsdCents", "UnpaidCount", "Revision")
                VALUES ({P(donor)}, {P(d.Count)}, {P(d.Pledged)}, {P(d.Committed)}, {P(d.Paid)}, {P(d.Suspended)}, {P(d.Unvalued)}, {P(d.Unpaid)}, {P(d.UnpaidCount)}, 1)
                ON CONFLICT ("Donor") DO UPDATE SET
                  "ContributionCount" = donor_totals."ContributionCount" + excluded."ContributionCount",
                  "PledgedUsdCents" = donor_totals."PledgedUsdCents" + excluded."PledgedUsdCents",
                  "CommittedUsdCents" = donor_totals."CommittedUsdCents" + excluded."CommittedUsdCents",
                  "PaidUsdCents" = donor_totals."PaidUsdCents" + excluded."PaidUsdCents",
                  "SuspendedUsdCents" = donor_totals."SuspendedUsdCents" + excluded."SuspendedUsdCents",
                  "UnvaluedCount" = donor_totals."UnvaluedCount" + excluded."UnvaluedCount",
                  "UnpaidUsdCents" = donor_totals."UnpaidUsdCents" + excluded."UnpaidUsdCents",
                  "UnpaidCount" = donor_totals."UnpaidCount" + excluded."UnpaidCount",
                  "Revision" = donor_totals."Revision" + 1;

                """);
        }
        foreach (var ((donor, decidedOn), (usd, count)) in delta.UnpaidDays.Where(u => u.Value != (0, 0)))
        {
            var (d, day) = (P(donor), P(decidedOn));
            sql.Append($"""
                INSERT INTO donor_unpaid_days ("Donor", "DecidedOn", "UnpaidUsdCents", "UnpaidCount", "Revision") VALUES ({d}, {day}, {P(usd)}, {P(count)}, 1)
                ON CONFLICT ("Donor", "DecidedOn") DO UPDATE SET
                  "UnpaidUsdCents" = donor_unpaid_days."UnpaidUsdCents" + excluded."UnpaidUsdCents",
                  "UnpaidCount" = donor_unpaid_days."UnpaidCount" + excluded."UnpaidCount",
                  "Revision" = donor_unpaid_days."Revision" + 1;
                DELETE FROM donor_unpaid_days WHERE "Donor" = {d} AND "DecidedOn" = {day} AND "UnpaidCount" = 0;

                """);
        }
        foreach (var (line, d) in delta.Lines.Where(l => l.Value != default))
        {
            sql.Append($"""
                UPDATE budget_lines SET "PledgedUsdCents" = "PledgedUsdCents" + {P(d.Pledged)}, "FundedUsdCents" = "FundedUsdCents" + {P(d.Committed)},
                  "PaidInUsdCents" = "PaidInUsdCents" + {P(d.Cash)}, "Revision" = "Revision" + 1
                WHERE "Id" = {P(line)};

                """);
        }
        if (sql.Length > 0)
        {
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);
        }

        var lowered = delta.Lines.Where(l => l.Value.Cash < 0).Select(l => l.Key).ToList();
        return lowered.Count == 0
            ? []
            : (await db.BudgetLines.AsNoTracking().Where(l => lowered.Contains(l.Id)).Select(l => new { l.Id, l.PaidInUsdCents, l.DisbursedUsdCents }).ToListAsync(ct))
                .Select(l => (l.Id, l.PaidInUsdCents, l.DisbursedUsdCents)).ToList();
    }
}

/// <summary>
/// Budget lines known to exist. A line is never deleted, so once seen it needs no second look: the hot path checks a
/// flow's line without a round trip.
/// </summary>
public sealed class KnownBudgetLines
{
    private readonly ConcurrentDictionary<string, bool> lines = new(StringComparer.Ordinal);

    public async Task EnsureAsync(FinanceDbContext db, string lineId, CancellationToken ct)
    {
        if (lines.ContainsKey(lineId))
        {
            return;
        }
        if (!await db.BudgetLines.AnyAsync(l => l.Id == lineId, ct))
        {
            throw new ResourceNotFoundException("budget line", lineId);
        }
        lines.TryAdd(lineId, true);
    }
}
