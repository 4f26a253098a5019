using Coordination.Auth;
using Coordination.Logistics.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Google.Protobuf.WellKnownTypes;
using Xunit;
using static Coordination.Tests.Logistics.LogisticsDesk;

namespace Coordination.Tests.Logistics;

/// <summary>
/// Repeated fields cost one pass at most: the count is checked before any element, duplicates are found with a set,
/// and a refusal names a bounded number of fields whatever was sent.
/// </summary>
public sealed class RepeatedFieldTests(LogisticsGatewayFixture fixture) : IClassFixture<LogisticsGatewayFixture>
{
    private readonly LogisticsDesk officer = fixture.Desk(TestTokens.For("HTI", Roles.LogisticsOfficer));

    private CreateRequisitionRequest Requisition(string siteId, IEnumerable<RequisitionLineInput> lines) => new()
    {
        RequestId = NewId(), RequestingContingentId = fixture.KenyanContingent, DestinationSiteId = siteId, Priority = RequisitionPriority.Routine,
        NeededBy = InDays(10), Justification = "Rations", Lines = { lines },
    };

    /// <summary>That no line is read before the count is checked is specified without a clock: <see cref="LineCountTests"/>.</summary>
    [Fact]
    public async Task A_requisition_of_40000_identical_lines_is_refused_by_its_size_and_one_of_1500_with_one_violation_on_the_count()
    {
        var site = await officer.SiteAsync(SiteStatus.Secured);
        var item = await officer.ItemAsync();
        Coordination.Logistics.V1.CreateRequisitionRequest Lines(int count) =>
            Requisition(site.Id, Enumerable.Range(0, count).Select(_ => new RequisitionLineInput { ItemId = item.Id, Quantity = 1 }));

        await RpcAssert.FailsWith(StatusCode.ResourceExhausted, () => officer.Requisitions.CreateRequisitionAsync(Lines(40_000)).ResponseAsync);
        var refused = await RpcAssert.InvalidFields(() => officer.Requisitions.CreateRequisitionAsync(Lines(1_500)).ResponseAsync, "lines");

        Assert.Equal("required: 1 to 100 entries, not 1,500", Assert.Single(refused.FieldViolations).Description);
        Assert.Empty((await officer.Requisitions.ListRequisitionsAsync(new ListRequisitionsRequest { DestinationSiteId = site.Id })).Requisitions);
    }

    [Fact]
    public async Task Three_hundred_duplicate_lines_make_one_violation_and_duplicates_within_the_limit_one_each()
    {
        var site = await officer.SiteAsync(SiteStatus.Secured);
        var item = await officer.ItemAsync();
        var other = await officer.ItemAsync();

        await RpcAssert.InvalidFields(() => officer.Requisitions.CreateRequisitionAsync(
            Requisition(site.Id, Enumerable.Range(0, 300).Select(_ => new RequisitionLineInput { ItemId = item.Id, Quantity = 1 }))).ResponseAsync, "lines");
        var lines = new[] { item, other, item, other, item }.Select(i => new RequisitionLineInput { ItemId = i.Id, Quantity = 3 });
        await RpcAssert.InvalidFields(() => officer.Requisitions.CreateRequisitionAsync(Requisition(site.Id, lines)).ResponseAsync,
            "lines[2].item_id", "lines[3].item_id", "lines[4].item_id");
    }

    [Fact]
    public async Task Shipments_and_receipts_over_100_lines_are_refused_with_one_violation_on_the_count()
    {
        var port = await officer.WarehouseAsync((await officer.SiteAsync(SiteStatus.Secured, "Port of Port-au-Prince")).Id);
        var hospital = await officer.SiteAsync(SiteStatus.Secured);
        var store = await officer.WarehouseAsync(hospital.Id, "Hospital store");
        var item = await officer.ItemAsync();
        await officer.MoveAsync(port, item, StockMovementKind.Received, 100);

        await RpcAssert.InvalidFields(() => officer.Shipments.CreateShipmentAsync(new CreateShipmentRequest
        {
            RequestId = NewId(), OriginWarehouseId = port.Id, DestinationSiteId = hospital.Id, Carrier = "WFP road convoy", WaybillNumber = $"WB-{Unique()}",
            Eta = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(2)),
            Lines = { Enumerable.Range(0, 1_500).Select(_ => new ShipmentLineInput { ItemId = item.Id, Quantity = 0 }) },
        }).ResponseAsync, "lines");
        var shipment = await officer.DispatchAsync(await officer.ShipmentAsync(port, hospital.Id, DateTime.UtcNow.AddDays(2),
            new ShipmentLineInput { ItemId = item.Id, Quantity = 10 }));
        var receipt = new RecordShipmentReceiptRequest { RequestId = NewId(), Id = shipment.Id, ReceivingWarehouseId = store.Id };
        receipt.Lines.Add(Enumerable.Range(0, 1_500).Select(_ => new ShipmentLineReceipt { LineId = shipment.Lines[0].Id, ReceivedQuantity = 10 }));

        await RpcAssert.InvalidFields(() => officer.Shipments.RecordShipmentReceiptAsync(receipt).ResponseAsync, "lines");
        receipt.Lines.Clear();
        receipt.Lines.Add(Enumerable.Range(0, 2).Select(_ => new ShipmentLineReceipt { LineId = shipment.Lines[0].Id, ReceivedQuantity = 10 }));
        await RpcAssert.InvalidFields(() => officer.Shipments.RecordShipmentReceiptAsync(receipt).ResponseAsync, "lines[1].line_id");
        Assert.Equal(ShipmentStatus.InTransit, (await officer.Shipments.GetShipmentAsync(new GetShipmentRequest { Id = shipment.Id })).Status);
    }
}
