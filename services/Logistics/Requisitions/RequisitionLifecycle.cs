using Coordination.Contracts;
using Coordination.Errors;
using Coordination.Logistics.V1;

namespace Coordination.Logistics.Requisitions;

/// <summary>The one place that says which requisition status may follow which.</summary>
public static class RequisitionLifecycle
{
    private static readonly Dictionary<RequisitionStatus, RequisitionStatus[]> Next = new()
    {
        [RequisitionStatus.Draft] = [RequisitionStatus.Submitted, RequisitionStatus.Cancelled],
        [RequisitionStatus.Submitted] = [RequisitionStatus.Approved, RequisitionStatus.Cancelled],
        [RequisitionStatus.Approved] = [RequisitionStatus.Completed, RequisitionStatus.Cancelled],
        [RequisitionStatus.Completed] = [],
        [RequisitionStatus.Cancelled] = [],
    };

    /// <summary>Statuses in which partners may still pledge goods in kind.</summary>
    public static readonly RequisitionStatus[] OpenForPledges = [RequisitionStatus.Submitted, RequisitionStatus.Approved];

    /// <summary>Not completed nor cancelled: what a mandate's end would leave undone.</summary>
    public static readonly RequisitionStatus[] Open = [RequisitionStatus.Draft, RequisitionStatus.Submitted, RequisitionStatus.Approved];

    public static bool Allows(RequisitionStatus from, RequisitionStatus to) => Next[from].Contains(to);

    public static void EnsureAllowed(string requisitionId, RequisitionStatus from, RequisitionStatus to)
    {
        if (!Allows(from, to))
        {
            var allowed = Next[from].Length == 0 ? "none (it is closed)" : string.Join(", ", Next[from].Select(s => ProtoEnumNames.Of(s)));
            throw new PreconditionFailedException("REQUISITION_STATUS_TRANSITION", $"requisitions/{requisitionId}",
                $"A requisition cannot move from {ProtoEnumNames.Of(from)} to {ProtoEnumNames.Of(to)}; from {ProtoEnumNames.Of(from)} it may move to: {allowed}.");
        }
    }
}
