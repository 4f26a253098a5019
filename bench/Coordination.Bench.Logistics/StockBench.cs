using Coordination.Persistence;
using Coordination.Bench;
using System.Diagnostics;
using Coordination.Auth;
using Coordination.Logistics;
using Coordination.Logistics.V1;
using Npgsql;
using NpgsqlTypes;

namespace Coordination.Bench.Logistics;

/// <summary>
/// The logistics service and the gateway in this process, on a PostgreSQL host.Database of their own. Sites, warehouses
/// and items are created through the API; the ledger's history is bulk-loaded with COPY, and its balances derived from
/// it in SQL, so the measured calls run on a host.Database that looks like years of use.
/// </summary>
public sealed class StockBench : IAsyncDisposable
{
    private readonly BenchOptions options;
    private readonly TextWriter log;
    private readonly BenchHost host;
    private readonly List<string> sites = [];
    private readonly List<(string Id, string SiteId)> warehouses = [];
    private readonly List<string> items = [];

    private StockBench(BenchOptions options, TextWriter log, BenchHost host)
    {
        this.options = options;
        this.log = log;
        this.host = host;
    }

    public static async Task<StockBench> StartAsync(BenchOptions options, TextWriter log)
    {
        var host = await BenchHost.StartAsync(LogisticsService.Module, options.Postgres, BenchOptions.Database, options.Keep, Roles.LogisticsOfficer, log);
        return new StockBench(options, log, host);
    }

