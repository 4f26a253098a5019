using Coordination.Contracts;
using Coordination.Errors;
using Coordination.Logistics.V1;
using Coordination.Persistence;
using CatalogItem = Coordination.Logistics.Catalog.CatalogItem;
using Warehouse = Coordination.Logistics.Catalog.Warehouse;

namespace Coordination.Logistics.Stock;

/// <summary>
/// The running balance of one item in one warehouse: the sum of its ledger entries, kept in the same transaction as
/// each entry so reads never add up the ledger. Its revision is checked on save, so of two movements that read the
/// same balance only the first commits: concurrent issues cannot overdraw.
/// </summary>
public sealed class StockLevel : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string WarehouseId { get; private init; } = "";
    public string ItemId { get; private init; } = "";
    public long OnHand { get; private set; }
    public int DailyConsumption { get; private set; }
    public int Revision { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    private StockLevel()
    {
    }

    public static StockLevel Open(string warehouseId, string itemId, DateTime now) => new()
    {
        WarehouseId = warehouseId,
        ItemId = itemId,
        UpdatedAt = now,
    };

    /// <summary>Whole days the stock lasts at the daily consumption; null when the consumption is not known.</summary>
    public long? DaysOfSupply => StockArithmetic.DaysOfSupply(OnHand, DailyConsumption);

    /// <summary>False when the movement would take the balance below zero.</summary>
    public bool Allows(StockMovementKind kind, int quantity) => OnHand + Delta(kind, quantity) >= 0;

    /// <summary>Applies one movement and returns the ledger entry that records it. The caller checked <see cref="Allows"/>.</summary>
    public StockEntry Move(StockMovementKind kind, int quantity, string reason, string reference, string recordedBy, DateTime now)
    {
        if (!Allows(kind, quantity))
        {
            throw new InvalidOperationException($"Stock of {ItemId} in {WarehouseId} would go negative; check Allows first.");
        }
        OnHand += Delta(kind, quantity);
        Revision++;
        UpdatedAt = now;
        return new StockEntry
        {
            WarehouseId = WarehouseId,
            ItemId = ItemId,
            Kind = kind,
            Quantity = quantity,
            Delta = Delta(kind, quantity),
            BalanceAfter = OnHand,
            Reason = reason,
            Reference = reference,
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
    }

    /// <summary>The refusal a person can act on: which item, which warehouse, how much is there and how much was asked.</summary>
    public PreconditionFailedException Refusal(StockMovementKind kind, int quantity, CatalogItem item, Warehouse warehouse) =>
        new("INSUFFICIENT_STOCK", $"warehouses/{warehouse.Id}/items/{item.Id}",
            $"Not enough {item.Label} in warehouse '{warehouse.Name}': {OnHand:N0} {item.UnitOfIssue} on hand, {quantity:N0} requested ({ProtoEnumNames.Of(kind)}); stock cannot go negative.");

    private static long Delta(StockMovementKind kind, int quantity) => StockMovements.IsInbound(kind) ? quantity : -(long)quantity;

    public void SetDailyConsumption(int unitsPerDay, DateTime now)
    {
        DailyConsumption = unitsPerDay;
        Revision++;
        UpdatedAt = now;
    }
}

/// <summary>One entry of the append-only stock ledger.</summary>
public sealed class StockEntry : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string WarehouseId { get; init; } = "";
    public string ItemId { get; init; } = "";
    public StockMovementKind Kind { get; init; }
    public int Quantity { get; init; }
    public long Delta { get; init; }
    public long BalanceAfter { get; init; }
    public string Reason { get; init; } = "";
    public string Reference { get; init; } = "";
    public string RecordedBy { get; init; } = "";
    public DateTime RecordedAt { get; init; }
}

/// <summary>Which movements add stock and which take it away.</summary>
public static class StockMovements
{
    /// <summary>What a caller may record on its own; transfers come only from TransferStock and shipments, in pairs.</summary>
    public static readonly StockMovementKind[] RecordableAlone =
        [StockMovementKind.Received, StockMovementKind.Issued, StockMovementKind.Lost, StockMovementKind.Damaged, StockMovementKind.Expired];

    public static bool IsInbound(StockMovementKind kind) => kind is StockMovementKind.Received or StockMovementKind.TransferredIn;
}

public static class StockArithmetic
{
    public static long? DaysOfSupply(long onHand, long dailyConsumption) => dailyConsumption > 0 ? onHand / dailyConsumption : null;
}
