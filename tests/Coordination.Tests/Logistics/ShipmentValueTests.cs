using Coordination.Auth;
using Coordination.Events;
using Coordination.Logistics.V1;
using Coordination.Tests.Infrastructure;
using Xunit;
using static Coordination.Tests.Logistics.LogisticsDesk;
using Money = Coordination.Common.V1.Money;

namespace Coordination.Tests.Logistics;

/// <summary>
/// A shipment's freight charge and the declared value of its goods, in USD: stored, returned, and announced to finance
/// with the dispatch, and the value written off at receipt.
/// </summary>
public sealed class ShipmentValueTests(LogisticsGatewayFixture fixture) : IClassFixture<LogisticsGatewayFixture>
{
    private readonly LogisticsDesk officer = fixture.Desk(TestTokens.For("HTI", Roles.LogisticsOfficer));

    private static Money Usd(long units, int cents = 0) => new() { CurrencyCode = "USD", Units = units, Nanos = cents * 10_000_000 };

    private async Task<(Warehouse Port, Site Hospital, Warehouse Store, CatalogItem Rations, CatalogItem Water)> RouteAsync()
    {
        var port = await officer.WarehouseAsync((await officer.SiteAsync(SiteStatus.Secured, "Port of Port-au-Prince")).Id);
        var hospital = await officer.SiteAsync(SiteStatus.Secured);
        var store = await officer.WarehouseAsync(hospital.Id, "Hospital store");
        var rations = await officer.ItemAsync();
        var water = await officer.ItemAsync("WAT-BTL", "Bottled water, 1.5 l");
        await officer.MoveAsync(port, rations, StockMovementKind.Received, 1_000);
        await officer.MoveAsync(port, water, StockMovementKind.Received, 1_000);
        return (port, hospital, store, rations, water);
    }