    public async Task SeedAsync()
    {
        var clock = Stopwatch.StartNew();
        var catalog = host.Direct<CatalogService.CatalogServiceClient>();
        var siteApi = host.Direct<SiteService.SiteServiceClient>();
        for (var s = 0; s < options.Sites; s++)
        {
            sites.Add((await siteApi.CreateSiteAsync(new CreateSiteRequest
            {
                RequestId = $"bench-site-{s}", Name = $"Site {s:D2}", Kind = SiteKind.Other, Location = new LatLng { Latitude = 18.5, Longitude = -72.3 },
                Status = SiteStatus.Secured, RequiredPosture = 50,
            })).Id);
        }
        for (var w = 0; w < options.Warehouses; w++)
        {
            var site = sites[w % sites.Count];
            warehouses.Add(((await catalog.CreateWarehouseAsync(new CreateWarehouseRequest { RequestId = $"bench-wh-{w}", Name = $"Warehouse {w:D2}", SiteId = site })).Id, site));
        }
        for (var i = 0; i < options.Items; i++)
        {
            items.Add((await catalog.CreateCatalogItemAsync(new CreateCatalogItemRequest
            {
                RequestId = $"bench-item-{i}", Code = $"ITEM-{i:D4}", Name = $"Item {i}", Category = ItemCategory.Other, UnitOfIssue = "case", PackSize = 12, BaseUnit = "each",
            })).Id);
        }
        log.WriteLine($"created {sites.Count} sites, {warehouses.Count} warehouses, {items.Count} items through the API in {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        await LoadLedgerAsync();
        log.WriteLine($"loaded {options.Entries:N0} ledger entries with COPY and derived their balances in {clock.Elapsed.TotalSeconds:F1} s");
    }

    public async Task MeasureAsync()
    {
        var random = new Random(2024);
        var direct = host.Direct<LogisticsReportService.LogisticsReportServiceClient>();
        var viaGateway = host.ViaGateway<LogisticsReportService.LogisticsReportServiceClient>();
        var stock = host.Direct<StockService.StockServiceClient>();
        var stockViaGateway = host.ViaGateway<StockService.StockServiceClient>();
        var run = Guid.NewGuid().ToString("N")[..8];

        log.WriteLine();
        log.WriteLine($"current stock per site (GetSiteStock, {items.Count} items over {warehouses.Count / sites.Count} warehouses per site), one call at a time:");
        log.WriteLine($"  direct to logistics : {await Latencies.MeasureAsync(200, options.Samples, _ => direct.GetSiteStockAsync(new GetSiteStockRequest { SiteId = sites[random.Next(sites.Count)] }).ResponseAsync)}");
        log.WriteLine($"  through the gateway : {await Latencies.MeasureAsync(200, options.Samples, _ => viaGateway.GetSiteStockAsync(new GetSiteStockRequest { SiteId = sites[random.Next(sites.Count)] }).ResponseAsync)}");

        Task Receipt(StockService.StockServiceClient client, string prefix, int i)
        {
            var (warehouse, _) = warehouses[random.Next(warehouses.Count)];
            return client.RecordStockMovementAsync(new RecordStockMovementRequest
            {
                RequestId = $"{prefix}-{run}-{i}", WarehouseId = warehouse, ItemId = items[random.Next(items.Count)],
                Kind = StockMovementKind.Received, Quantity = random.Next(1, 100), Reason = "Benchmark receipt",
            }).ResponseAsync;
        }
        log.WriteLine("record a receipt (RecordStockMovement RECEIVED: request log, ledger entry, balance update in one transaction), one call at a time:");
        log.WriteLine($"  direct to logistics : {await Latencies.MeasureAsync(200, options.Samples, i => Receipt(stock, "d", i))}");
        log.WriteLine($"  through the gateway : {await Latencies.MeasureAsync(200, options.Samples, i => Receipt(stockViaGateway, "g", i))}");

        // For comparison only: what a site's stock would cost if it were summed from the ledger on every read.
        await using var connection = new NpgsqlConnection(host.Database);
        await connection.OpenAsync();
        var fromLedger = await Latencies.MeasureAsync(3, 30, async _ =>
        {
            await using var sum = new NpgsqlCommand("""
                SELECT e."ItemId", sum(e."Delta") FROM stock_entries e JOIN warehouses w ON w."Id" = e."WarehouseId"
                WHERE w."SiteId" = @site GROUP BY e."ItemId"
                """, connection);
            sum.Parameters.AddWithValue("site", sites[random.Next(sites.Count)]);
            await using var reader = await sum.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        });
        log.WriteLine($"for comparison, a site's stock summed from the ledger in SQL: {fromLedger}");
    }

    /// <summary>Every balance equals the sum of its ledger entries, after the load and every measured receipt.</summary>
    public async Task<bool> VerifyAsync()
    {
        await using var connection = new NpgsqlConnection(host.Database);
        await connection.OpenAsync();
        await using var check = new NpgsqlCommand("""
            SELECT count(*) FROM stock_levels l
            LEFT JOIN (SELECT "WarehouseId", "ItemId", sum("Delta") AS total FROM stock_entries GROUP BY 1, 2) e
              ON e."WarehouseId" = l."WarehouseId" AND e."ItemId" = l."ItemId"
            WHERE l."OnHand" <> coalesce(e.total, 0)
            """, connection);
        var mismatched = (long)(await check.ExecuteScalarAsync())!;
        await using var count = new NpgsqlCommand("SELECT count(*) FROM stock_entries", connection);
        log.WriteLine();
        log.WriteLine($"ledger entries now {(long)(await count.ExecuteScalarAsync())!:N0}; balances that differ from the sum of their entries: {mismatched}");
        return mismatched == 0;
    }

    private async Task LoadLedgerAsync()
    {
        var random = new Random(1);
        var balances = new long[warehouses.Count, items.Count];
        var start = DateTime.UtcNow.AddYears(-2);
        var step = TimeSpan.FromTicks(TimeSpan.FromDays(730).Ticks / options.Entries);
        await using (var connection = new NpgsqlConnection(host.Database))
        {
            await connection.OpenAsync();
            await using var writer = await connection.BeginBinaryImportAsync("""
                COPY stock_entries ("Id", "WarehouseId", "ItemId", "Kind", "Quantity", "Delta", "BalanceAfter", "Reason", "Reference", "RecordedBy", "RecordedAt")
                FROM STDIN (FORMAT BINARY)
                """);
            for (var n = 0; n < options.Entries; n++)
            {
                var w = random.Next(warehouses.Count);
                var i = random.Next(items.Count);
                var quantity = random.Next(1, 200);
                // Receipts keep stock up; issues and write-offs take out only what is there.
                var (kind, delta) = balances[w, i] >= quantity && random.Next(10) < 6
                    ? (random.Next(20) == 0 ? "Damaged" : "Issued", -quantity)
                    : ("Received", quantity);
                balances[w, i] += delta;
                await writer.StartRowAsync();
                await writer.WriteAsync(Ids.New(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(warehouses[w].Id, NpgsqlDbType.Varchar);
                await writer.WriteAsync(items[i], NpgsqlDbType.Varchar);
                await writer.WriteAsync(kind, NpgsqlDbType.Varchar);
                await writer.WriteAsync(quantity, NpgsqlDbType.Integer);
                await writer.WriteAsync((long)delta, NpgsqlDbType.Bigint);
                await writer.WriteAsync(balances[w, i], NpgsqlDbType.Bigint);
                await writer.WriteAsync("Bulk-loaded history", NpgsqlDbType.Varchar);
                await writer.WriteAsync("", NpgsqlDbType.Varchar);
                await writer.WriteAsync("bench-loader", NpgsqlDbType.Varchar);
                await writer.WriteAsync(start + (step * n), NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }
        await using (var connection = new NpgsqlConnection(host.Database))
        {
            await connection.OpenAsync();
            await using var derive = new NpgsqlCommand("""
                INSERT INTO stock_levels ("Id", "WarehouseId", "ItemId", "OnHand", "DailyConsumption", "Revision", "UpdatedAt")
                SELECT md5("WarehouseId" || "ItemId"), "WarehouseId", "ItemId", sum("Delta"), 1 + abs(hashtext("WarehouseId" || "ItemId")) % 40, 1, now()
                FROM stock_entries GROUP BY "WarehouseId", "ItemId";
                ANALYZE;
                """, connection) { CommandTimeout = 600 };
            await derive.ExecuteNonQueryAsync();
        }
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
