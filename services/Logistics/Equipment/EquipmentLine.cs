using Coordination.Auth;
using Coordination.Errors;
using Coordination.Logistics.Contingents;
using Coordination.Logistics.V1;
using Coordination.Persistence;

namespace Coordination.Logistics.Equipment;

/// <summary>One line of a contingent's memorandum of understanding: equipment its nation brings, wet or dry leased.</summary>
public sealed class EquipmentLine : IKeyed
{
    /// <summary>What a wet-lease line must stay at: below it, reimbursement is reduced (UN COE Manual).</summary>
    public const int WetLeaseThresholdPercent = 90;

    public string Id { get; private init; } = Ids.New();
    public string ContingentId { get; private init; } = "";
    public string Nation { get; private init; } = "";
    public string Description { get; private init; } = "";
    public EquipmentCategory Category { get; private init; }
    public int Quantity { get; private init; }
    public LeaseType LeaseType { get; private init; }
    public int? LatestServiceabilityPercent { get; private set; }
    public DateOnly? LastInspectedOn { get; private set; }
    /// <summary>The day of its REPATRIATION inspection: the equipment left the mission area, and the line takes no more inspections.</summary>
    public DateOnly? ClosedOn { get; private set; }
    public int Revision { get; private set; }
    public Audit Audit { get; private init; } = null!;

    private EquipmentLine()
    {
    }

    public static EquipmentLine Record(string contingentId, string nation, string description, EquipmentCategory category, int quantity,
        LeaseType leaseType, Audit audit) => new()
        {
            ContingentId = contingentId,
            Nation = nation,
            Description = description,
            Category = category,
            Quantity = quantity,
            LeaseType = leaseType,
            Audit = audit,
        };

    public bool IsBelowThreshold(int serviceabilityPercent) =>
        LeaseType == LeaseType.Wet && serviceabilityPercent < WetLeaseThresholdPercent;

    /// <summary>
    /// Records an inspection, which becomes the line's latest: it took place while the contingent was in the mission area
    /// and not before the line's latest inspection (a report older than that would rewrite the serviceability already
    /// reimbursed, so it is refused). A REPATRIATION inspection closes the line: the equipment has left, reimbursement
    /// ends that day, and no inspection follows it.
    /// </summary>
    public Inspection Inspect(KnownContingent contingent, InspectionKind kind, DateOnly on, int serviceabilityPercent, string notes, Caller caller,
        string requestId, DateTime now)
    {
        if (ClosedOn is { } closed)
        {
            throw new PreconditionFailedException("EQUIPMENT_LINE_CLOSED", $"equipment-lines/{Id}",
                $"MOU line {Id} was inspected out at repatriation on {closed:yyyy-MM-dd}; it takes no more inspections.");
        }
        contingent.EnsureInMissionAreaOn(on, "its equipment is inspected");
        if (on < LastInspectedOn)
        {
            throw new PreconditionFailedException("INSPECTION_BEFORE_LATEST", $"equipment-lines/{Id}",
                $"MOU line {Id} was last inspected on {LastInspectedOn:yyyy-MM-dd}; an inspection on {on:yyyy-MM-dd} comes before it. Record inspections in the order they took place.");
        }
        LatestServiceabilityPercent = serviceabilityPercent;
        LastInspectedOn = on;
        if (kind == InspectionKind.Repatriation)
        {
            ClosedOn = on;
        }
        Revision++;
        Audit.Touch(caller, requestId, now);
        return new Inspection
        {
            EquipmentLineId = Id,
            Kind = kind,
            InspectedOn = on,
            ServiceabilityPercent = serviceabilityPercent,
            Notes = notes,
            BelowThreshold = IsBelowThreshold(serviceabilityPercent),
            RecordedBy = caller.Subject,
            RecordedAt = now,
        };
    }
}

/// <summary>One inspection of a MOU line.</summary>
public sealed class Inspection : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string EquipmentLineId { get; init; } = "";
    public InspectionKind Kind { get; init; }
    public DateOnly InspectedOn { get; init; }
    public int ServiceabilityPercent { get; init; }
    public string Notes { get; init; } = "";
    public bool BelowThreshold { get; init; }
    public string RecordedBy { get; init; } = "";
    public DateTime RecordedAt { get; init; }
}
