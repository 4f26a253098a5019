using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Logistics.Persistence;
using Coordination.Logistics.V1;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Validation;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Logistics.Stock;

/// <summary>gRPC surface of the stock ledger. Logistics officers and mission admins record movements; everyone authenticated reads.</summary>
public sealed class StockApi(LogisticsDbContext db, StockLedger ledger, Writes writes, TimeProvider time) : StockService.StockServiceBase
{
    private const int MaxQuantity = 10_000_000;

    public override async Task<StockMovementResult> RecordStockMovement(RecordStockMovementRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.WarehouseId, "warehouse_id");
        v.Id(request.ItemId, "item_id");
        v.Check(StockMovements.RecordableAlone.Contains(request.Kind), "kind",
            $"required: one of {string.Join(", ", StockMovements.RecordableAlone.Select(ProtoEnumNames.Of))} (transfers go through TransferStock or shipments)");
        v.Range(request.Quantity, "quantity", 1, MaxQuantity);
        v.Text(request.Reason, "reason", 1, 500);
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        // The hot path of the stock API: the ledger checks the warehouse and item exist only when it opens a balance.
        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var (entry, level) = await ledger.MoveAsync(request.WarehouseId, request.ItemId, request.Kind, request.Quantity, request.Reason, "",
                caller.Subject, time.UtcNow(), ct);
            return new StockMovementResult { Entry = entry.ToProto(), Level = level.ToProto() };
        });
    }

    public override async Task<TransferStockResponse> TransferStock(TransferStockRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.FromWarehouseId, "from_warehouse_id");
        v.Id(request.ToWarehouseId, "to_warehouse_id");
        v.Check(request.FromWarehouseId != request.ToWarehouseId, "to_warehouse_id", "must differ from from_warehouse_id");
        v.Id(request.ItemId, "item_id");
        v.Range(request.Quantity, "quantity", 1, MaxQuantity);
        v.Text(request.Reason, "reason", 1, 500);
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var from = await db.Warehouses.AsNoTracking().GetAsync(request.FromWarehouseId, "warehouse", ct);
            var to = await db.Warehouses.AsNoTracking().GetAsync(request.ToWarehouseId, "warehouse", ct);
            var item = await db.CatalogItems.AsNoTracking().GetAsync(request.ItemId, "catalog item", ct);
            var now = time.UtcNow();
            var (outEntry, _) = await ledger.MoveAsync(from.Id, item.Id, StockMovementKind.TransferredOut, request.Quantity,
                request.Reason, $"warehouses/{to.Id}", caller.Subject, now, ct);
            var (inEntry, _) = await ledger.MoveAsync(to.Id, item.Id, StockMovementKind.TransferredIn, request.Quantity,
                request.Reason, $"warehouses/{from.Id}", caller.Subject, now, ct);
            return new TransferStockResponse { OutEntry = outEntry.ToProto(), InEntry = inEntry.ToProto() };
        });
    }

    public override async Task<V1.StockLevel> SetConsumptionRate(SetConsumptionRateRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.WarehouseId, "warehouse_id");
        v.Id(request.ItemId, "item_id");
        v.Range(request.DailyConsumption, "daily_consumption", 0, MaxQuantity);
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var warehouse = await db.Warehouses.AsNoTracking().GetAsync(request.WarehouseId, "warehouse", ct);
            var item = await db.CatalogItems.AsNoTracking().GetAsync(request.ItemId, "catalog item", ct);
            var now = time.UtcNow();
            var level = await ledger.LevelAsync(warehouse.Id, item.Id, now, ct);
            level.SetDailyConsumption(request.DailyConsumption, now);
            return level.ToProto();
        });
    }

    public override async Task<V1.StockLevel> GetStockLevel(GetStockLevelRequest request, ServerCallContext context)
    {
        var v = new Violations();
        v.Id(request.WarehouseId, "warehouse_id");
        v.Id(request.ItemId, "item_id");
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        var level = await db.StockLevels.AsNoTracking()
            .FirstOrDefaultAsync(l => l.WarehouseId == request.WarehouseId && l.ItemId == request.ItemId, ct);
        if (level is not null)
        {
            return level.ToProto();
        }
        await db.Warehouses.AsNoTracking().GetAsync(request.WarehouseId, "warehouse", ct);
        await db.CatalogItems.AsNoTracking().GetAsync(request.ItemId, "catalog item", ct);
        return new V1.StockLevel { WarehouseId = request.WarehouseId, ItemId = request.ItemId };
    }

    public override async Task<ListStockLevelsResponse> ListStockLevels(ListStockLevelsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        v.Id(request.WarehouseId, "warehouse_id");
        var cursor = Paging.Read(request.Page, v);
        v.ThrowIfAny();
        var warehouse = await db.Warehouses.AsNoTracking().GetAsync(request.WarehouseId, "warehouse", context.CancellationToken);
        var (items, page) = await db.StockLevels.AsNoTracking()
            .Where(l => l.WarehouseId == warehouse.Id)
            .ToPageAsync(cursor, context.CancellationToken);
        return new ListStockLevelsResponse { Levels = { items.Select(l => l.ToProto()) }, Page = page };
    }

    public override async Task<ListStockEntriesResponse> ListStockEntries(ListStockEntriesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        v.Id(request.WarehouseId, "warehouse_id");
        v.OptionalId(request.ItemId, "item_id");
        var cursor = Paging.Read(request.Page, v);
        v.ThrowIfAny();
        var warehouse = await db.Warehouses.AsNoTracking().GetAsync(request.WarehouseId, "warehouse", context.CancellationToken);
        var query = db.StockEntries.AsNoTracking().Where(e => e.WarehouseId == warehouse.Id);
        if (request.ItemId.Length > 0)
        {
            query = query.Where(e => e.ItemId == request.ItemId);
        }
        var (items, page) = await query.ToPageAsync(cursor, context.CancellationToken);
        return new ListStockEntriesResponse { Entries = { items.Select(e => e.ToProto()) }, Page = page };
    }
}
