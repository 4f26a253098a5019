using Coordination.Logistics.Catalog;
using Coordination.Logistics.Contingents;
using Coordination.Logistics.Equipment;
using Coordination.Logistics.Mandates;
using Coordination.Logistics.Planning;
using Coordination.Logistics.Requisitions;
using Coordination.Logistics.Shipments;
using Coordination.Logistics.Sites;
using Coordination.Logistics.Stock;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Logistics.Persistence;

/// <summary>
/// The logistics database: sites with their status history; the catalog, warehouses and the stock ledger with its
/// balances; requisitions, in-kind pledges, shipments; contingent-owned equipment; and the contingents known from
/// personnel's events with the rotations scheduled between them, from which support plans and the officers each site supports are read; the pledges whose arrival it plans for; and the mandates whose period the plans serve.
/// </summary>
public sealed class LogisticsDbContext(DbContextOptions<LogisticsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<SiteStatusChange> SiteStatusChanges => Set<SiteStatusChange>();
    public DbSet<CatalogItem> CatalogItems => Set<CatalogItem>();
    public DbSet<Warehouse> Warehouses => Set<Warehouse>();
    public DbSet<StockLevel> StockLevels => Set<StockLevel>();
    public DbSet<StockEntry> StockEntries => Set<StockEntry>();
    public DbSet<Requisition> Requisitions => Set<Requisition>();
    public DbSet<RequisitionLine> RequisitionLines => Set<RequisitionLine>();
    public DbSet<InKindPledge> InKindPledges => Set<InKindPledge>();
    public DbSet<Shipment> Shipments => Set<Shipment>();
    public DbSet<ShipmentLine> ShipmentLines => Set<ShipmentLine>();
    public DbSet<EquipmentLine> EquipmentLines => Set<EquipmentLine>();
    public DbSet<Inspection> EquipmentInspections => Set<Inspection>();
    public DbSet<KnownContingent> KnownContingents => Set<KnownContingent>();
    public DbSet<ScheduledRotation> ScheduledRotations => Set<ScheduledRotation>();
    public DbSet<ExpectedArrival> ExpectedArrivals => Set<ExpectedArrival>();
    public DbSet<KnownMandate> KnownMandates => Set<KnownMandate>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LogisticsDbContext).Assembly);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the service (docs/contributing.md).</summary>
public sealed class LogisticsDesignFactory() : DesignTimeContextFactory<LogisticsDbContext>();
