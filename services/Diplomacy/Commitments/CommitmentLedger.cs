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
}

/// <summary>Warns once when a commitment passes its due day short of what was promised.</summary>
public static class CommitmentDeadlines
{
    public static async Task WarnAsync(DiplomacyDbContext db, DateOnly today, DateTime now, Func<string, DateOnly, Task<bool>> noteOnce, CancellationToken ct)
    {
        var late = await db.Commitments.AsNoTracking()
            .Where(c => c.DueOn < today && c.Delivered < c.Promised)
            .ToListAsync(ct);
        foreach (var commitment in late)
        {
            if (await noteOnce(commitment.Id, commitment.DueOn))
            {
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
}
