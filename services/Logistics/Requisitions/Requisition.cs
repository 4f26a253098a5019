using Coordination.Contracts;
using Coordination.Auth;
using Coordination.Errors;
using Coordination.Logistics.V1;
using Coordination.Persistence;

namespace Coordination.Logistics.Requisitions;

/// <summary>A request for supplies for a contingent at a site, with its lines.</summary>
public sealed class Requisition : IKeyed
{
    private readonly List<RequisitionLine> lines = [];

    public string Id { get; private init; } = Ids.New();
    public string RequestingContingentId { get; private init; } = "";
    /// <summary>The requesting contingent's nation, as logistics knew it when the requisition was raised.</summary>
    public string RequestingNation { get; private init; } = "";
    public string DestinationSiteId { get; private init; } = "";
    public RequisitionPriority Priority { get; private init; }
    public DateOnly NeededBy { get; private init; }
    public RequisitionStatus Status { get; private set; }
    public string Justification { get; private init; } = "";
    public int Revision { get; private set; }
    public Audit Audit { get; private init; } = null!;
    public IReadOnlyList<RequisitionLine> Lines => lines;

    private Requisition()
    {
    }

    public static Requisition Raise(string contingentId, string nation, string siteId, RequisitionPriority priority, DateOnly neededBy, string justification,
        IEnumerable<(string ItemId, int Quantity)> items, Audit audit)
    {
        var requisition = new Requisition
        {
            RequestingContingentId = contingentId,
            RequestingNation = nation,
            DestinationSiteId = siteId,
            Priority = priority,
            NeededBy = neededBy,
            Status = RequisitionStatus.Draft,
            Justification = justification,
            Audit = audit,
        };
        requisition.lines.AddRange(items.Select(i => RequisitionLine.Request(requisition.Id, i.ItemId, i.Quantity)));
        return requisition;
    }

    public void ChangeStatus(RequisitionStatus target, Caller caller, string requestId, DateTime now)
    {
        RequisitionLifecycle.EnsureAllowed(Id, Status, target);
        if (target is RequisitionStatus.Completed or RequisitionStatus.Cancelled && lines.Sum(l => (long)l.InTransit) is > 0 and var inTransit)
        {
            throw new PreconditionFailedException("REQUISITION_GOODS_IN_TRANSIT", $"requisitions/{Id}",
                $"A requisition cannot move to {ProtoEnumNames.Of(target)} while {inTransit:N0} units of its goods are in transit; record their receipt first.");
        }
        Status = target;
        Changed(caller, requestId, now);
    }

    public RequisitionLine Commit(string lineId, int quantity, Caller caller, string requestId, DateTime now)
    {
        EnsureStatus("commit quantities", RequisitionStatus.Approved);
        var line = Line(lineId);
        line.Commit(quantity);
        Changed(caller, requestId, now);
        return line;
    }

    public RequisitionLine Pledge(string lineId, int quantity, Caller caller, string requestId, DateTime now)
    {
        EnsureStatus("take in-kind pledges", RequisitionLifecycle.OpenForPledges);
        var line = Line(lineId);
        line.Pledge(quantity);
        Changed(caller, requestId, now);
        return line;
    }

    /// <summary>Goods for a line left on a shipment: they count as in transit.</summary>
    public void Dispatch(string lineId, int quantity, Caller caller, string requestId, DateTime now)
    {
        EnsureStatus("ship goods", RequisitionStatus.Approved);
        Line(lineId).Dispatch(quantity);
        Changed(caller, requestId, now);
    }

    /// <summary>A shipment for a line arrived: what was shipped leaves transit, what arrived sound counts as received.</summary>
    public void Receive(string lineId, int shipped, int accepted, Caller caller, string requestId, DateTime now)
    {
        Line(lineId).Receive(shipped, accepted);
        Changed(caller, requestId, now);
    }

    public RequisitionLine Line(string lineId) =>
        lines.FirstOrDefault(l => l.Id == lineId) ?? throw new ResourceNotFoundException("requisition line", $"requisitions/{Id}/lines/{lineId}");

    public void EnsureStatus(string action, params RequisitionStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new PreconditionFailedException("REQUISITION_STATUS", $"requisitions/{Id}",
                $"A requisition in {ProtoEnumNames.Of(Status)} cannot {action}; it must be {string.Join(" or ", allowed.Select(s => ProtoEnumNames.Of(s)))}.");
        }
    }

    private void Changed(Caller caller, string requestId, DateTime now)
    {
        // Lines change with their requisition: its revision guards them all against concurrent changes.
        Revision++;
        Audit.Touch(caller, requestId, now);
    }
}

/// <summary>
/// One item on a requisition. Its quantities always satisfy
/// 0 ≤ received ≤ received + in transit ≤ committed ≤ requested; every change checks that before it applies.
/// </summary>
public sealed class RequisitionLine : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string RequisitionId { get; private init; } = "";
    public string ItemId { get; private init; } = "";
    public int Requested { get; private init; }
    public int Committed { get; private set; }
    public int InTransit { get; private set; }
    public int Received { get; private set; }
    public int Pledged { get; private set; }

    private RequisitionLine()
    {
    }

    public static RequisitionLine Request(string requisitionId, string itemId, int quantity) =>
        new() { RequisitionId = requisitionId, ItemId = itemId, Requested = quantity };

    /// <summary>Committed and not yet shipped or received: what a shipment may still carry for this line.</summary>
    public int Shippable => Committed - InTransit - Received;

    public void Commit(int quantity)
    {
        if ((long)Committed + quantity > Requested)
        {
            throw Refused($"committing {quantity:N0} more would commit {(long)Committed + quantity:N0}, above the {Requested:N0} requested ({Committed:N0} committed so far)");
        }
        Committed += quantity;
    }

    public void Pledge(int quantity)
    {
        if ((long)Pledged + quantity > Requested)
        {
            throw Refused($"pledging {quantity:N0} more would bring pledges to {(long)Pledged + quantity:N0}, above the {Requested:N0} requested ({Pledged:N0} pledged so far)");
        }
        Pledged += quantity;
    }

    public void Dispatch(int quantity)
    {
        if (quantity > Shippable)
        {
            throw Refused($"shipping {quantity:N0} exceeds the {Shippable:N0} committed and not yet shipped ({Committed:N0} committed, {InTransit:N0} in transit, {Received:N0} received)");
        }
        InTransit += quantity;
    }

    public void Receive(int shipped, int accepted)
    {
        if (shipped > InTransit || accepted < 0 || accepted > shipped)
        {
            throw Refused($"a receipt of {accepted:N0} out of {shipped:N0} shipped does not fit the {InTransit:N0} in transit");
        }
        InTransit -= shipped;
        Received += accepted;
    }

    private PreconditionFailedException Refused(string why) =>
        new("REQUISITION_LINE_QUANTITIES", $"requisitions/{RequisitionId}/lines/{Id}", $"Requisition line {Id}: {why}.");
}

/// <summary>A partner nation's promise of goods in kind against a requisition line.</summary>
public sealed class InKindPledge : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string RequisitionId { get; init; } = "";
    public string LineId { get; init; } = "";
    public string Nation { get; init; } = "";
    public int Quantity { get; init; }
    public string Currency { get; init; } = "";
    public long AmountMinorUnits { get; init; }
    public string Description { get; init; } = "";
    public DateOnly? ExpectedBy { get; init; }
    public string RecordedBy { get; init; } = "";
    public DateTime RecordedAt { get; init; }
}
