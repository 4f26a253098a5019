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
        // The warnings already sent about these mandates, read once rather than asked about one by one.
        var endingIds = ending.Select(m => m.Id).ToList();
        var sent = ending.Count == 0
            ? []
            : (await db.DeadlineNotices.AsNoTracking().Where(n => endingIds.Contains(n.SubjectId)).Select(n => new { n.SubjectId, n.Kind, n.Deadline }).ToListAsync(ct))
                .Select(n => (n.SubjectId, n.Kind, n.Deadline)).ToHashSet();
        foreach (var mandate in ending)
        {
            foreach (var days in ExpiryWarningDays.Where(d => today >= mandate.PeriodEnd.AddDays(-d)).OrderDescending())
            {
                var kind = $"{nameof(MandateExpiring)}:{days}";
                if (!sent.Contains((mandate.Id, kind, mandate.PeriodEnd)))
                {
                    Note(db, mandate.Id, kind, mandate.PeriodEnd, now);
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

        await Commitments.CommitmentDeadlines.WarnAsync(db, today, now, ct);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (ServiceDbContext.IsUniqueViolation(e))
        {
            // Another replica sent these warnings first.
        }
    }

    /// <summary>Records that a warning went out, in the transaction that publishes it; the key makes it once across replicas.</summary>
    internal static void Note(DiplomacyDbContext db, string subject, string kind, DateOnly deadline, DateTime now) =>
        db.DeadlineNotices.Add(new DeadlineNotice { SubjectId = subject, Kind = kind, Deadline = deadline, SentAt = now });
}
