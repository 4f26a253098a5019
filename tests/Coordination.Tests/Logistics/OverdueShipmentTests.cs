using Coordination.Auth;
using Coordination.Logistics.V1;
using Coordination.Tests.Infrastructure;
using Xunit;
using static Coordination.Tests.Logistics.LogisticsDesk;

namespace Coordination.Tests.Logistics;

/// <summary>Overdue shipments, on a clock the test moves: past their ETA and neither received nor cancelled.</summary>
public sealed class OverdueShipmentTests(ClockedLogisticsFixture fixture) : IClassFixture<ClockedLogisticsFixture>
{
    private readonly LogisticsDesk officer = fixture.Desk(TestTokens.For("HTI", Roles.LogisticsOfficer));

    [Fact]
    public async Task A_shipment_not_received_by_its_ETA_is_listed_overdue_with_the_hours_since_and_drops_off_once_received()
    {
        var port = await officer.WarehouseAsync((await officer.SiteAsync(SiteStatus.Secured, "Port of Port-au-Prince")).Id);
        var hospital = await officer.SiteAsync(SiteStatus.Recaptured);
        var store = await officer.WarehouseAsync(hospital.Id, "Hospital store");
        var item = await officer.ItemAsync();
        await officer.MoveAsync(port, item, StockMovementKind.Received, 100);
        var now = fixture.Clock.GetUtcNow().UtcDateTime;
        var late = await officer.DispatchAsync(await officer.ShipmentAsync(port, hospital.Id, now.AddHours(1), new ShipmentLineInput { ItemId = item.Id, Quantity = 10 }));
        var stillPreparing = await officer.ShipmentAsync(port, hospital.Id, now.AddHours(2), new ShipmentLineInput { ItemId = item.Id, Quantity = 10 });
        var onTime = await officer.DispatchAsync(await officer.ShipmentAsync(port, hospital.Id, now.AddHours(6), new ShipmentLineInput { ItemId = item.Id, Quantity = 10 }));
        var cancelled = await officer.ShipmentAsync(port, hospital.Id, now.AddHours(1), new ShipmentLineInput { ItemId = item.Id, Quantity = 10 });
        await officer.Shipments.CancelShipmentAsync(new CancelShipmentRequest { RequestId = NewId(), Id = cancelled.Id, Reason = "Convoy reassigned" });

        Assert.Empty((await officer.Reports.ListOverdueShipmentsAsync(new ListOverdueShipmentsRequest())).Shipments);

        fixture.Clock.Advance(TimeSpan.FromHours(3.5));
        var overdue = await fixture.Desk(TestTokens.For("HTI", Roles.LogisticsOfficer)).Reports.ListOverdueShipmentsAsync(new ListOverdueShipmentsRequest());

        Assert.Equal([late.Id, stillPreparing.Id], overdue.Shipments.Select(s => s.Shipment.Id));
        Assert.Equal([2L, 1L], overdue.Shipments.Select(s => s.HoursOverdue));
        Assert.DoesNotContain(overdue.Shipments, s => s.Shipment.Id == onTime.Id || s.Shipment.Id == cancelled.Id);
        Assert.True(overdue.AsOf.ToDateTime() >= now.AddHours(3.5));

        await officer.Shipments.RecordShipmentReceiptAsync(new RecordShipmentReceiptRequest
        {
            RequestId = NewId(), Id = late.Id, ReceivingWarehouseId = store.Id,
            Lines = { new ShipmentLineReceipt { LineId = late.Lines[0].Id, ReceivedQuantity = 10 } },
        });
        var after = await officer.Reports.ListOverdueShipmentsAsync(new ListOverdueShipmentsRequest());
        Assert.Equal([stillPreparing.Id], after.Shipments.Select(s => s.Shipment.Id));
    }
}
