using Coordination.Auth;
using Coordination.Logistics.V1;
using static Coordination.Auth.Roles;

namespace Coordination.Logistics;

/// <summary>
/// Logistics' authorization matrix (docs/security.md). Logistics officers and the mission-admin run the mission's
/// supply: sites, catalog, warehouses, stock, requisitions, shipments, and the verification of contingent-owned
/// equipment (MOU lines and inspections). A contributor declares its in-kind pledges and reads its own nation's
/// equipment, inspections and pledges, and the requisitions it may pledge against (the requesting contingent only of
/// its own nation's). The critical sites with their
/// security status and the catalog are public mission information.
/// </summary>
public static class LogisticsAccess
{
    private static readonly string[] Staff = [LogisticsOfficer, MissionAdmin];
    private static readonly string[] Nation = [Contributor];

    public static readonly AccessTable Table = new AccessTable()
        .Service(SiteService.Descriptor, s => s
            .Rpc("CreateSite", any: Staff)
            // The sites and their status are public; how many officers each supports (where units stand) is the mission's.
            .Rpc("GetSite", any: Staff, publicPart: Everyone)
            .Rpc("ListSites", any: Staff, publicPart: Everyone)
            .Rpc("ChangeSiteStatus", any: Staff)
            .Rpc("ListSiteStatusChanges", any: Staff))
        .Service(CatalogService.Descriptor, s => s
            .Rpc("CreateCatalogItem", any: Staff)
            .Rpc("GetCatalogItem", any: Everyone)
            .Rpc("ListCatalogItems", any: Everyone)
            .Rpc("CreateWarehouse", any: Staff)
            .Rpc("GetWarehouse", any: Staff)
            .Rpc("ListWarehouses", any: Staff))
        .Service(StockService.Descriptor, s => s
            .Rpc("RecordStockMovement", any: Staff)
            .Rpc("TransferStock", any: Staff)
            .Rpc("SetConsumptionRate", any: Staff)
            .Rpc("GetStockLevel", any: Staff)
            .Rpc("ListStockLevels", any: Staff)
            .Rpc("ListStockEntries", any: Staff))
        .Service(RequisitionService.Descriptor, s => s
            .Rpc("CreateRequisition", any: Staff)
            // Partners see the mission's needs, so that they can pledge goods against them; which contingent asks (where
            // a unit stands) only for their own nation's.
            .Rpc("GetRequisition", any: Staff, own: Nation, publicPart: Nation)
            .Rpc("ListRequisitions", any: Staff, own: Nation, publicPart: Nation)
            .Rpc("ChangeRequisitionStatus", any: Staff)
            .Rpc("CommitRequisitionLine", any: Staff)
            .Rpc("RecordInKindPledge", any: Staff, own: Nation)
            .Rpc("ListInKindPledges", any: Staff, own: Nation))
        .Service(ShipmentService.Descriptor, s => s
            .Rpc("CreateShipment", any: Staff)
            .Rpc("GetShipment", any: Staff)
            .Rpc("ListShipments", any: Staff)
            .Rpc("DispatchShipment", any: Staff)
            .Rpc("RecordShipmentReceipt", any: Staff)
            .Rpc("CancelShipment", any: Staff))
        .Service(EquipmentService.Descriptor, s => s
            // MOU lines are agreed with the mission and inspections are the mission's verification; a nation reads its own.
            .Rpc("CreateEquipmentLine", any: Staff)
            .Rpc("GetEquipmentLine", any: Staff, own: Nation)
            .Rpc("ListEquipmentLines", any: Staff, own: Nation)
            .Rpc("RecordInspection", any: Staff)
            .Rpc("ListInspections", any: Staff, own: Nation))
        .Service(LogisticsReportService.Descriptor, s => s
            .Rpc("GetSupplyFulfilment", any: Staff)
            .Rpc("GetSiteStock", any: Staff)
            .Rpc("ListOverdueShipments", any: Staff)
            .Rpc("GetServiceabilityReport", any: Staff, own: Nation)
            .Rpc("ListSupportPlans", any: Staff)
            // What pledged units' arrival needs, by month; a nation reads its own pledges' (how many it pledged is public,
            // when its units arrive is not).
            .Rpc("GetArrivalNeeds", any: Staff, own: Nation)
            .Rpc("GetMandateExpiryReport", any: Staff));
}