    private CreateShipmentRequest Request(Warehouse origin, Site destination, Money? freight, params ShipmentLineInput[] lines) => new()
    {
        RequestId = NewId(),
        OriginWarehouseId = origin.Id,
        DestinationSiteId = destination.Id,
        Carrier = "WFP road convoy",
        WaybillNumber = $"WB-{Unique()}",
        Eta = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow.AddDays(2)),
        FreightCost = freight,
        Lines = { lines },
    };

    [Fact]
    public async Task A_valued_shipment_announces_its_freight_and_goods_value_at_dispatch_and_the_value_written_off_at_receipt()
    {
        var (port, hospital, store, rations, water) = await RouteAsync();
        var shipment = await officer.Shipments.CreateShipmentAsync(Request(port, hospital, Usd(1_250, 50),
            new ShipmentLineInput { ItemId = rations.Id, Quantity = 200, UnitValue = Usd(12, 75) },
            new ShipmentLineInput { ItemId = water.Id, Quantity = 400, UnitValue = Usd(0, 60) }));

        Assert.Equal(Usd(1_250, 50), shipment.FreightCost);
        Assert.Equal(Usd(2_790), shipment.GoodsValue); // 200 x 12.75 + 400 x 0.60
        Assert.Null(shipment.WrittenOffValue);
        await officer.DispatchAsync(shipment);
        var dispatched = Assert.Single(await fixture.OutboxAsync<ShipmentDispatched>(shipment.Id));
        Assert.Equal(125_050, dispatched.FreightUsdCents);
        Assert.Equal(279_000, dispatched.GoodsValueUsdCents);

        var lines = shipment.Lines.ToDictionary(l => l.ItemId);
        var received = await officer.Shipments.RecordShipmentReceiptAsync(new RecordShipmentReceiptRequest
        {
            RequestId = NewId(),
            Id = shipment.Id,
            ReceivingWarehouseId = store.Id,
            Lines =
            {
                new ShipmentLineReceipt { LineId = lines[rations.Id].Id, ReceivedQuantity = 190, DamagedQuantity = 4 },
                new ShipmentLineReceipt { LineId = lines[water.Id].Id, ReceivedQuantity = 400, DamagedQuantity = 25 },
            },
        });

        // Rations: 10 missing + 4 damaged at 12.75; water: 25 damaged at 0.60.
        Assert.Equal(Usd(193, 50), received.WrittenOffValue);
        var announced = Assert.Single(await fixture.OutboxAsync<ShipmentReceived>(shipment.Id));
        Assert.Equal(19_350, announced.WrittenOffUsdCents);
    }

    [Fact]
    public async Task A_shipment_without_values_announces_none_and_free_carriage_is_zero_not_unknown()
    {
        var (port, hospital, store, rations, _) = await RouteAsync();
        var unvalued = await officer.ShipmentAsync(port, hospital.Id, DateTime.UtcNow.AddDays(2), new ShipmentLineInput { ItemId = rations.Id, Quantity = 10 });
        var free = await officer.Shipments.CreateShipmentAsync(Request(port, hospital, Usd(0), new ShipmentLineInput { ItemId = rations.Id, Quantity = 10 }));

        Assert.Null(unvalued.FreightCost);
        Assert.Null(unvalued.GoodsValue);
        Assert.Equal(Usd(0), free.FreightCost);
        await officer.DispatchAsync(unvalued);
        await officer.DispatchAsync(free);
        var first = Assert.Single(await fixture.OutboxAsync<ShipmentDispatched>(unvalued.Id));
        Assert.Null(first.FreightUsdCents);
        Assert.Null(first.GoodsValueUsdCents);
        Assert.Equal(0, Assert.Single(await fixture.OutboxAsync<ShipmentDispatched>(free.Id)).FreightUsdCents);

        await officer.Shipments.RecordShipmentReceiptAsync(new RecordShipmentReceiptRequest
        {
            RequestId = NewId(), Id = unvalued.Id, ReceivingWarehouseId = store.Id,
            Lines = { new ShipmentLineReceipt { LineId = unvalued.Lines[0].Id, ReceivedQuantity = 8, DamagedQuantity = 1 } },
        });
        Assert.Null(Assert.Single(await fixture.OutboxAsync<ShipmentReceived>(unvalued.Id)).WrittenOffUsdCents);
    }

    [Fact]
    public async Task Values_in_another_currency_negative_zero_partial_or_beyond_ten_billion_dollars_are_refused_and_nothing_is_prepared()
    {
        var (port, hospital, _, rations, water) = await RouteAsync();
        ShipmentLineInput Line(CatalogItem item, int quantity, Money? unit) => new() { ItemId = item.Id, Quantity = quantity, UnitValue = unit };

        await RpcAssert.InvalidFields(() => officer.Shipments.CreateShipmentAsync(Request(port, hospital,
            new Money { CurrencyCode = "EUR", Units = 900 }, Line(rations, 10, new Money { CurrencyCode = "HTG", Units = 1_000 }))).ResponseAsync,
            "freight_cost.currency_code", "lines[0].unit_value.currency_code");
        await RpcAssert.InvalidFields(() => officer.Shipments.CreateShipmentAsync(Request(port, hospital,
            new Money { CurrencyCode = "USD", Units = -5 }, Line(rations, 10, Usd(0)))).ResponseAsync,
            "freight_cost", "lines[0].unit_value");
        await RpcAssert.InvalidFields(() => officer.Shipments.CreateShipmentAsync(Request(port, hospital, null,
            Line(rations, 10, Usd(3)), Line(water, 10, null))).ResponseAsync,
            "lines[1].unit_value");
        await RpcAssert.InvalidFields(() => officer.Shipments.CreateShipmentAsync(Request(port, hospital, Usd(10_000_000_001),
            Line(rations, 10_000, Usd(1_000_001)))).ResponseAsync,
            "freight_cost", "lines[0].unit_value");
        await RpcAssert.InvalidFields(() => officer.Shipments.CreateShipmentAsync(Request(port, hospital, null,
            Line(rations, 10_000, Usd(600_000)), Line(water, 10_000, Usd(600_000)))).ResponseAsync,
            "lines");

        var prepared = await officer.Shipments.ListShipmentsAsync(new ListShipmentsRequest { DestinationSiteId = hospital.Id });
        Assert.Empty(prepared.Shipments);
    }
}
