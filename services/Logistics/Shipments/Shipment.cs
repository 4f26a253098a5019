using Coordination.Auth;
using Coordination.Errors;
using Coordination.Logistics.V1;
using Coordination.Persistence;

namespace Coordination.Logistics.Shipments;

/// <summary>Goods moving from a warehouse to a site, from loading to receipt.</summary>
public sealed class Shipment : IKeyed
{
    private readonly List<ShipmentLine> lines = [];

    public string Id { get; private init; } = Ids.New();
    public string OriginWarehouseId { get; private init; } = "";
    public string DestinationSiteId { get; private init; } = "";
    public string Carrier { get; private init; } = "";
    public string WaybillNumber { get; private init; } = "";
    public DateTime Eta { get; private init; }
    public bool EscortRequired { get; private set; }
    public ShipmentStatus Status { get; private set; }
    public DateTime? DispatchedAt { get; private set; }
    public DateTime? ReceivedAt { get; private set; }
    public string ReceivingWarehouseId { get; private set; } = "";
    public ReceiptCondition ReceiptCondition { get; private set; }
    public string CancelReason { get; private set; } = "";
    /// <summary>The carrier's freight charge in US cents; null when none was recorded.</summary>
    public long? FreightUsdCents { get; private init; }
    public int Revision { get; private set; }
    public Audit Audit { get; private init; } = null!;
    public IReadOnlyList<ShipmentLine> Lines => lines;

    /// <summary>The value of the goods shipped in US cents; null when they were not valued.</summary>
    public long? GoodsValueUsdCents => ShipmentValuation.Value(lines.Select(l => (l.Quantity, l.UnitValueUsdCents)));

    /// <summary>The value of the damaged and missing units in US cents; null until received, and when the goods were not valued.</summary>
    public long? WrittenOffUsdCents => Status == ShipmentStatus.Received
        ? ShipmentValuation.Value(lines.Select(l => (l.DamagedQuantity + l.Missing, l.UnitValueUsdCents)))
        : null;

    private Shipment()
    {
    }

    public static Shipment Prepare(string originWarehouseId, string destinationSiteId, SiteStatus destinationStatus, string carrier, string waybill,
        DateTime eta, IEnumerable<ShipmentLineSpec> specs, long? freightUsdCents, Audit audit)
    {
        var shipment = new Shipment
        {
            OriginWarehouseId = originWarehouseId,
            DestinationSiteId = destinationSiteId,
            Carrier = carrier,
            WaybillNumber = waybill,
            Eta = eta,
            EscortRequired = NeedsEscort(destinationStatus),
            Status = ShipmentStatus.Preparing,
            FreightUsdCents = freightUsdCents,
            Audit = audit,
        };
        shipment.lines.AddRange(specs.Select(s => new ShipmentLine
        {
            ShipmentId = shipment.Id,
            ItemId = s.ItemId,
            Quantity = s.Quantity,
            RequisitionId = s.RequisitionId,
            RequisitionLineId = s.RequisitionLineId,
            UnitValueUsdCents = s.UnitValueUsdCents,
        }));
        return shipment;
    }

    /// <summary>A convoy to a site the mission does not hold securely needs an escort.</summary>
    public static bool NeedsEscort(SiteStatus destinationStatus) => destinationStatus != SiteStatus.Secured;

    /// <summary>Sends the shipment on its way; the escort is decided again on the site's status at this moment.</summary>
    public void Dispatch(SiteStatus destinationStatus, Caller caller, string requestId, DateTime now)
    {
        ShipmentLifecycle.EnsureAllowed(Id, Status, ShipmentStatus.InTransit);
        EscortRequired = NeedsEscort(destinationStatus);
        Status = ShipmentStatus.InTransit;
        DispatchedAt = now;
        Changed(caller, requestId, now);
    }

    /// <summary>Records what arrived of each line; more than was shipped is refused.</summary>
    public void Receive(string receivingWarehouseId, IReadOnlyDictionary<string, LineReceipt> receipts, Caller caller, string requestId, DateTime now)
    {
        ShipmentLifecycle.EnsureAllowed(Id, Status, ShipmentStatus.Received);
        foreach (var line in lines)
        {
            var receipt = receipts[line.Id];
            if (receipt.Received > line.Quantity)
            {
                throw new PreconditionFailedException("RECEIPT_EXCEEDS_SHIPPED", $"shipments/{Id}/lines/{line.Id}",
                    $"Shipment {WaybillNumber}, line {line.Id}: {receipt.Received:N0} reported received but only {line.Quantity:N0} were shipped.");
            }
            line.Receive(receipt);
        }
        var missing = lines.Any(l => l.Missing > 0);
        var damaged = lines.Any(l => l.DamagedQuantity > 0);
        ReceiptCondition = (missing, damaged) switch
        {
            (false, false) => ReceiptCondition.Full,
            (true, false) => ReceiptCondition.Partial,
            (false, true) => ReceiptCondition.Damaged,
            (true, true) => ReceiptCondition.PartialAndDamaged,
        };
        ReceivingWarehouseId = receivingWarehouseId;
        Status = ShipmentStatus.Received;
        ReceivedAt = now;
        Changed(caller, requestId, now);
    }

    public void Cancel(string reason, Caller caller, string requestId, DateTime now)
    {
        ShipmentLifecycle.EnsureAllowed(Id, Status, ShipmentStatus.Cancelled);
        Status = ShipmentStatus.Cancelled;
        CancelReason = reason;
        Changed(caller, requestId, now);
    }

    private void Changed(Caller caller, string requestId, DateTime now)
    {
        Revision++;
        Audit.Touch(caller, requestId, now);
    }
}

/// <summary>One item on a shipment, and once received, what arrived of it.</summary>
public sealed class ShipmentLine
{
    public string Id { get; private init; } = Ids.New();
    public string ShipmentId { get; init; } = "";
    public string ItemId { get; init; } = "";
    public int Quantity { get; init; }
    public string RequisitionId { get; init; } = "";
    public string RequisitionLineId { get; init; } = "";
    /// <summary>The declared value of one unit of issue in US cents; null when the shipment's goods were not valued.</summary>
    public long? UnitValueUsdCents { get; init; }
    public int ReceivedQuantity { get; private set; }
    public int DamagedQuantity { get; private set; }
    public string ReceiptNote { get; private set; } = "";
    public bool IsReceived { get; private set; }

    /// <summary>Units that arrived in good condition: what enters stock and counts as received on the requisition.</summary>
    public int Accepted => ReceivedQuantity - DamagedQuantity;

    /// <summary>Units that never arrived; 0 until the receipt is recorded.</summary>
    public int Missing => IsReceived ? Quantity - ReceivedQuantity : 0;

    public void Receive(LineReceipt receipt)
    {
        ReceivedQuantity = receipt.Received;
        DamagedQuantity = receipt.Damaged;
        ReceiptNote = receipt.Note;
        IsReceived = true;
    }
}

/// <summary>What a CreateShipment line asks for.</summary>
public sealed record ShipmentLineSpec(string ItemId, int Quantity, string RequisitionId, string RequisitionLineId, long? UnitValueUsdCents);

/// <summary>What arrived of one shipment line.</summary>
public sealed record LineReceipt(int Received, int Damaged, string Note);
