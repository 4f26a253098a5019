using Coordination.Logistics.Catalog;
using Coordination.Logistics.Persistence;
using Coordination.Logistics.V1;
using CatalogItem = Coordination.Logistics.Catalog.CatalogItem;
using Warehouse = Coordination.Logistics.Catalog.Warehouse;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Logistics.Stock;

/// <summary>
/// The one way stock moves: finds (or opens) the balance, applies the movement to it and appends the ledger entry,
/// all to be saved by the caller's transaction. Used by the stock API and by shipments.
/// </summary>
public sealed class StockLedger(LogisticsDbContext db)
{
    public async Task<(StockEntry Entry, StockLevel Level)> MoveAsync(Warehouse warehouse, CatalogItem item, StockMovementKind kind, int quantity,
        string reason, string reference, string recordedBy, DateTime now, CancellationToken ct)
    {
        var level = await LevelAsync(warehouse.Id, item.Id, now, ct);
        var entry = level.Move(kind, quantity, reason, reference, recordedBy, now, item, warehouse);
        db.StockEntries.Add(entry);
        return (entry, level);
    }

    /// <summary>The tracked balance of an item in a warehouse, opened at zero (and added) when it never held any.</summary>
    public async Task<StockLevel> LevelAsync(string warehouseId, string itemId, DateTime now, CancellationToken ct)
    {
        var level = db.StockLevels.Local.FirstOrDefault(l => l.WarehouseId == warehouseId && l.ItemId == itemId)
            ?? await db.StockLevels.FirstOrDefaultAsync(l => l.WarehouseId == warehouseId && l.ItemId == itemId, ct);
        if (level is null)
        {
            level = StockLevel.Open(warehouseId, itemId, now);
            db.StockLevels.Add(level);
        }
        return level;
    }
}
