using Coordination.Auth;
using Coordination.Logistics.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Xunit;
using static Coordination.Tests.Logistics.LogisticsDesk;

namespace Coordination.Tests.Logistics;

/// <summary>The catalog, warehouses and the stock ledger through the gateway, on PostgreSQL.</summary>
public sealed class StockLedgerTests(LogisticsGatewayFixture fixture) : IClassFixture<LogisticsGatewayFixture>
{
    private const string OfficerSubject = "hti-logistics-stores";

    private readonly LogisticsDesk officer = fixture.Desk(TestTokens.For("HTI", Roles.LogisticsOfficer, OfficerSubject));

    [Fact]
    public async Task A_catalog_item_carries_its_unit_of_issue_and_a_warehouse_stands_at_a_site()
    {
        var port = await officer.SiteAsync(SiteStatus.Recaptured, "Port of Port-au-Prince");
        var item = await officer.ItemAsync("WAT-JERRY", "Drinking water, 20 l jerrycan", ItemCategory.Water);
        var warehouse = await officer.WarehouseAsync(port.Id);

        var read = await officer.Catalog.GetCatalogItemAsync(new GetCatalogItemRequest { Id = item.Id });
        Assert.Equal(("case", 12, "meal", ItemCategory.Water), (read.UnitOfIssue, read.PackSize, read.BaseUnit, read.Category));
        Assert.Equal(OfficerSubject, read.Audit.CreatedBy);
        var atPort = await officer.Catalog.ListWarehousesAsync(new ListWarehousesRequest { SiteId = port.Id });
        Assert.Equal(warehouse.Id, Assert.Single(atPort.Warehouses).Id);

        var duplicate = new CreateCatalogItemRequest { RequestId = NewId(), Code = item.Code, Name = "Other", Category = ItemCategory.Other, UnitOfIssue = "each", PackSize = 1, BaseUnit = "each" };
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => officer.Catalog.CreateCatalogItemAsync(duplicate).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => officer.WarehouseAsync(new string('c', 32)));
        var bad = new CreateCatalogItemRequest { RequestId = NewId(), Code = "lower case", Name = "", Category = ItemCategory.Unspecified, UnitOfIssue = "case", PackSize = 0, BaseUnit = "meal" };
        await RpcAssert.InvalidFields(() => officer.Catalog.CreateCatalogItemAsync(bad).ResponseAsync, "code", "name", "category", "pack_size");
    }

    [Fact]
    public async Task Every_movement_is_a_ledger_entry_with_its_reason_and_the_balance_follows_the_entries()
    {
        var site = await officer.SiteAsync(SiteStatus.Secured);
        var warehouse = await officer.WarehouseAsync(site.Id);
        var item = await officer.ItemAsync();

        await officer.MoveAsync(warehouse, item, StockMovementKind.Received, 500);
        await officer.MoveAsync(warehouse, item, StockMovementKind.Issued, 120);
        await officer.MoveAsync(warehouse, item, StockMovementKind.Damaged, 5);
        await officer.MoveAsync(warehouse, item, StockMovementKind.Expired, 15);
        var last = await officer.MoveAsync(warehouse, item, StockMovementKind.Lost, 10);

        Assert.Equal(350, last.Level.OnHand);
        Assert.Equal(350, (await officer.LevelAsync(warehouse, item)).OnHand);
        var ledger = await officer.LedgerAsync(warehouse, item);
        Assert.Equal(
            [StockMovementKind.Received, StockMovementKind.Issued, StockMovementKind.Damaged, StockMovementKind.Expired, StockMovementKind.Lost],
            ledger.Select(e => e.Kind));
        Assert.Equal([500L, -120, -5, -15, -10], ledger.Select(e => e.Delta));
        Assert.Equal([500L, 380, 375, 360, 350], ledger.Select(e => e.BalanceAfter));
        Assert.All(ledger, e => Assert.Equal($"{e.Kind} for the specification", e.Reason));
        Assert.All(ledger, e => Assert.Equal(OfficerSubject, e.RecordedBy));
        Assert.Equal(ledger.Sum(e => e.Delta), ledger[^1].BalanceAfter);
    }

    [Fact]
    public async Task Issuing_more_than_is_on_hand_is_refused_naming_item_warehouse_on_hand_and_requested_and_records_nothing()
    {
        var site = await officer.SiteAsync(SiteStatus.Secured);
        var warehouse = await officer.WarehouseAsync(site.Id, "Hospital pharmacy store");
        var item = await officer.ItemAsync("MED-ORS", "Oral rehydration salts", ItemCategory.Medical);
        await officer.MoveAsync(warehouse, item, StockMovementKind.Received, 40);

        var refused = await RpcAssert.FailedPrecondition(() => officer.MoveAsync(warehouse, item, StockMovementKind.Issued, 41), "INSUFFICIENT_STOCK");

        var message = refused.Violations[0].Description;
        Assert.Contains(item.Code, message, StringComparison.Ordinal);
        Assert.Contains(warehouse.Name, message, StringComparison.Ordinal);
        Assert.Contains("40 case on hand", message, StringComparison.Ordinal);
        Assert.Contains("41 requested", message, StringComparison.Ordinal);
        Assert.Equal(40, (await officer.LevelAsync(warehouse, item)).OnHand);
        Assert.Single(await officer.LedgerAsync(warehouse, item));

        var never = await officer.ItemAsync("MED-NEVER", "Never stocked");
        await RpcAssert.FailedPrecondition(() => officer.MoveAsync(warehouse, never, StockMovementKind.Lost, 1), "INSUFFICIENT_STOCK");
        Assert.Equal(0, (await officer.LevelAsync(warehouse, never)).OnHand);
        Assert.Empty(await officer.LedgerAsync(warehouse, never));
    }

    [Fact]
    public async Task Concurrent_issues_never_overdraw_a_balance_and_every_accepted_issue_is_in_the_ledger()
    {
        var site = await officer.SiteAsync(SiteStatus.Secured);
        var warehouse = await officer.WarehouseAsync(site.Id);
        var item = await officer.ItemAsync();
        await officer.MoveAsync(warehouse, item, StockMovementKind.Received, 100);

        // Ten issues of 15 race for 100: a loser of the race is ABORTED and retried with its own request id, as a client would.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            var requestId = NewId();
            for (var attempt = 0; attempt < 50; attempt++)
            {
                try
                {
                    await officer.MoveAsync(warehouse, item, StockMovementKind.Issued, 15, requestId);
                    return StatusCode.OK;
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.Aborted)
                {
                }
                catch (RpcException e)
                {
                    return e.StatusCode;
                }
            }
            return StatusCode.Aborted;
        }));

        Assert.Equal(6, outcomes.Count(o => o == StatusCode.OK));
        Assert.Equal(4, outcomes.Count(o => o == StatusCode.FailedPrecondition));
        Assert.Equal(10, (await officer.LevelAsync(warehouse, item)).OnHand);
        var ledger = await officer.LedgerAsync(warehouse, item);
        Assert.Equal(6, ledger.Count(e => e.Kind == StockMovementKind.Issued));
        Assert.Equal(10, ledger.Sum(e => e.Delta));
        Assert.All(ledger, e => Assert.True(e.BalanceAfter >= 0));
    }

    [Fact]
    public async Task A_transfer_takes_stock_out_of_one_warehouse_and_into_another_and_cannot_overdraw_either()
    {
        var port = await officer.SiteAsync(SiteStatus.Secured, "Port of Port-au-Prince");
        var hospital = await officer.SiteAsync(SiteStatus.Recaptured);
        var from = await officer.WarehouseAsync(port.Id);
        var to = await officer.WarehouseAsync(hospital.Id, "Hospital store");
        var item = await officer.ItemAsync();
        await officer.MoveAsync(from, item, StockMovementKind.Received, 80);

        var transfer = await officer.Stock.TransferStockAsync(new TransferStockRequest
        {
            RequestId = NewId(), FromWarehouseId = from.Id, ToWarehouseId = to.Id, ItemId = item.Id, Quantity = 30, Reason = "Forward stock for the hospital",
        });

        Assert.Equal((StockMovementKind.TransferredOut, -30L, 50L), (transfer.OutEntry.Kind, transfer.OutEntry.Delta, transfer.OutEntry.BalanceAfter));
        Assert.Equal((StockMovementKind.TransferredIn, 30L, 30L), (transfer.InEntry.Kind, transfer.InEntry.Delta, transfer.InEntry.BalanceAfter));
        Assert.Equal($"warehouses/{to.Id}", transfer.OutEntry.Reference);
        Assert.Equal((50L, 30L), ((await officer.LevelAsync(from, item)).OnHand, (await officer.LevelAsync(to, item)).OnHand));

        var tooMuch = new TransferStockRequest { RequestId = NewId(), FromWarehouseId = from.Id, ToWarehouseId = to.Id, ItemId = item.Id, Quantity = 51, Reason = "Too much" };
        await RpcAssert.FailedPrecondition(() => officer.Stock.TransferStockAsync(tooMuch).ResponseAsync, "INSUFFICIENT_STOCK");
        Assert.Equal((50L, 30L), ((await officer.LevelAsync(from, item)).OnHand, (await officer.LevelAsync(to, item)).OnHand));

        await RpcAssert.InvalidFields(() => officer.MoveAsync(from, item, StockMovementKind.TransferredIn, 5), "kind");
    }

    [Fact]
    public async Task Days_of_supply_follow_the_consumption_rate_per_warehouse_and_per_site()
    {
        var site = await officer.SiteAsync(SiteStatus.Secured, "National Palace");
        var first = await officer.WarehouseAsync(site.Id, "Palace store A");
        var second = await officer.WarehouseAsync(site.Id, "Palace store B");
        var rations = await officer.ItemAsync();
        var water = await officer.ItemAsync("WAT-JERRY", "Drinking water", ItemCategory.Water);
        await officer.MoveAsync(first, rations, StockMovementKind.Received, 300);
        await officer.MoveAsync(second, rations, StockMovementKind.Received, 130);
        await officer.MoveAsync(first, water, StockMovementKind.Received, 70);

        var level = await officer.Stock.SetConsumptionRateAsync(new SetConsumptionRateRequest { RequestId = NewId(), WarehouseId = first.Id, ItemId = rations.Id, DailyConsumption = 40 });
        await officer.Stock.SetConsumptionRateAsync(new SetConsumptionRateRequest { RequestId = NewId(), WarehouseId = second.Id, ItemId = rations.Id, DailyConsumption = 20 });

        Assert.Equal(7, level.DaysOfSupply);
        Assert.False((await officer.LevelAsync(first, water)).HasDaysOfSupply);

        var report = await officer.Reports.GetSiteStockAsync(new GetSiteStockRequest { SiteId = site.Id });
        Assert.Equal(2, report.WarehouseCount);
        var rationRow = Assert.Single(report.Rows, r => r.ItemId == rations.Id);
        Assert.Equal((430L, 60L, 7L, 2), (rationRow.OnHand, rationRow.DailyConsumption, rationRow.DaysOfSupply, rationRow.WarehouseCount));
        Assert.Equal(rations.Code, rationRow.ItemCode);
        var waterRow = Assert.Single(report.Rows, r => r.ItemId == water.Id);
        Assert.Equal(70, waterRow.OnHand);
        Assert.False(waterRow.HasDaysOfSupply);
    }

    [Fact]
    public async Task A_retried_movement_returns_the_first_answer_and_is_recorded_once()
    {
        var site = await officer.SiteAsync(SiteStatus.Secured);
        var warehouse = await officer.WarehouseAsync(site.Id);
        var item = await officer.ItemAsync();
        var requestId = NewId();

        var first = await officer.MoveAsync(warehouse, item, StockMovementKind.Received, 25, requestId);
        var retry = await officer.MoveAsync(warehouse, item, StockMovementKind.Received, 25, requestId);

        Assert.Equal(first, retry);
        Assert.Single(await officer.LedgerAsync(warehouse, item));
        Assert.Equal(25, (await officer.LevelAsync(warehouse, item)).OnHand);
    }

    [Fact]
    public async Task A_contributor_or_an_observer_cannot_change_the_catalog_or_stock_and_reads_only_the_catalog()
    {
        var site = await officer.SiteAsync(SiteStatus.Secured);
        var warehouse = await officer.WarehouseAsync(site.Id);
        var item = await officer.ItemAsync();
        await officer.MoveAsync(warehouse, item, StockMovementKind.Received, 10);

        foreach (var token in new[] { TestTokens.For("KEN", Roles.Contributor), TestTokens.For("CAN", Roles.Observer), TestTokens.For("HTI", Roles.FinanceOfficer) })
        {
            var desk = fixture.Desk(token);
            var denied = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => desk.MoveAsync(warehouse, item, StockMovementKind.Issued, 1));
            Assert.Contains(Roles.LogisticsOfficer, denied.Status.Detail, StringComparison.Ordinal);
            await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => desk.ItemAsync());
            await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => desk.WarehouseAsync(site.Id));

            await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => desk.LevelAsync(warehouse, item));
            await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => desk.LedgerAsync(warehouse, item));
            Assert.Equal(item.Code, (await desk.Catalog.GetCatalogItemAsync(new GetCatalogItemRequest { Id = item.Id })).Code);
        }
        Assert.Equal(10, (await officer.LevelAsync(warehouse, item)).OnHand);
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => fixture.Suite.ViaGateway<StockService.StockServiceClient>(null)
            .GetStockLevelAsync(new GetStockLevelRequest { WarehouseId = warehouse.Id, ItemId = item.Id }).ResponseAsync);
    }
}
