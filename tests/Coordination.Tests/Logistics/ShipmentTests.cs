using Coordination.Auth;
using Coordination.Events;
using Coordination.Logistics.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Xunit;
using static Coordination.Tests.Logistics.LogisticsDesk;

namespace Coordination.Tests.Logistics;

/// <summary>Shipments from a warehouse to a site through the gateway: escort, dispatch, receipt and its discrepancies.</summary>
public sealed class ShipmentTests(LogisticsGatewayFixture fixture) : IClassFixture<LogisticsGatewayFixture>
{
    private readonly LogisticsDesk officer = fixture.Desk(TestTokens.For("HTI", Roles.LogisticsOfficer));

    private static DateTime InTwoDays => DateTime.UtcNow.AddDays(2);

    private static ShipmentLineInput Line(CatalogItem item, int quantity, Requisition? requisition = null, int lineIndex = 0) => new()
    {
        ItemId = item.Id,
        Quantity = quantity,
        RequisitionId = requisition?.Id ?? "",
        RequisitionLineId = requisition?.Lines[lineIndex].Id ?? "",
    };

    private Task<Shipment> ReceiveAsync(Shipment shipment, Warehouse warehouse, params (int Received, int Damaged)[] lines) =>
        officer.Shipments.RecordShipmentReceiptAsync(new RecordShipmentReceiptRequest
        {
            RequestId = NewId(),
            Id = shipment.Id,
            ReceivingWarehouseId = warehouse.Id,
            Lines =
            {
                shipment.Lines.Select((l, i) => new ShipmentLineReceipt
                {
                    LineId = l.Id, ReceivedQuantity = lines[i].Received, DamagedQuantity = lines[i].Damaged, Note = lines[i].Damaged > 0 ? "Crushed cases" : "",
                }),
            },
        }).ResponseAsync;

    /// <summary>A port warehouse holding stock of an item, and a recaptured (not secured) hospital with a store of its own.</summary>
    private async Task<(Warehouse Port, Site Hospital, Warehouse HospitalStore, CatalogItem Item)> StockedRouteAsync(int onHand, SiteStatus hospitalStatus = SiteStatus.Recaptured)
    {
        var port = await officer.WarehouseAsync((await officer.SiteAsync(SiteStatus.Secured, "Port of Port-au-Prince")).Id);
        var hospital = await officer.SiteAsync(hospitalStatus);
        var store = await officer.WarehouseAsync(hospital.Id, "Hospital store");
        var item = await officer.ItemAsync();
        await officer.MoveAsync(port, item, StockMovementKind.Received, onHand);
        return (port, hospital, store, item);
    }

    [Fact]
    public async Task A_shipment_needs_an_escort_unless_its_destination_is_secured_and_dispatch_decides_again()
    {
        var (port, hospital, _, item) = await StockedRouteAsync(100);
        var palace = await officer.SiteAsync(SiteStatus.Secured, "National Palace");

        var toHospital = await officer.ShipmentAsync(port, hospital.Id, InTwoDays, Line(item, 10));
        var toPalace = await officer.ShipmentAsync(port, palace.Id, InTwoDays, Line(item, 10));
        Assert.True(toHospital.EscortRequired);
        Assert.False(toPalace.EscortRequired);
        Assert.Equal(ShipmentStatus.Preparing, toPalace.Status);

        await officer.Sites.ChangeSiteStatusAsync(new ChangeSiteStatusRequest { RequestId = NewId(), Id = palace.Id, Status = SiteStatus.Contested, Reason = "Gangs attacked the perimeter" });
        var dispatched = await officer.DispatchAsync(toPalace);

        Assert.True(dispatched.EscortRequired);
        var announced = Assert.Single(await fixture.OutboxAsync<ShipmentDispatched>(toPalace.Id));
        Assert.True(announced.EscortRequired);
    }

