using Coordination.Finance.Contributions;
using Coordination.Finance.Persistence;
using Coordination.Finance.V1;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Ledger;

/// <summary>
/// Recomputes the ledger from its first entry: sequences without gaps, each previous hash equal to the hash before it,
/// each hash equal to SHA-256 of its entry (<see cref="CanonicalForm"/>), the head at the last entry; then compares every
/// contribution's current row with its latest version. Reads in batches, in sequence order, without tracking.
/// </summary>
public sealed class LedgerVerifier(FinanceDbContext db)
{
    private const int BatchSize = 5_000;

    public async Task<LedgerVerification> VerifyAsync(CancellationToken ct)
    {
        var head = await db.LedgerHeads.AsNoTracking().SingleAsync(h => h.Id == LedgerHead.SingleId, ct);
        var result = new LedgerVerification { HeadSequence = head.Sequence, HeadHash = head.Hash };
        var previous = CanonicalForm.Genesis;
        var expected = 1L;
        while (true)
        {
            var from = expected;
            var to = from + BatchSize;
            var entries = new List<ILedgerEntry>();
            entries.AddRange(await db.ContributionVersions.AsNoTracking().Where(v => v.Sequence >= from && v.Sequence < to).ToListAsync(ct));
            entries.AddRange(await db.Disbursements.AsNoTracking().Where(d => d.Sequence >= from && d.Sequence < to).ToListAsync(ct));
            if (entries.Count == 0)
            {
                break;
            }
            foreach (var entry in entries.OrderBy(e => e.Sequence))
            {
                var problem = entry.Sequence != expected ? $"entry {expected} is missing (next found: {entry.Sequence})"
                    : entry.PreviousHash != previous ? "its previous hash is not the hash of the entry before it"
                    : entry.Canonical().Hash(previous) != entry.Hash ? "its hash does not match its contents"
                    : null;
                if (problem is not null)
                {
                    result.FirstBreak = new LedgerBreak { Sequence = expected, EntryKind = entry.EntryKind, RecordId = entry.RecordId, Problem = problem };
                    return result;
                }
                previous = entry.Hash;
                expected++;
                result.EntriesChecked++;
            }
        }
        if (expected - 1 != head.Sequence || previous != head.Hash)
        {
            result.FirstBreak = new LedgerBreak
            {
                Sequence = expected,
                EntryKind = "head",
                Problem = expected - 1 < head.Sequence
                    ? $"entry {expected} is missing: the head records {head.Sequence} entries"
                    : "the head does not point at the last entry",
            };
            return result;
        }
        return await CheckCurrentRowsAsync(result, ct);
    }

    /// <summary>Every contribution's row for queries must repeat its latest version, field for field.</summary>
    private async Task<LedgerVerification> CheckCurrentRowsAsync(LedgerVerification result, CancellationToken ct)
    {
        var mismatched = await (
                from c in db.Contributions
                join v in db.ContributionVersions on new { c.Id, c.Version } equals new { Id = v.ContributionId, v.Version } into latest
                from v in latest.DefaultIfEmpty()
                where v == null
                      || db.ContributionVersions.Any(later => later.ContributionId == c.Id && later.Version > c.Version)
                      || c.DonorNation != v.DonorNation || c.ParentId != v.ParentId || c.BudgetLineId != v.BudgetLineId
                      || c.Channel != v.Channel || c.Status != v.Status || c.StatusBeforeSuspension != v.StatusBeforeSuspension
                      || c.Currency != v.Currency || c.AmountMinorUnits != v.AmountMinorUnits || c.UsdRate != v.UsdRate
                      || c.RateDate != v.RateDate || c.UsdCents != v.UsdCents || c.Unvalued != v.Unvalued
                      || c.Earmark != v.Earmark || c.AgreementReference != v.AgreementReference || c.DecidedOn != v.DecidedOn
                      || c.ReportedOn != v.ReportedOn || c.PaidOn != v.PaidOn
                orderby c.Id
                select c.Id)
            .FirstOrDefaultAsync(ct);
        result.ContributionsChecked = await db.Contributions.LongCountAsync(ct);
        if (mismatched is not null)
        {
            result.FirstBreak = new LedgerBreak
            {
                EntryKind = "contribution",
                RecordId = mismatched,
                Problem = "its current figures differ from its latest version",
            };
            return result;
        }
        result.Intact = true;
        return result;
    }
}
