using Coordination.Events;
using Coordination.Messaging;
using Coordination.Personnel.Contingents;
using Coordination.Personnel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Mandates;

/// <summary>Keeps the local mandate copy when diplomacy records a new mandate.</summary>
public sealed class MandateAdoptedConsumer(PersonnelDbContext db, ILogger<MandateAdoptedConsumer> logger)
    : IdempotentConsumer<MandateAdopted>(db, logger)
{
    protected override async Task HandleAsync(MandateAdopted message, CancellationToken ct)
    {
        if (await db.Mandates.FindAsync([message.SubjectId], ct) is null)
        {
            MandateViews.Add(db, message.SubjectId, message.ResolutionSymbol, message.PeriodStart, message.PeriodEnd, message.OccurredAt)
                .SetCeilings(message.PersonnelCeiling, message.UniformedCeiling, message.CivilianCeiling);
        }
    }
}

/// <summary>A renewal moves the period and ceiling, and with them every tour the old mandate end had cut short.</summary>
public sealed class MandateExtendedConsumer(PersonnelDbContext db, ILogger<MandateExtendedConsumer> logger)
    : IdempotentConsumer<MandateExtended>(db, logger)
{
    protected override async Task HandleAsync(MandateExtended message, CancellationToken ct)
    {
        var view = await db.Mandates.FindAsync([message.SubjectId], ct);
        if (view is null)
        {
            view = new MandateView { MandateId = message.SubjectId, PeriodStart = message.PeriodStart };
            db.Mandates.Add(view);
        }
        else if (view.PeriodEnd >= message.PeriodEnd)
        {
            return; // an older renewal arriving late; the newer one already applied
        }
        view.ResolutionSymbol = message.ResolutionSymbol;
        view.PeriodEnd = message.PeriodEnd;
        view.ExpiryWarningDays = null; // renewed: nothing ends with the old end any more
        // The renewal's resolution sets the ceiling anew: a renewal without a split applies its whole ceiling.
        view.SetCeilings(message.PersonnelCeiling, message.UniformedCeiling, message.CivilianCeiling);
        view.UpdatedAt = message.OccurredAt;
        view.Revision++;

        await MandateViews.CarryCappedToursAsync(db, message.PeriodEnd, nameof(MandateExtended), message.OccurredAt, ct);
    }
}

/// <summary>A successor mandate takes over: it becomes the mandate in force, and contingents carry over to it.</summary>
public sealed class MandateTransitionedConsumer(PersonnelDbContext db, ILogger<MandateTransitionedConsumer> logger)
    : IdempotentConsumer<MandateTransitioned>(db, logger)
{
    protected override async Task HandleAsync(MandateTransitioned message, CancellationToken ct)
    {
        if (await db.Mandates.FindAsync([message.SubjectId], ct) is not null)
        {
            return;
        }
        MandateViews.Add(db, message.SubjectId, message.ResolutionSymbol, message.PeriodStart, message.PeriodEnd, message.OccurredAt)
            .SetCeilings(message.PersonnelCeiling, message.UniformedCeiling, message.CivilianCeiling);
        if (await db.Mandates.FindAsync([message.PredecessorId], ct) is { ExpiryWarningDays: not null } predecessor)
        {
            predecessor.ExpiryWarningDays = null; // succeeded: its tours carry over
            predecessor.Revision++;
        }
        await MandateViews.CarryCappedToursAsync(db, message.PeriodEnd, nameof(MandateTransitioned), message.OccurredAt, ct);
    }
}

/// <summary>
/// Diplomacy warns 90 and 30 days before a mandate ends unrenewed: personnel marks the mandate so that the tours ending
/// with it are reported (contingent reads, strength report) until a renewal or successor clears the mark.
/// </summary>
public sealed class MandateExpiringConsumer(PersonnelDbContext db, ILogger<MandateExpiringConsumer> logger)
    : IdempotentConsumer<MandateExpiring>(db, logger)
{
    protected override async Task HandleAsync(MandateExpiring message, CancellationToken ct)
    {
        var view = await db.Mandates.FindAsync([message.SubjectId], ct);
        if (view is null || view.PeriodEnd != message.PeriodEnd || view.ExpiryWarningDays <= message.DaysBefore)
        {
            return; // unknown, renewed since (a late warning about the old end), or a later warning already applied
        }
        view.ExpiryWarningDays = message.DaysBefore;
        view.UpdatedAt = message.OccurredAt;
        view.Revision++;
    }
}

internal static class MandateViews
{
    /// <summary>The mandate in force when diplomacy has warned it ends unrenewed; null otherwise.</summary>
    public static async Task<MandateView?> ExpiringAsync(PersonnelDbContext db, CancellationToken ct) =>
        await db.Mandates.AsNoTracking().OrderByDescending(m => m.PeriodEnd).FirstOrDefaultAsync(ct) is { ExpiryWarningDays: not null } m ? m : null;

    public static MandateView Add(PersonnelDbContext db, string mandateId, string symbol, DateOnly start, DateOnly end, DateTime at) =>
        db.Mandates.Add(new MandateView
        {
            MandateId = mandateId,
            ResolutionSymbol = symbol,
            PeriodStart = start,
            PeriodEnd = end,
            UpdatedAt = at,
        }).Entity;

    /// <summary>Tours the old mandate end had cut short end at the new one instead.</summary>
    public static async Task CarryCappedToursAsync(PersonnelDbContext db, DateOnly periodEnd, string reason, DateTime at, CancellationToken ct)
    {
        var capped = await db.Contingents
            .Where(c => c.TourEndCappedByMandate && ContingentLifecycle.InMissionArea.Contains(c.Status))
            .ToListAsync(ct);
        foreach (var contingent in capped)
        {
            contingent.ScheduleTourEnd(periodEnd);
            contingent.Audit.TouchBySystem(reason, at);
        }
    }
}