    [Fact]
    public async Task Dispatch_takes_stock_out_and_counts_it_in_transit_and_a_partial_damaged_receipt_takes_in_only_what_arrived_sound()
    {
        var (port, hospital, store, item) = await StockedRouteAsync(500);
        var requisition = await officer.ApprovedRequisitionAsync(hospital.Id, (item, 300));
        await officer.CommitAsync(requisition, 0, 200);
        var shipment = await officer.ShipmentAsync(port, hospital.Id, InTwoDays, Line(item, 200, requisition));

        var dispatched = await officer.DispatchAsync(shipment);

        Assert.Equal(ShipmentStatus.InTransit, dispatched.Status);
        Assert.NotNull(dispatched.DispatchTime);
        Assert.Equal(300, (await officer.LevelAsync(port, item)).OnHand);
        var outEntry = (await officer.LedgerAsync(port, item))[^1];
        Assert.Equal((StockMovementKind.TransferredOut, -200L, $"shipments/{shipment.Id}"), (outEntry.Kind, outEntry.Delta, outEntry.Reference));
        Assert.Contains(shipment.WaybillNumber, outEntry.Reason, StringComparison.Ordinal);
        var inTransit = (await officer.ReadAsync(requisition)).Lines[0];
        Assert.Equal((300, 200, 200, 0), (inTransit.RequestedQuantity, inTransit.CommittedQuantity, inTransit.InTransitQuantity, inTransit.ReceivedQuantity));
        var sent = Assert.Single(await fixture.OutboxAsync<ShipmentDispatched>(shipment.Id));
        Assert.Equal((port.Id, port.SiteId, hospital.Id, shipment.WaybillNumber, 1, 200L, true),
            (sent.OriginWarehouseId, sent.OriginSiteId, sent.DestinationSiteId, sent.WaybillNumber, sent.LineCount, sent.TotalQuantity, sent.EscortRequired));

        var received = await ReceiveAsync(dispatched, store, (180, 10));

        Assert.Equal(ShipmentStatus.Received, received.Status);
        Assert.Equal(ReceiptCondition.PartialAndDamaged, received.ReceiptCondition);
        Assert.Equal(store.Id, received.ReceivingWarehouseId);
        var line = Assert.Single(received.Lines);
        Assert.Equal((200, 180, 10, 20, "Crushed cases"), (line.Quantity, line.ReceivedQuantity, line.DamagedQuantity, line.MissingQuantity, line.ReceiptNote));
        Assert.Equal(170, (await officer.LevelAsync(store, item)).OnHand);
        var inEntry = Assert.Single(await officer.LedgerAsync(store, item));
        Assert.Equal((StockMovementKind.TransferredIn, 170L), (inEntry.Kind, inEntry.Delta));
        var after = (await officer.ReadAsync(requisition)).Lines[0];
        Assert.Equal((300, 200, 0, 170), (after.RequestedQuantity, after.CommittedQuantity, after.InTransitQuantity, after.ReceivedQuantity));
        var arrived = Assert.Single(await fixture.OutboxAsync<ShipmentReceived>(shipment.Id));
        Assert.Equal(("PARTIAL_AND_DAMAGED", 200L, 180L, 10L, 20L), (arrived.Condition, arrived.ShippedQuantity, arrived.ReceivedQuantity, arrived.DamagedQuantity, arrived.MissingQuantity));
        await LogisticsOutbox.PublishedAsync(() => fixture.Suite.Scope("logistics"), shipment.Id);

        var fulfilment = await officer.Reports.GetSupplyFulfilmentAsync(new GetSupplyFulfilmentRequest { RequisitionId = requisition.Id });
        var row = Assert.Single(fulfilment.Rows);
        Assert.Equal((300L, 200L, 0L, 170L), (row.RequestedQuantity, row.CommittedQuantity, row.InTransitQuantity, row.ReceivedQuantity));
    }

    [Fact]
    public async Task A_receipt_of_everything_in_good_condition_is_full()
    {
        var (port, hospital, store, item) = await StockedRouteAsync(60);
        var water = await officer.ItemAsync("WAT-JERRY", "Drinking water", ItemCategory.Water);
        await officer.MoveAsync(port, water, StockMovementKind.Received, 40);
        var shipment = await officer.DispatchAsync(await officer.ShipmentAsync(port, hospital.Id, InTwoDays, Line(item, 60), Line(water, 40)));

        var received = await ReceiveAsync(shipment, store, (60, 0), (40, 0));

        Assert.Equal(ReceiptCondition.Full, received.ReceiptCondition);
        Assert.All(received.Lines, l => Assert.Equal(0, l.MissingQuantity));
        Assert.Equal((60L, 40L), ((await officer.LevelAsync(store, item)).OnHand, (await officer.LevelAsync(store, water)).OnHand));
        Assert.Equal((0L, 0L), ((await officer.LevelAsync(port, item)).OnHand, (await officer.LevelAsync(port, water)).OnHand));
    }

