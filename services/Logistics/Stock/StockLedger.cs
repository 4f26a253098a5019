using Coordination.Persistence;
using Coordination.Errors;
using Coordination.Logistics.Persistence;
using Coordination.Logistics.V1;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Logistics.Stock;

/// <summary>
/// The one way stock moves: finds (or opens) the balance, applies the movement to it and appends the ledger entry,
/// all to be saved by the caller's transaction. Used by the stock API and by shipments. The common case, a balance
/// that exists and suffices, costs one read; names are loaded only to explain a refusal.
/// </summary>
public sealed class StockLedger(LogisticsDbContext db)
{
    public async Task<(StockEntry Entry, StockLevel Level)> MoveAsync(string warehouseId, string itemId, StockMovementKind kind, int quantity,
        string reason, string reference, string recordedBy, DateTime now, CancellationToken ct)
    {
        var level = await LevelAsync(warehouseId, itemId, now, ct);
        if (!level.Allows(kind, quantity))
        {
            var warehouse = await db.Warehouses.AsNoTracking().GetAsync(warehouseId, "warehouse", ct);
            var item = await db.CatalogItems.AsNoTracking().GetAsync(itemId, "catalog item", ct);
            throw level.Refusal(kind, quantity, item, warehouse);
        }
        var entry = level.Move(kind, quantity, reason, reference, recordedBy, now);
        db.StockEntries.Add(entry);
        return (entry, level);
    }

    /// <summary>
    /// Loads the balances of several items in one warehouse in one query, so that moving them one by one (a shipment's
    /// lines) finds them tracked instead of reading each.
    /// </summary>
    public Task LoadLevelsAsync(string warehouseId, IEnumerable<string> itemIds, CancellationToken ct)
    {
        var ids = itemIds.Distinct().ToList();
        return db.StockLevels.Where(l => l.WarehouseId == warehouseId && ids.Contains(l.ItemId)).LoadAsync(ct);
    }

    /// <summary>
    /// The tracked balance of an item in a warehouse. When it never held any, the balance is opened at zero (and
    /// added), after checking both exist: NOT_FOUND otherwise.
    /// </summary>
    public async Task<StockLevel> LevelAsync(string warehouseId, string itemId, DateTime now, CancellationToken ct)
    {
        var level = db.StockLevels.Local.FirstOrDefault(l => l.WarehouseId == warehouseId && l.ItemId == itemId)
            ?? await db.StockLevels.FirstOrDefaultAsync(l => l.WarehouseId == warehouseId && l.ItemId == itemId, ct);
        if (level is null)
        {
            if (!await db.Warehouses.AnyAsync(w => w.Id == warehouseId, ct))
            {
                throw new ResourceNotFoundException("warehouse", warehouseId);
            }
            if (!await db.CatalogItems.AnyAsync(i => i.Id == itemId, ct))
            {
                throw new ResourceNotFoundException("catalog item", itemId);
            }
            level = StockLevel.Open(warehouseId, itemId, now);
            db.StockLevels.Add(level);
        }
        return level;
    }
}
