using System.Text.RegularExpressions;
using Coordination.Auth;
using Coordination.Errors;
using Coordination.Logistics.Persistence;
using Coordination.Logistics.V1;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Validation;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Logistics.Catalog;

/// <summary>gRPC surface of the catalog and warehouses. Logistics officers and mission admins change them; everyone authenticated reads.</summary>
public sealed partial class CatalogApi(LogisticsDbContext db, Writes writes, TimeProvider time) : CatalogService.CatalogServiceBase
{
    [GeneratedRegex(@"^[A-Z0-9-]{1,40}\z")]
    private static partial Regex CodePattern();

    public override async Task<V1.CatalogItem> CreateCatalogItem(CreateCatalogItemRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Check(CodePattern().IsMatch(request.Code), "code", "required: 1-40 of A-Z 0-9 and -");
        v.Text(request.Name, "name", 1, 120);
        v.Defined(request.Category, "category");
        v.Text(request.UnitOfIssue, "unit_of_issue", 1, 40);
        v.Range(request.PackSize, "pack_size", 1, 100_000);
        v.Text(request.BaseUnit, "base_unit", 1, 40);
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            if (await db.CatalogItems.AnyAsync(i => i.Code == request.Code, context.CancellationToken))
            {
                throw new ResourceAlreadyExistsException("catalog item", request.Code, $"A catalog item with code '{request.Code}' already exists.");
            }
            var item = CatalogItem.Add(request.Code, request.Name, request.Category, request.UnitOfIssue, request.PackSize, request.BaseUnit,
                Audit.Created(caller, request.RequestId, time.UtcNow()));
            db.CatalogItems.Add(item);
            return item.ToProto();
        });
    }

    public override async Task<V1.CatalogItem> GetCatalogItem(GetCatalogItemRequest request, ServerCallContext context)
    {
        var v = new Violations();
        v.Id(request.Id);
        v.ThrowIfAny();
        return (await db.CatalogItems.AsNoTracking().GetAsync(request.Id, "catalog item", context.CancellationToken)).ToProto();
    }

    public override async Task<ListCatalogItemsResponse> ListCatalogItems(ListCatalogItemsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        v.ThrowIfAny();
        var query = db.CatalogItems.AsNoTracking();
        if (request.Category != ItemCategory.Unspecified)
        {
            query = query.Where(i => i.Category == request.Category);
        }
        var (items, page) = await query.ToPageAsync(cursor, context.CancellationToken);
        return new ListCatalogItemsResponse { Items = { items.Select(i => i.ToProto()) }, Page = page };
    }

    public override async Task<V1.Warehouse> CreateWarehouse(CreateWarehouseRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Text(request.Name, "name", 1, 120);
        v.Id(request.SiteId, "site_id");
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var site = await db.Sites.AsNoTracking().GetAsync(request.SiteId, "site", context.CancellationToken);
            if (await db.Warehouses.AnyAsync(w => w.Name == request.Name, context.CancellationToken))
            {
                throw new ResourceAlreadyExistsException("warehouse", request.Name, $"A warehouse named '{request.Name}' already exists.");
            }
            var warehouse = Warehouse.Open(request.Name, site.Id, Audit.Created(caller, request.RequestId, time.UtcNow()));
            db.Warehouses.Add(warehouse);
            return warehouse.ToProto();
        });
    }

    public override async Task<V1.Warehouse> GetWarehouse(GetWarehouseRequest request, ServerCallContext context)
    {
        var v = new Violations();
        v.Id(request.Id);
        v.ThrowIfAny();
        return (await db.Warehouses.AsNoTracking().GetAsync(request.Id, "warehouse", context.CancellationToken)).ToProto();
    }

    public override async Task<ListWarehousesResponse> ListWarehouses(ListWarehousesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        v.OptionalId(request.SiteId, "site_id");
        v.ThrowIfAny();
        var query = db.Warehouses.AsNoTracking();
        if (request.SiteId.Length > 0)
        {
            query = query.Where(w => w.SiteId == request.SiteId);
        }
        var (items, page) = await query.ToPageAsync(cursor, context.CancellationToken);
        return new ListWarehousesResponse { Warehouses = { items.Select(w => w.ToProto()) }, Page = page };
    }
}
