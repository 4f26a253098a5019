using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Events;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Diplomacy.Commitments;

/// <summary>
/// Links what other services announce to what partners promised: a nation's pledge of officers (or payment in
/// USD) counts towards its open commitments of that kind, the one due first first, until it is used up.
/// </summary>
public static class CommitmentLedger
{
    public const string PersonnelPledgeSource = "personnel-pledge";
    public const string ContributionSource = "contribution";

    public static async Task ApplyAsync(DiplomacyDbContext db, string nation, CommitmentKind kind, long available,
        string source, string sourceId, DateTime at, CancellationToken ct)
    {
        var open = await db.Commitments
            .Where(c => c.Nation == nation && c.Kind == kind && c.Delivered < c.Promised)
            .OrderBy(c => c.DueOn).ThenBy(c => c.Id)
            .ToListAsync(ct);
        var countedOn = DateOnly.FromDateTime(at);
        foreach (var commitment in open)
        {
            if (available <= 0)
            {
                break;
            }
            available -= commitment.Fulfil(source, sourceId, available, countedOn, at);
        }
    }

    /// <summary>
    /// Takes back everything <paramref name="sourceId"/> counted towards the nation's commitments; returns the total.
    /// What is freed is not refilled from other pledges: as when it arrives, a pledge counts once, when it is heard of.
    /// </summary>
    public static async Task<long> WithdrawAsync(DiplomacyDbContext db, string nation, string source, string sourceId,
        string reason, DateTime at, CancellationToken ct)
    {
        var counted = await db.Commitments
            .Where(c => c.Nation == nation && c.Fulfilments.Any(f => f.SourceId == sourceId && f.Source == source))
            .ToListAsync(ct);
        long taken = 0;
        foreach (var commitment in counted)
        {
            taken += commitment.Unfulfil(sourceId, reason, at);
        }
        return taken;
    }
}

/// <summary>Warns once when a commitment passes its due day short of what was promised.</summary>
public static class CommitmentDeadlines
{
    public static async Task WarnAsync(DiplomacyDbContext db, DateOnly today, DateTime now, CancellationToken ct)
    {
        const string kind = nameof(CommitmentSlipping);
        // Late and not yet warned about (for this due day): commitments warned about once drop out of the query.
        var late = await db.Commitments.AsNoTracking()
            .Where(c => c.DueOn < today && c.Delivered < c.Promised)
            .Where(c => !db.DeadlineNotices.Any(n => n.SubjectId == c.Id && n.Kind == kind && n.Deadline == c.DueOn))
            .ToListAsync(ct);
        foreach (var commitment in late)
        {
            Deadlines.DeadlineWatch.Note(db, commitment.Id, kind, commitment.DueOn, now);
            db.Publish(new CommitmentSlipping
            {
                OccurredAt = now,
                SubjectId = commitment.Id,
                Nation = commitment.Nation,
                Kind = CommitmentMapping.KindName(commitment.Kind),
                DueOn = commitment.DueOn,
                Promised = commitment.Promised,
                Delivered = commitment.Delivered,
            });
        }
    }
}