    [Fact]
    public async Task A_receipt_larger_than_what_was_shipped_is_refused_and_nothing_is_taken_in()
    {
        var (port, hospital, store, item) = await StockedRouteAsync(100);
        var requisition = await officer.ApprovedRequisitionAsync(hospital.Id, (item, 50));
        await officer.CommitAsync(requisition, 0, 50);
        var shipment = await officer.DispatchAsync(await officer.ShipmentAsync(port, hospital.Id, InTwoDays, Line(item, 50, requisition)));

        var refused = await RpcAssert.FailedPrecondition(() => ReceiveAsync(shipment, store, (51, 0)), "RECEIPT_EXCEEDS_SHIPPED");

        Assert.Contains("51 reported received but only 50 were shipped", refused.Violations[0].Description, StringComparison.Ordinal);
        var unchanged = await officer.Shipments.GetShipmentAsync(new GetShipmentRequest { Id = shipment.Id });
        Assert.Equal((ShipmentStatus.InTransit, ReceiptCondition.Unspecified), (unchanged.Status, unchanged.ReceiptCondition));
        Assert.Equal(0, (await officer.LevelAsync(store, item)).OnHand);
        Assert.Equal(50, (await officer.ReadAsync(requisition)).Lines[0].InTransitQuantity);
        Assert.Empty(await fixture.OutboxAsync<ShipmentReceived>(shipment.Id));

        await RpcAssert.InvalidFields(() => ReceiveAsync(shipment, store, (10, 11)), "lines[0].damaged_quantity");
        var noLines = new RecordShipmentReceiptRequest { RequestId = NewId(), Id = shipment.Id, ReceivingWarehouseId = store.Id, Lines = { new ShipmentLineReceipt { LineId = new string('d', 32) } } };
        await RpcAssert.InvalidFields(() => officer.Shipments.RecordShipmentReceiptAsync(noLines).ResponseAsync, "lines");
        var elsewhere = await officer.WarehouseAsync(port.SiteId, "Port annex");
        await RpcAssert.FailedPrecondition(() => ReceiveAsync(shipment, elsewhere, (50, 0)), "WAREHOUSE_NOT_AT_DESTINATION");
        Assert.Equal(ShipmentStatus.InTransit, (await officer.Shipments.GetShipmentAsync(new GetShipmentRequest { Id = shipment.Id })).Status);
    }

    [Fact]
    public async Task Dispatching_more_than_the_origin_holds_is_refused_and_the_shipment_stays_preparing()
    {
        var (port, hospital, _, item) = await StockedRouteAsync(30);
        var shipment = await officer.ShipmentAsync(port, hospital.Id, InTwoDays, Line(item, 31));

        var refused = await RpcAssert.FailedPrecondition(() => officer.DispatchAsync(shipment), "INSUFFICIENT_STOCK");

        Assert.Contains("30 case on hand, 31 requested", refused.Violations[0].Description, StringComparison.Ordinal);
        Assert.Equal(ShipmentStatus.Preparing, (await officer.Shipments.GetShipmentAsync(new GetShipmentRequest { Id = shipment.Id })).Status);
        Assert.Equal(30, (await officer.LevelAsync(port, item)).OnHand);
        Assert.Single(await officer.LedgerAsync(port, item));
        Assert.Empty(await fixture.OutboxAsync<ShipmentDispatched>(shipment.Id));
    }

    [Fact]
    public async Task Shipping_more_against_a_requisition_line_than_it_committed_is_refused_at_dispatch()
    {
        var (port, hospital, _, item) = await StockedRouteAsync(500);
        var requisition = await officer.ApprovedRequisitionAsync(hospital.Id, (item, 300));
        await officer.CommitAsync(requisition, 0, 100);
        var first = await officer.ShipmentAsync(port, hospital.Id, InTwoDays, Line(item, 80, requisition));
        var second = await officer.ShipmentAsync(port, hospital.Id, InTwoDays, Line(item, 80, requisition));
        await officer.DispatchAsync(first);

        var refused = await RpcAssert.FailedPrecondition(() => officer.DispatchAsync(second), "REQUISITION_LINE_QUANTITIES");

        Assert.Contains("20 committed and not yet shipped", refused.Violations[0].Description, StringComparison.Ordinal);
        Assert.Equal(420, (await officer.LevelAsync(port, item)).OnHand);
        var line = (await officer.ReadAsync(requisition)).Lines[0];
        Assert.Equal((100, 80, 0), (line.CommittedQuantity, line.InTransitQuantity, line.ReceivedQuantity));
        await RpcAssert.FailedPrecondition(() => officer.ChangeAsync(requisition, RequisitionStatus.Completed), "REQUISITION_GOODS_IN_TRANSIT");
    }

