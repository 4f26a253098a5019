using Coordination.Events;
using Coordination.Messaging;
using Coordination.Persistence;
using Coordination.Personnel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Equipment;

/// <summary>An inspection of a contingent's MOU line: its serviceability becomes the line's condition, unless a later one is held.</summary>
public sealed class EquipmentInspectedConsumer(PersonnelDbContext db, ILogger<EquipmentInspectedConsumer> logger)
    : IdempotentConsumer<EquipmentInspected>(db, logger)
{
    protected override Task HandleAsync(EquipmentInspected message, CancellationToken ct) =>
        EquipmentConditions.ApplyAsync(db, message, message.ContingentId, message.InspectionId, message.InspectedOn,
            message.ServiceabilityPercent, belowThreshold: false, ct);
}

/// <summary>An inspection found a line below its serviceability threshold: its contingent is deployed with reduced capability.</summary>
public sealed class ServiceabilityBelowThresholdConsumer(PersonnelDbContext db, ILogger<ServiceabilityBelowThresholdConsumer> logger)
    : IdempotentConsumer<ServiceabilityBelowThreshold>(db, logger)
{
    protected override Task HandleAsync(ServiceabilityBelowThreshold message, CancellationToken ct) =>
        EquipmentConditions.ApplyAsync(db, message, message.ContingentId, message.InspectionId, message.InspectedOn,
            message.ServiceabilityPercent, belowThreshold: true, ct);
}

public static class EquipmentConditions
{
    /// <summary>The transaction lock every change of an equipment condition holds (<see cref="TransactionLocks"/>).</summary>
    public const long CapabilityLock = 0x4551_5549_5043_4150; // "EQUIPCAP"

    /// <summary>
    /// Holds the line's latest inspection. Logistics announces an inspection (EquipmentInspected) and, when it is below
    /// the threshold, that too (ServiceabilityBelowThreshold), in either order: the two events of one inspection add up
    /// (below stays below); an inspection later than the one held replaces it; an earlier one changes nothing. When the
    /// contingent's capability changes with it (its first line below, or its last one restored), ContingentCapabilityChanged
    /// tells the other services.
    /// </summary>
    public static async Task ApplyAsync(PersonnelDbContext db, IntegrationEvent message, string contingentId, string inspectionId,
        DateOnly inspectedOn, int serviceabilityPercent, bool belowThreshold, CancellationToken ct)
    {
        // Two lines of one contingent heard at once (one restored, the other falling below) must not each read the other
        // as it was: one consumer at a time, so the second reads the first's commit and the announcement is right.
        // Inspections are few; one lock for all of them costs nothing.
        await db.Database.HoldLockAsync(CapabilityLock, ct);
        var condition = await db.EquipmentConditions.FindAsync([message.SubjectId], ct);
        var wasBelow = condition?.BelowThreshold ?? false;
        if (condition is null)
        {
            condition = new EquipmentCondition { EquipmentLineId = message.SubjectId };
            db.EquipmentConditions.Add(condition);
        }
        else if (condition.InspectionId == inspectionId)
        {
            condition.BelowThreshold |= belowThreshold;
            condition.Revision++;
            await AnnounceAsync(db, message, condition, wasBelow, ct);
            return;
        }
        else if ((inspectedOn, message.OccurredAt).CompareTo((condition.InspectedOn, condition.RecordedAt)) < 0)
        {
            return;
        }
        else
        {
            condition.Revision++;
        }
        condition.ContingentId = contingentId;
        condition.Nation = message.Nation ?? "";
        condition.InspectionId = inspectionId;
        condition.InspectedOn = inspectedOn;
        condition.RecordedAt = message.OccurredAt;
        condition.ServiceabilityPercent = serviceabilityPercent;
        condition.BelowThreshold = belowThreshold;
        await AnnounceAsync(db, message, condition, wasBelow, ct);
    }

    private static async Task AnnounceAsync(PersonnelDbContext db, IntegrationEvent message, EquipmentCondition condition, bool wasBelow,
        CancellationToken ct)
    {
        if (wasBelow == condition.BelowThreshold)
        {
            return;
        }
        var othersBelow = await db.EquipmentConditions.AsNoTracking()
            .CountAsync(e => e.ContingentId == condition.ContingentId && e.EquipmentLineId != condition.EquipmentLineId && e.BelowThreshold, ct);
        if (othersBelow > 0)
        {
            return; // the contingent was, and stays, reduced by another line
        }
        db.Publish(new ContingentCapabilityChanged
        {
            OccurredAt = message.OccurredAt,
            SubjectId = condition.ContingentId,
            Nation = condition.Nation,
            ReducedCapability = condition.BelowThreshold,
            InspectedOn = condition.InspectedOn,
        });
    }
}
