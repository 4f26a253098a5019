using Coordination.Events;
using Coordination.Messaging;
using Coordination.Persistence;
using Coordination.Personnel.Contingents;
using Coordination.Personnel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Equipment;

/// <summary>
/// An inspection of a contingent's MOU line: its serviceability, and whether it is below its threshold, become the
/// line's condition unless a later inspection is held; the contingent's capability follows.
/// </summary>
public sealed class EquipmentInspectedConsumer(PersonnelDbContext db, ILogger<EquipmentInspectedConsumer> logger)
    : IdempotentConsumer<EquipmentInspected>(db, logger)
{
    protected override Task HandleAsync(EquipmentInspected message, CancellationToken ct) => EquipmentConditions.ApplyAsync(db, message, ct);
}

public static class EquipmentConditions
{
    /// <summary>The transaction lock every change of an equipment condition holds (<see cref="TransactionLocks"/>).</summary>
    public const long CapabilityLock = 0x4551_5549_5043_4150; // "EQUIPCAP"

    /// <summary>
    /// Holds the line's latest inspection (by inspection day, then by when logistics recorded it; an older one heard late
    /// changes nothing). When the contingent's capability changes with it — its first line below, or its last one
    /// serviceable again — and the contingent is in the mission area, ContingentCapabilityChanged tells the other
    /// services, numbered so that they keep the latest.
    /// </summary>
    public static async Task ApplyAsync(PersonnelDbContext db, EquipmentInspected message, CancellationToken ct)
    {
        // Two lines of one contingent heard at once must not each read the other as it was: one consumer at a time, so
        // the second reads the first's commit. Inspections are few; one lock for all of them costs nothing.
        await db.Database.HoldLockAsync(CapabilityLock, ct);
        var condition = await db.EquipmentConditions.FindAsync([message.SubjectId], ct);
        if (condition is null)
        {
            condition = new EquipmentCondition { EquipmentLineId = message.SubjectId };
            db.EquipmentConditions.Add(condition);
        }
        else if ((message.InspectedOn, message.OccurredAt).CompareTo((condition.InspectedOn, condition.RecordedAt)) <= 0)
        {
            return;
        }
        condition.ContingentId = message.ContingentId;
        condition.Nation = message.Nation ?? "";
        condition.InspectionId = message.InspectionId;
        condition.InspectedOn = message.InspectedOn;
        condition.RecordedAt = message.OccurredAt;
        condition.ServiceabilityPercent = message.ServiceabilityPercent;
        condition.BelowThreshold = message.BelowThreshold;
        condition.Revision++;
        await FollowAsync(db, condition, ct);
    }

    private static async Task FollowAsync(PersonnelDbContext db, EquipmentCondition changed, CancellationToken ct)
    {
        var inMissionArea = await db.Contingents.AsNoTracking()
            .AnyAsync(c => c.Id == changed.ContingentId && ContingentLifecycle.InMissionArea.Contains(c.Status), ct);
        if (!inMissionArea)
        {
            return; // not yet arrived, or gone home: its equipment does not reduce what the mission has
        }
        var reduced = changed.BelowThreshold || await db.EquipmentConditions.AsNoTracking()
            .AnyAsync(e => e.ContingentId == changed.ContingentId && e.EquipmentLineId != changed.EquipmentLineId && e.BelowThreshold, ct);
        var capability = await db.ContingentCapabilities.FindAsync([changed.ContingentId], ct);
        if (capability is null)
        {
            if (!reduced)
            {
                return; // never reduced: nothing to announce
            }
            capability = new ContingentCapability { ContingentId = changed.ContingentId };
            db.ContingentCapabilities.Add(capability);
        }
        else if (capability.Reduced == reduced)
        {
            return;
        }
        capability.Reduced = reduced;
        capability.Sequence++;
        capability.Revision++;
        db.Publish(new ContingentCapabilityChanged
        {
            OccurredAt = changed.RecordedAt,
            SubjectId = changed.ContingentId,
            Nation = changed.Nation,
            ReducedCapability = reduced,
            InspectedOn = changed.InspectedOn,
            Sequence = capability.Sequence,
        });
    }
}
