using Coordination.Auth;
using Coordination.Errors;
using Coordination.Events;
using Coordination.Logistics.Mandates;
using Coordination.Logistics.Persistence;
using Coordination.Logistics.Planning;
using Coordination.Logistics.Requisitions;
using Coordination.Logistics.Stock;
using Coordination.Logistics.V1;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Validation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using CatalogItem = Coordination.Logistics.Catalog.CatalogItem;
using Requisition = Coordination.Logistics.Requisitions.Requisition;
using Site = Coordination.Logistics.Sites.Site;
using Warehouse = Coordination.Logistics.Catalog.Warehouse;

namespace Coordination.Logistics.Shipments;

/// <summary>gRPC surface of shipments. Logistics officers and mission admins change them; everyone authenticated reads.</summary>
public sealed class ShipmentsApi(LogisticsDbContext db, StockLedger ledger, Writes writes, TimeProvider time)
    : ShipmentService.ShipmentServiceBase
{
    private const int MaxQuantity = 10_000_000;
    private const int MaxLines = 100;

    public override async Task<V1.Shipment> CreateShipment(CreateShipmentRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.OriginWarehouseId, "origin_warehouse_id");
        v.Id(request.DestinationSiteId, "destination_site_id");
        v.Text(request.Carrier, "carrier", 1, 120);
        v.Text(request.WaybillNumber, "waybill_number", 1, 60);
        var eta = ReadEta(request.Eta, v, time.UtcNow());
        Lines(v, request.Lines);
        var valuation = ShipmentValuation.Read(request, v);
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var (origin, site) = await ShippableAsync(request, ct);
            if (await db.Shipments.AnyAsync(s => s.WaybillNumber == request.WaybillNumber, ct))
            {
                throw new ResourceAlreadyExistsException("shipment", request.WaybillNumber, $"A shipment with waybill '{request.WaybillNumber}' already exists.");
            }
            var mandates = await db.PeriodsAsync(ct);
            MandateCalendar.EnsureWithin(mandates.Served, DateOnly.FromDateTime(eta!.Value), time.Today(), "eta", "a shipment");
            var shipment = Shipment.Prepare(origin.Id, site.Id, site.Status, request.Carrier, request.WaybillNumber, eta!.Value,
                request.Lines.Select((l, i) => new ShipmentLineSpec(l.ItemId, l.Quantity, l.RequisitionId, l.RequisitionLineId, valuation.UnitValuesUsdCents[i])),
                valuation.FreightUsdCents, Audit.Created(caller, request.RequestId, time.UtcNow()));
            db.Shipments.Add(shipment);
            return shipment.ToProto(mandates);
        });
    }

    /// <summary>The origin and destination of a new shipment, once its items exist and each requisition it ships against may be shipped to that site.</summary>
    private async Task<(Warehouse Origin, Site Site)> ShippableAsync(CreateShipmentRequest request, CancellationToken ct)
    {
        var origin = await db.Warehouses.AsNoTracking().GetAsync(request.OriginWarehouseId, "warehouse", ct);
        var site = await db.Sites.AsNoTracking().GetAsync(request.DestinationSiteId, "site", ct);
        var items = await ItemsAsync(request.Lines.Select(l => l.ItemId), ct);
        var requisitions = await RequisitionsAsync(request.Lines.Select(l => l.RequisitionId), tracked: false, ct);
        foreach (var line in request.Lines.Where(l => l.RequisitionId.Length > 0))
        {
            var requisition = requisitions[line.RequisitionId];
            requisition.EnsureStatus("be shipped against", RequisitionStatus.Approved);
            if (requisition.DestinationSiteId != site.Id)
            {
                throw new PreconditionFailedException("REQUISITION_DESTINATION", $"requisitions/{requisition.Id}",
                    $"Requisition {requisition.Id} is for another site than the shipment's destination {site.Name}.");
            }
            var requisitionLine = requisition.Line(line.RequisitionLineId);
            if (requisitionLine.ItemId != line.ItemId)
            {
                throw new PreconditionFailedException("REQUISITION_LINE_ITEM", $"requisitions/{requisition.Id}/lines/{requisitionLine.Id}",
                    $"Requisition line {requisitionLine.Id} asks for {items.GetValueOrDefault(requisitionLine.ItemId)?.Label ?? requisitionLine.ItemId}, not {items[line.ItemId].Label}.");
            }
        }
        return (origin, site);
    }

    /// <summary>The lines of a new shipment: their count before any line is read, then each line once.</summary>
    public static void Lines(Violations v, IReadOnlyList<ShipmentLineInput> lines)
    {
        if (!v.CountWithin(lines.Count, "lines", 1, MaxLines))
        {
            return;
        }
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            v.Id(line.ItemId, $"lines[{i}].item_id");
            v.Range(line.Quantity, $"lines[{i}].quantity", 1, MaxQuantity);
            if (line.RequisitionId.Length > 0 || line.RequisitionLineId.Length > 0)
            {
                v.Id(line.RequisitionId, $"lines[{i}].requisition_id");
                v.Id(line.RequisitionLineId, $"lines[{i}].requisition_line_id");
            }
        }
    }

    /// <summary>
    /// The lines of a receipt: a shipment has at most MaxLines lines, so a receipt names at most as many; their count
    /// before any line is read, then each line once, repeats found with one set.
    /// </summary>
    public static void ReceiptLines(Violations v, IReadOnlyList<ShipmentLineReceipt> lines)
    {
        if (!v.CountWithin(lines.Count, "lines", 1, MaxLines))
        {
            return;
        }
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            v.Id(line.LineId, $"lines[{i}].line_id");
            v.Range(line.ReceivedQuantity, $"lines[{i}].received_quantity", 0, MaxQuantity);
            v.Range(line.DamagedQuantity, $"lines[{i}].damaged_quantity", 0, MaxQuantity);
            v.Check(line.DamagedQuantity <= line.ReceivedQuantity, $"lines[{i}].damaged_quantity", "must not exceed received_quantity: damaged goods are goods that arrived");
            v.Text(line.Note, $"lines[{i}].note", 0, 500);
        }
        v.Unique(lines, l => l.LineId, "lines", "line_id");
    }

    public override async Task<V1.Shipment> GetShipment(GetShipmentRequest request, ServerCallContext context)
    {
        var v = new Violations();
        v.Id(request.Id);
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        return (await db.Shipments.AsNoTracking().Include(s => s.Lines).GetAsync(request.Id, "shipment", ct)).ToProto(await db.PeriodsAsync(ct));
    }

    public override async Task<ListShipmentsResponse> ListShipments(ListShipmentsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        v.OptionalId(request.DestinationSiteId, "destination_site_id");
        v.ThrowIfAny();
        var query = db.Shipments.AsNoTracking().Include(s => s.Lines).AsQueryable();
        if (request.Status != ShipmentStatus.Unspecified)
        {
            query = query.Where(s => s.Status == request.Status);
        }
        if (request.DestinationSiteId.Length > 0)
        {
            query = query.Where(s => s.DestinationSiteId == request.DestinationSiteId);
        }
        var (items, page) = await query.ToPageAsync(cursor, context.CancellationToken);
        var mandates = await db.PeriodsAsync(context.CancellationToken);
        return new ListShipmentsResponse { Shipments = { items.Select(s => s.ToProto(mandates)) }, Page = page };
    }

    public override async Task<V1.Shipment> DispatchShipment(DispatchShipmentRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.Id);
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var shipment = await db.Shipments.Include(s => s.Lines).GetAsync(request.Id, "shipment", ct);
            var now = time.UtcNow();
            var origin = await db.Warehouses.AsNoTracking().GetAsync(shipment.OriginWarehouseId, "warehouse", ct);
            var site = await db.Sites.AsNoTracking().GetAsync(shipment.DestinationSiteId, "site", ct);
            var requisitions = await RequisitionsAsync(shipment.Lines.Select(l => l.RequisitionId), tracked: true, ct);
            shipment.Dispatch(site.Status, caller, request.RequestId, now);
            await ledger.LoadLevelsAsync(origin.Id, shipment.Lines.Select(l => l.ItemId), ct);
            foreach (var line in shipment.Lines.OrderBy(l => l.Id, StringComparer.Ordinal))
            {
                await ledger.MoveAsync(origin.Id, line.ItemId, StockMovementKind.TransferredOut, line.Quantity,
                    $"Dispatched on waybill {shipment.WaybillNumber} to {site.Name}", $"shipments/{shipment.Id}", caller.Subject, now, ct);
                if (line.RequisitionId.Length > 0)
                {
                    requisitions[line.RequisitionId].Dispatch(line.RequisitionLineId, line.Quantity, caller, request.RequestId, now);
                }
            }
            db.Publish(new ShipmentDispatched
            {
                OccurredAt = now,
                SubjectId = shipment.Id,
                OriginWarehouseId = origin.Id,
                OriginSiteId = origin.SiteId,
                DestinationSiteId = site.Id,
                Carrier = shipment.Carrier,
                WaybillNumber = shipment.WaybillNumber,
                Eta = shipment.Eta,
                EscortRequired = shipment.EscortRequired,
                LineCount = shipment.Lines.Count,
                TotalQuantity = shipment.Lines.Sum(l => (long)l.Quantity),
                FreightUsdCents = shipment.FreightUsdCents,
                GoodsValueUsdCents = shipment.GoodsValueUsdCents,
            });
            return shipment.ToProto(await db.PeriodsAsync(context.CancellationToken));
        });
    }

    public override async Task<V1.Shipment> RecordShipmentReceipt(RecordShipmentReceiptRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.Id);
        v.Id(request.ReceivingWarehouseId, "receiving_warehouse_id");
        ReceiptLines(v, request.Lines);
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var shipment = await db.Shipments.Include(s => s.Lines).GetAsync(request.Id, "shipment", ct);
            var given = request.Lines.Select(l => l.LineId).ToHashSet(StringComparer.Ordinal);
            var expected = shipment.Lines.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
            if (!given.SetEquals(expected))
            {
                new Violations().Add("lines", $"must name each of the shipment's {expected.Count} lines exactly once; missing: " +
                    $"{string.Join(", ", expected.Except(given))}; unknown: {string.Join(", ", given.Except(expected))}").ThrowIfAny();
            }
            var receiving = await db.Warehouses.AsNoTracking().GetAsync(request.ReceivingWarehouseId, "warehouse", ct);
            if (receiving.SiteId != shipment.DestinationSiteId)
            {
                throw new PreconditionFailedException("WAREHOUSE_NOT_AT_DESTINATION", $"warehouses/{receiving.Id}",
                    $"Warehouse '{receiving.Name}' is not at the shipment's destination site; take the goods in at a warehouse of that site.");
            }
            var now = time.UtcNow();
            shipment.Receive(receiving.Id, request.Lines.ToDictionary(l => l.LineId, l => new LineReceipt(l.ReceivedQuantity, l.DamagedQuantity, l.Note)),
                caller, request.RequestId, now);
            var requisitions = await RequisitionsAsync(shipment.Lines.Select(l => l.RequisitionId), tracked: true, ct);
            await ledger.LoadLevelsAsync(receiving.Id, shipment.Lines.Where(l => l.Accepted > 0).Select(l => l.ItemId), ct);
            foreach (var line in shipment.Lines.OrderBy(l => l.Id, StringComparer.Ordinal))
            {
                if (line.Accepted > 0)
                {
                    await ledger.MoveAsync(receiving.Id, line.ItemId, StockMovementKind.TransferredIn, line.Accepted,
                        $"Received on waybill {shipment.WaybillNumber}", $"shipments/{shipment.Id}", caller.Subject, now, ct);
                }
                if (line.RequisitionId.Length > 0)
                {
                    requisitions[line.RequisitionId].Receive(line.RequisitionLineId, line.Quantity, line.Accepted, caller, request.RequestId, now);
                }
            }
            db.Publish(new ShipmentReceived
            {
                OccurredAt = now,
                SubjectId = shipment.Id,
                DestinationSiteId = shipment.DestinationSiteId,
                ReceivingWarehouseId = receiving.Id,
                WaybillNumber = shipment.WaybillNumber,
                Condition = ShipmentLifecycle.Name(shipment.ReceiptCondition),
                ShippedQuantity = shipment.Lines.Sum(l => (long)l.Quantity),
                ReceivedQuantity = shipment.Lines.Sum(l => (long)l.ReceivedQuantity),
                DamagedQuantity = shipment.Lines.Sum(l => (long)l.DamagedQuantity),
                MissingQuantity = shipment.Lines.Sum(l => (long)l.Missing),
                WrittenOffUsdCents = shipment.WrittenOffUsdCents,
            });
            return shipment.ToProto(await db.PeriodsAsync(context.CancellationToken));
        });
    }

    public override async Task<V1.Shipment> CancelShipment(CancelShipmentRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.Id);
        v.Text(request.Reason, "reason", 1, 500);
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var shipment = await db.Shipments.Include(s => s.Lines).GetAsync(request.Id, "shipment", context.CancellationToken);
            shipment.Cancel(request.Reason, caller, request.RequestId, time.UtcNow());
            return shipment.ToProto(await db.PeriodsAsync(context.CancellationToken));
        });
    }

    /// <summary>
    /// Reads the ETA to the microsecond (what the database keeps), or adds a violation: it is planned, so it lies between
    /// now and the planning horizon.
    /// </summary>
    private static DateTime? ReadEta(Timestamp? value, Violations v, DateTime now)
    {
        if (value is null)
        {
            v.Add("eta", "required");
            return null;
        }
        var latest = PlanningHorizon.Ahead.From(now);
        if (value.Seconds < Timestamp.FromDateTime(now).Seconds || value.Seconds > Timestamp.FromDateTime(latest).Seconds
            || value.Nanos is < 0 or > 999_999_999)
        {
            v.Add("eta", $"must be a time from now ({now:yyyy-MM-ddTHH:mm}Z) to {latest:yyyy-MM-dd}");
            return null;
        }
        var time = value.ToDateTime();
        return new DateTime(time.Ticks - (time.Ticks % 10), DateTimeKind.Utc);
    }

    private async Task<Dictionary<string, CatalogItem>> ItemsAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var items = await db.CatalogItems.AsNoTracking().Where(i => wanted.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        if (wanted.FirstOrDefault(id => !items.ContainsKey(id)) is { } unknown)
        {
            throw new ResourceNotFoundException("catalog item", unknown);
        }
        return items;
    }

    private async Task<Dictionary<string, Requisition>> RequisitionsAsync(IEnumerable<string> ids, bool tracked, CancellationToken ct)
    {
        var wanted = ids.Where(id => id.Length > 0).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        var query = db.Requisitions.Include(r => r.Lines).Where(r => wanted.Contains(r.Id));
        var found = await (tracked ? query : query.AsNoTracking()).ToDictionaryAsync(r => r.Id, ct);
        if (wanted.FirstOrDefault(id => !found.ContainsKey(id)) is { } unknown)
        {
            throw new ResourceNotFoundException("requisition", unknown);
        }
        return found;
    }
}
