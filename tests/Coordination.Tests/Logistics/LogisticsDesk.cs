using System.Collections.Concurrent;
using Coordination.Logistics.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;

namespace Coordination.Tests.Logistics;

/// <summary>Where a desk's clients come from: a gateway, with one caller's token.</summary>
public interface IGatewayClients
{
    T Get<T>() where T : ClientBase<T>;
}

/// <summary>Clients through a <see cref="SuiteHost"/>'s gateway.</summary>
public sealed class SuiteGatewayClients(SuiteHost suite, string token) : IGatewayClients
{
    public T Get<T>() where T : ClientBase<T> => suite.ViaGateway<T>(token);
}

/// <summary>
/// One caller at the logistics API, through the gateway, with the steps the specifications share; its requisitions are
/// raised for <paramref name="contingentId"/>, a contingent logistics knows.
/// </summary>
public sealed class LogisticsDesk(IGatewayClients clients, string contingentId = "")
{
    private readonly ConcurrentDictionary<Type, object> cache = new();

    public SiteService.SiteServiceClient Sites => Get<SiteService.SiteServiceClient>();
    public CatalogService.CatalogServiceClient Catalog => Get<CatalogService.CatalogServiceClient>();
    public StockService.StockServiceClient Stock => Get<StockService.StockServiceClient>();
    public RequisitionService.RequisitionServiceClient Requisitions => Get<RequisitionService.RequisitionServiceClient>();
    public ShipmentService.ShipmentServiceClient Shipments => Get<ShipmentService.ShipmentServiceClient>();
    public EquipmentService.EquipmentServiceClient Equipment => Get<EquipmentService.EquipmentServiceClient>();
    public LogisticsReportService.LogisticsReportServiceClient Reports => Get<LogisticsReportService.LogisticsReportServiceClient>();

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>A short upper-case suffix that keeps names and codes unique in a database several tests share.</summary>
    public static string Unique() => Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    public static Coordination.Common.V1.Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    /// <summary>The day <paramref name="days"/> from today (UTC), as planned days are: not before today.</summary>
    public static Coordination.Common.V1.Date InDays(int days) => Day(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days));

    public static Coordination.Common.V1.Date Day(DateOnly day) => Day(day.Year, day.Month, day.Day);

    public Task<Site> SiteAsync(SiteStatus status, string name = "State University Hospital") =>
        Sites.CreateSiteAsync(new CreateSiteRequest
        {
            RequestId = NewId(),
            Name = $"{name} {Unique()}",
            Kind = SiteKind.Hospital,
            Location = new LatLng { Latitude = 18.5392, Longitude = -72.3388 },
            Status = status,
            RequiredPosture = 120,
        }).ResponseAsync;

    public Task<CatalogItem> ItemAsync(string prefix = "RAT-MRE", string name = "Meal ready to eat", ItemCategory category = ItemCategory.Rations) =>
        Catalog.CreateCatalogItemAsync(new CreateCatalogItemRequest
        {
            RequestId = NewId(),
            Code = $"{prefix}-{Unique()}",
            Name = name,
            Category = category,
            UnitOfIssue = "case",
            PackSize = 12,
            BaseUnit = "meal",
        }).ResponseAsync;

    public Task<Warehouse> WarehouseAsync(string siteId, string name = "Port bonded warehouse") =>
        Catalog.CreateWarehouseAsync(new CreateWarehouseRequest { RequestId = NewId(), Name = $"{name} {Unique()}", SiteId = siteId }).ResponseAsync;

    public Task<StockMovementResult> MoveAsync(Warehouse warehouse, CatalogItem item, StockMovementKind kind, int quantity, string? requestId = null) =>
        Stock.RecordStockMovementAsync(new RecordStockMovementRequest
        {
            RequestId = requestId ?? NewId(),
            WarehouseId = warehouse.Id,
            ItemId = item.Id,
            Kind = kind,
            Quantity = quantity,
            Reason = $"{kind} for the specification",
        }).ResponseAsync;

    public Task<StockLevel> LevelAsync(Warehouse warehouse, CatalogItem item) =>
        Stock.GetStockLevelAsync(new GetStockLevelRequest { WarehouseId = warehouse.Id, ItemId = item.Id }).ResponseAsync;

    public async Task<List<StockEntry>> LedgerAsync(Warehouse warehouse, CatalogItem? item = null) =>
        [.. (await Stock.ListStockEntriesAsync(new ListStockEntriesRequest
        {
            WarehouseId = warehouse.Id,
            ItemId = item?.Id ?? "",
            Page = new Coordination.Common.V1.PageRequest { PageSize = 500 },
        })).Entries];

    public Task<Requisition> RequisitionAsync(string siteId, params (CatalogItem Item, int Quantity)[] lines) =>
        Requisitions.CreateRequisitionAsync(new CreateRequisitionRequest
        {
            RequestId = NewId(),
            RequestingContingentId = contingentId,
            DestinationSiteId = siteId,
            Priority = RequisitionPriority.Urgent,
            NeededBy = InDays(30),
            Justification = "Rations for Kenya FPU 1 at the general hospital",
            Lines = { lines.Select(l => new RequisitionLineInput { ItemId = l.Item.Id, Quantity = l.Quantity }) },
        }).ResponseAsync;

    public Task<Requisition> ChangeAsync(Requisition requisition, RequisitionStatus status) =>
        Requisitions.ChangeRequisitionStatusAsync(new ChangeRequisitionStatusRequest
        {
            RequestId = NewId(),
            Id = requisition.Id,
            Status = status,
            Reason = $"Moved to {status} by the specification",
        }).ResponseAsync;

    /// <summary>A requisition taken to APPROVED.</summary>
    public async Task<Requisition> ApprovedRequisitionAsync(string siteId, params (CatalogItem Item, int Quantity)[] lines)
    {
        var requisition = await RequisitionAsync(siteId, lines);
        await ChangeAsync(requisition, RequisitionStatus.Submitted);
        return await ChangeAsync(requisition, RequisitionStatus.Approved);
    }

    public Task<Requisition> CommitAsync(Requisition requisition, int lineIndex, int quantity) =>
        Requisitions.CommitRequisitionLineAsync(new CommitRequisitionLineRequest
        {
            RequestId = NewId(),
            RequisitionId = requisition.Id,
            LineId = requisition.Lines[lineIndex].Id,
            Quantity = quantity,
        }).ResponseAsync;

    public Task<Requisition> ReadAsync(Requisition requisition) =>
        Requisitions.GetRequisitionAsync(new GetRequisitionRequest { Id = requisition.Id }).ResponseAsync;

    public Task<Shipment> ShipmentAsync(Warehouse origin, string destinationSiteId, DateTime eta, params ShipmentLineInput[] lines) =>
        Shipments.CreateShipmentAsync(new CreateShipmentRequest
        {
            RequestId = NewId(),
            OriginWarehouseId = origin.Id,
            DestinationSiteId = destinationSiteId,
            Carrier = "WFP road convoy",
            WaybillNumber = $"WB-{Unique()}",
            Eta = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(eta),
            Lines = { lines },
        }).ResponseAsync;

    public Task<Shipment> DispatchAsync(Shipment shipment, string? requestId = null) =>
        Shipments.DispatchShipmentAsync(new DispatchShipmentRequest { RequestId = requestId ?? NewId(), Id = shipment.Id }).ResponseAsync;

    private T Get<T>() where T : ClientBase<T> => (T)cache.GetOrAdd(typeof(T), _ => clients.Get<T>());
}
