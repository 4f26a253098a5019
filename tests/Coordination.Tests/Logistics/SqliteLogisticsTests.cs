using Coordination.Auth;
using Coordination.Logistics.V1;
using Coordination.Tests.Infrastructure;
using Xunit;
using static Coordination.Tests.Logistics.LogisticsDesk;

namespace Coordination.Tests.Logistics;

/// <summary>
/// The local run keeps logistics in SQLite, which stores times as text and has its own SQL: the ledger, the
/// refusals, shipments and every report work there as on PostgreSQL.
/// </summary>
public sealed class SqliteLogisticsTests(SqliteLogisticsFixture fixture) : IClassFixture<SqliteLogisticsFixture>
{
    private readonly LogisticsDesk officer = fixture.Desk(TestTokens.For("HTI", Roles.LogisticsOfficer));

    [Fact]
    public async Task Stock_requisitions_shipments_and_reports_work_on_SQLite()
    {
        var port = await officer.WarehouseAsync((await officer.SiteAsync(SiteStatus.Secured, "Port of Port-au-Prince")).Id);
        var hospital = await officer.SiteAsync(SiteStatus.Recaptured);
        var store = await officer.WarehouseAsync(hospital.Id, "Hospital store");
        var item = await officer.ItemAsync();
        await officer.MoveAsync(port, item, StockMovementKind.Received, 500);
        await RpcAssert.FailedPrecondition(() => officer.MoveAsync(port, item, StockMovementKind.Issued, 501), "INSUFFICIENT_STOCK");
        await officer.Stock.SetConsumptionRateAsync(new SetConsumptionRateRequest { RequestId = NewId(), WarehouseId = port.Id, ItemId = item.Id, DailyConsumption = 30 });

        var requisition = await officer.ApprovedRequisitionAsync(hospital.Id, (item, 300));
        await officer.CommitAsync(requisition, 0, 200);
        var now = fixture.Clock.GetUtcNow().UtcDateTime;
        var shipment = await officer.DispatchAsync(await officer.ShipmentAsync(port, hospital.Id, now.AddHours(1),
            new ShipmentLineInput { ItemId = item.Id, Quantity = 200, RequisitionId = requisition.Id, RequisitionLineId = requisition.Lines[0].Id }));
        fixture.Clock.Advance(TimeSpan.FromHours(2));

        var overdue = await officer.Reports.ListOverdueShipmentsAsync(new ListOverdueShipmentsRequest());
        Assert.Equal(shipment.Id, Assert.Single(overdue.Shipments).Shipment.Id);
        var portStock = Assert.Single((await officer.Reports.GetSiteStockAsync(new GetSiteStockRequest { SiteId = port.SiteId })).Rows);
        Assert.Equal((300L, 30L, 10L), (portStock.OnHand, portStock.DailyConsumption, portStock.DaysOfSupply));

        var received = await officer.Shipments.RecordShipmentReceiptAsync(new RecordShipmentReceiptRequest
        {
            RequestId = NewId(), Id = shipment.Id, ReceivingWarehouseId = store.Id,
            Lines = { new ShipmentLineReceipt { LineId = shipment.Lines[0].Id, ReceivedQuantity = 190, DamagedQuantity = 5 } },
        });
        Assert.Equal(ReceiptCondition.PartialAndDamaged, received.ReceiptCondition);
        Assert.Equal(185, (await officer.LevelAsync(store, item)).OnHand);
        Assert.Empty((await officer.Reports.ListOverdueShipmentsAsync(new ListOverdueShipmentsRequest())).Shipments);
        var row = Assert.Single((await officer.Reports.GetSupplyFulfilmentAsync(new GetSupplyFulfilmentRequest { DestinationSiteId = hospital.Id })).Rows);
        Assert.Equal((300L, 200L, 0L, 185L), (row.RequestedQuantity, row.CommittedQuantity, row.InTransitQuantity, row.ReceivedQuantity));
        Assert.Equal([500L, -200L], (await officer.LedgerAsync(port, item)).Select(e => e.Delta));
    }
}