    [Fact]
    public async Task Status_changes_the_lifecycle_forbids_are_refused_with_the_transition_named()
    {
        var (port, hospital, store, item) = await StockedRouteAsync(100);
        var preparing = await officer.ShipmentAsync(port, hospital.Id, InTwoDays, Line(item, 10));

        var early = await RpcAssert.FailedPrecondition(() => ReceiveAsync(preparing, store, (10, 0)), "SHIPMENT_STATUS_TRANSITION");
        Assert.Contains("SHIPMENT_STATUS_PREPARING to SHIPMENT_STATUS_RECEIVED", early.Violations[0].Description, StringComparison.Ordinal);

        var dispatched = await officer.DispatchAsync(preparing);
        var again = await RpcAssert.FailedPrecondition(() => officer.DispatchAsync(preparing), "SHIPMENT_STATUS_TRANSITION");
        Assert.Contains("SHIPMENT_STATUS_IN_TRANSIT to SHIPMENT_STATUS_IN_TRANSIT", again.Violations[0].Description, StringComparison.Ordinal);
        var cancel = new CancelShipmentRequest { RequestId = NewId(), Id = preparing.Id, Reason = "Road blocked" };
        var late = await RpcAssert.FailedPrecondition(() => officer.Shipments.CancelShipmentAsync(cancel).ResponseAsync, "SHIPMENT_STATUS_TRANSITION");
        Assert.Contains("SHIPMENT_STATUS_IN_TRANSIT to SHIPMENT_STATUS_CANCELLED", late.Violations[0].Description, StringComparison.Ordinal);
        await ReceiveAsync(dispatched, store, (10, 0));
        await RpcAssert.FailedPrecondition(() => ReceiveAsync(dispatched, store, (10, 0)), "SHIPMENT_STATUS_TRANSITION");
        Assert.Equal(10, (await officer.LevelAsync(store, item)).OnHand);
        Assert.Equal(90, (await officer.LevelAsync(port, item)).OnHand);

        var toCancel = await officer.ShipmentAsync(port, hospital.Id, InTwoDays, Line(item, 10));
        var cancelled = await officer.Shipments.CancelShipmentAsync(new CancelShipmentRequest { RequestId = NewId(), Id = toCancel.Id, Reason = "Convoy reassigned" });
        Assert.Equal((ShipmentStatus.Cancelled, "Convoy reassigned"), (cancelled.Status, cancelled.CancelReason));
        await RpcAssert.FailedPrecondition(() => officer.DispatchAsync(toCancel), "SHIPMENT_STATUS_TRANSITION");
        Assert.Equal(90, (await officer.LevelAsync(port, item)).OnHand);
    }

    [Fact]
    public async Task A_retried_dispatch_returns_the_first_answer_and_moves_stock_once()
    {
        var (port, hospital, _, item) = await StockedRouteAsync(100);
        var shipment = await officer.ShipmentAsync(port, hospital.Id, InTwoDays, Line(item, 40));
        var requestId = NewId();

        var first = await officer.DispatchAsync(shipment, requestId);
        var retry = await officer.DispatchAsync(shipment, requestId);

        Assert.Equal(first, retry);
        Assert.Equal(60, (await officer.LevelAsync(port, item)).OnHand);
        Assert.Single(await fixture.OutboxAsync<ShipmentDispatched>(shipment.Id));
    }

    [Fact]
    public async Task A_contributor_can_neither_prepare_dispatch_nor_read_shipments_and_a_waybill_is_unique()
    {
        var (port, hospital, _, item) = await StockedRouteAsync(100);
        var shipment = await officer.ShipmentAsync(port, hospital.Id, InTwoDays, Line(item, 10));
        var contributor = fixture.Desk(TestTokens.For("KEN", Roles.Contributor));

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => contributor.ShipmentAsync(port, hospital.Id, InTwoDays, Line(item, 10)));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => contributor.DispatchAsync(shipment));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => contributor.Shipments.GetShipmentAsync(new GetShipmentRequest { Id = shipment.Id }).ResponseAsync);
        Assert.Equal(ShipmentStatus.Preparing, (await officer.Shipments.GetShipmentAsync(new GetShipmentRequest { Id = shipment.Id })).Status);
        Assert.Equal(100, (await officer.LevelAsync(port, item)).OnHand);

        var duplicate = new CreateShipmentRequest
        {
            RequestId = NewId(), OriginWarehouseId = port.Id, DestinationSiteId = hospital.Id, Carrier = "HNP convoy",
            WaybillNumber = shipment.WaybillNumber, Eta = shipment.Eta, Lines = { Line(item, 1) },
        };
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => officer.Shipments.CreateShipmentAsync(duplicate).ResponseAsync);
        duplicate.WaybillNumber = "";
        duplicate.Eta = null;
        duplicate.Lines.Clear();
        await RpcAssert.InvalidFields(() => officer.Shipments.CreateShipmentAsync(duplicate).ResponseAsync, "waybill_number", "eta", "lines");
    }
}
