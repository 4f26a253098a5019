using Coordination.Diplomacy.Persistence;
using Coordination.Events;
using Coordination.Hosting;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Diplomacy.Deadlines;

/// <summary>How often deadlines are checked. Bound from <c>Diplomacy:Deadlines</c>.</summary>
public sealed class DeadlineOptions
{
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Watches the calendar by the service's clock (a TimeProvider, which tests control): warns 90 and 30 days before
/// a mandate ends with no renewal or successor recorded (MandateExpiring), and when a commitment passes its due
/// day unfulfilled (CommitmentSlipping). Each warning is recorded with its event in one transaction, once.
/// </summary>
public sealed class DeadlineWatch(
    IServiceScopeFactory scopes, TimeProvider time, Microsoft.Extensions.Options.IOptions<DeadlineOptions> options, ILogger<DeadlineWatch> logger)
    : PeriodicCheck(time, logger)
{
    public static readonly int[] ExpiryWarningDays = [90, 30];

    protected override string Name => "Deadline check";

    protected override TimeSpan Interval => options.Value.CheckInterval;

    public override async Task CheckAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DiplomacyDbContext>();
        var now = Time.UtcNow();
        var today = DateOnly.FromDateTime(now);

        var horizon = today.AddDays(ExpiryWarningDays.Max());
        var ending = await db.Mandates.AsNoTracking()
            .Where(m => m.SuccessorId == "" && m.PeriodEnd >= today && m.PeriodEnd <= horizon)
            .ToListAsync(ct);
        foreach (var mandate in ending)
        {
            foreach (var days in ExpiryWarningDays.Where(d => today >= mandate.PeriodEnd.AddDays(-d)).OrderDescending())
            {
                if (await NoteOnceAsync(db, mandate.Id, $"{nameof(MandateExpiring)}:{days}", mandate.PeriodEnd, now, ct))
                {
                    db.Publish(new MandateExpiring
                    {
                        OccurredAt = now,
                        SubjectId = mandate.Id,
                        ResolutionSymbol = mandate.ResolutionSymbol,
                        PeriodEnd = mandate.PeriodEnd,
                        DaysBefore = days,
                    });
                }
            }
        }

        await Commitments.CommitmentDeadlines.WarnAsync(db, today, now, (id, due) => NoteOnceAsync(db, id, nameof(CommitmentSlipping), due, now, ct), ct);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (ServiceDbContext.IsUniqueViolation(e))
        {
            // Another replica sent these warnings first.
        }
    }

    private static async Task<bool> NoteOnceAsync(DiplomacyDbContext db, string subject, string kind, DateOnly deadline, DateTime now, CancellationToken ct)
    {
        if (await db.DeadlineNotices.AnyAsync(n => n.SubjectId == subject && n.Kind == kind && n.Deadline == deadline, ct))
        {
            return false;
        }
        db.DeadlineNotices.Add(new DeadlineNotice { SubjectId = subject, Kind = kind, Deadline = deadline, SentAt = now });
        return true;
    }

}
