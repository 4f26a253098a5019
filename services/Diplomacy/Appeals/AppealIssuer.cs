using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Events;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Diplomacy.Appeals;

/// <summary>Issues an appeal (from a request or from finance's FundRunwayLow) and announces it, in the caller's unit of work.</summary>
public static class AppealIssuer
{
    /// <summary>The most commitments an appeal reads: far above what partners announce (dozens), a bound on the work.</summary>
    public const int MaxCommitments = 10_000;

    public static async Task<Appeal> IssueAsync(DiplomacyDbContext db, AppealTrigger trigger, string message,
        DateOnly today, Audit audit, DateTime now, CancellationToken ct)
    {
        var funding = await db.FundingPictures.FindAsync([FundingPicture.TrustFund], ct);
        var commitments = await db.Commitments.AsNoTracking().OrderBy(c => c.Id).Take(MaxCommitments).ToListAsync(ct);
        var nations = commitments.Select(c => c.Nation).Distinct().ToList();
        var tallies = await db.PartnerTallies.AsNoTracking().Where(t => nations.Contains(t.Nation)).ToDictionaryAsync(t => t.Nation, StringComparer.Ordinal, ct);
        var appeal = Appeal.Issue(today, trigger, message, funding, AppealLines.Of(commitments, tallies, today), audit);
        db.Appeals.Add(appeal);
        db.Publish(new AppealIssued
        {
            OccurredAt = now,
            SubjectId = appeal.Id,
            IssuedOn = appeal.IssuedOn,
            GapUsdCents = appeal.GapUsdCents,
            RunwayMonths = appeal.RunwayMonths.Length > 0 ? appeal.RunwayMonths : null,
            PartnerCount = appeal.Lines.Count,
        });
        return appeal;
    }
}
