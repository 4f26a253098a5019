using Coordination.Contracts;
using Coordination.Errors;
using Coordination.Logistics.V1;

namespace Coordination.Logistics.Shipments;

/// <summary>The one place that says which shipment status may follow which.</summary>
public static class ShipmentLifecycle
{
    private static readonly Dictionary<ShipmentStatus, ShipmentStatus[]> Next = new()
    {
        [ShipmentStatus.Preparing] = [ShipmentStatus.InTransit, ShipmentStatus.Cancelled],
        [ShipmentStatus.InTransit] = [ShipmentStatus.Received],
        [ShipmentStatus.Received] = [],
        [ShipmentStatus.Cancelled] = [],
    };

    /// <summary>Statuses of a shipment that has not arrived and may be overdue.</summary>
    public static readonly ShipmentStatus[] Underway = [ShipmentStatus.Preparing, ShipmentStatus.InTransit];

    public static bool Allows(ShipmentStatus from, ShipmentStatus to) => Next[from].Contains(to);

    public static void EnsureAllowed(string shipmentId, ShipmentStatus from, ShipmentStatus to)
    {
        if (!Allows(from, to))
        {
            var allowed = Next[from].Length == 0 ? "none (it is closed)" : string.Join(", ", Next[from].Select(s => ProtoEnumNames.Of(s)));
            throw new PreconditionFailedException("SHIPMENT_STATUS_TRANSITION", $"shipments/{shipmentId}",
                $"A shipment cannot move from {ProtoEnumNames.Of(from)} to {ProtoEnumNames.Of(to)}; from {ProtoEnumNames.Of(from)} it may move to: {allowed}.");
        }
    }

    public static string Name(ReceiptCondition condition) => condition switch
    {
        ReceiptCondition.Full => "FULL",
        ReceiptCondition.Partial => "PARTIAL",
        ReceiptCondition.Damaged => "DAMAGED",
        ReceiptCondition.PartialAndDamaged => "PARTIAL_AND_DAMAGED",
        _ => condition.ToString().ToUpperInvariant(),
    };
}
