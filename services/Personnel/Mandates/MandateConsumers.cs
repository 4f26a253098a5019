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
        await MandateViews.CarryCappedToursAsync(db, message.PeriodEnd, nameof(MandateTransitioned), message.OccurredAt, ct);
    }
}

internal static class MandateViews
{
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
