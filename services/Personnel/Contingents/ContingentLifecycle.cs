using Coordination.Contracts;
using Coordination.Errors;
using Coordination.Personnel.V1;

namespace Coordination.Personnel.Contingents;

/// <summary>The one place that says which status may follow which.</summary>
public static class ContingentLifecycle
{
    private static readonly Dictionary<ContingentStatus, ContingentStatus[]> Next = new()
    {
        [ContingentStatus.Requested] = [ContingentStatus.Assigned],
        [ContingentStatus.Assigned] = [ContingentStatus.Standby],
        [ContingentStatus.Standby] = [ContingentStatus.Mobilized],
        [ContingentStatus.Mobilized] = [ContingentStatus.Deployed],
        [ContingentStatus.Deployed] = [ContingentStatus.Demobilizing],
        [ContingentStatus.Demobilizing] = [ContingentStatus.Repatriated],
        [ContingentStatus.Repatriated] = [],
    };

    /// <summary>Statuses whose officers are in the mission area and count against the ceiling.</summary>
    public static readonly ContingentStatus[] InMissionArea = [ContingentStatus.Deployed, ContingentStatus.Demobilizing];

    /// <summary>Statuses before deployment: force generation's pipeline.</summary>
    public static readonly ContingentStatus[] InPipeline =
        [ContingentStatus.Requested, ContingentStatus.Assigned, ContingentStatus.Standby, ContingentStatus.Mobilized];

    /// <summary>Statuses in which a nation's unit is named to fill a request and notified to the mission.</summary>
    public static readonly ContingentStatus[] Notified = [ContingentStatus.Assigned, ContingentStatus.Standby, ContingentStatus.Mobilized];

    /// <summary>
    /// Steps only the mission records, as facts that reimbursements follow; a nation notifies its own contingent's
    /// steps up to MOBILIZED.
    /// </summary>
    public static readonly ContingentStatus[] RecordedByMission = [ContingentStatus.Deployed, ContingentStatus.Demobilizing, ContingentStatus.Repatriated];

    public static bool Allows(ContingentStatus from, ContingentStatus to) => Next[from].Contains(to);

    public static void EnsureAllowed(string contingentId, ContingentStatus from, ContingentStatus to)
    {
        if (!Allows(from, to))
        {
            var allowed = Next[from].Length == 0 ? "none (the chain ends here)" : string.Join(", ", Next[from].Select(s => ProtoEnumNames.Of(s)));
            throw new PreconditionFailedException("CONTINGENT_STATUS_TRANSITION", $"contingents/{contingentId}",
                $"A contingent cannot move from {ProtoEnumNames.Of(from)} to {ProtoEnumNames.Of(to)}; from {ProtoEnumNames.Of(from)} it may move to: {allowed}.");
        }
    }
}
