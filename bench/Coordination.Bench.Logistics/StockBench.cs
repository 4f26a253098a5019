using System.Diagnostics;
using Coordination.Auth;
using Coordination.Gateway;
using Coordination.Hosting;
using Coordination.Logistics;
using Coordination.Logistics.V1;
using Coordination.Persistence;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Npgsql;
using NpgsqlTypes;

namespace Coordination.Bench.Logistics;

/// <summary>
/// The logistics service and the gateway in this process, on a PostgreSQL database of their own. Sites, warehouses
/// and items are created through the API; the ledger's history is bulk-loaded with COPY, and its balances derived from
/// it in SQL, so the measured calls run on a database that looks like years of use.
/// </summary>
public sealed class StockBench : IAsyncDisposable
{
    private readonly BenchOptions options;
    private readonly TextWriter log;
    private readonly string database;
    private readonly WebApplication service;
    private readonly WebApplication gateway;
    private readonly List<GrpcChannel> channels = [];
    private readonly string token;
    private readonly List<string> sites = [];
    private readonly List<(string Id, string SiteId)> warehouses = [];
    private readonly List<string> items = [];

    private StockBench(BenchOptions options, TextWriter log, string database, WebApplication service, WebApplication gateway, string token)
    {
        this.options = options;
        this.log = log;
        this.database = database;
        this.service = service;
        this.gateway = gateway;
        this.token = token;
    }

    public static async Task<StockBench> StartAsync(BenchOptions options, TextWriter log)
    {
        var database = await RecreateDatabaseAsync(options.Postgres);
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var service = LogisticsService.Module.Build(new Dictionary<string, string?>
        {
            ["Hosting:GrpcPort"] = "0",
            ["Hosting:HttpPort"] = "0",
            ["Auth:SigningKey"] = key,
            ["ConnectionStrings:Database"] = database,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await service.Services.MigrateDatabaseAsync();
        await service.StartAsync();
        var gateway = GatewaySetup.Module.Build(new Dictionary<string, string?>
        {
            ["Hosting:GrpcPort"] = "0",
            ["Hosting:HttpPort"] = "0",
            ["Auth:SigningKey"] = key,
            ["Gateway:Backends:Logistics"] = service.GrpcAddress().ToString().TrimEnd('/'),
            // One client making thousands of calls: lift the per-partner budget out of the way.
            ["Gateway:RateLimit:PermitsPerSecond"] = "100000",
            ["Gateway:RateLimit:Burst"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await gateway.StartAsync();
        var token = new TokenIssuer(new AuthOptions { SigningKey = key }, TimeProvider.System).Issue("bench-logistics", "HTI", Roles.LogisticsOfficer);
        log.WriteLine($"logistics at {service.GrpcAddress()}, gateway at {gateway.GrpcAddress()}, database {new NpgsqlConnectionStringBuilder(database).Database}");
        return new StockBench(options, log, database, service, gateway, token);
    }

    public async Task SeedAsync()
    {
        var clock = Stopwatch.StartNew();
        var catalog = Client<CatalogService.CatalogServiceClient>(service);
        var siteApi = Client<SiteService.SiteServiceClient>(service);
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
        var direct = Client<LogisticsReportService.LogisticsReportServiceClient>(service);
        var viaGateway = Client<LogisticsReportService.LogisticsReportServiceClient>(gateway);
        var stock = Client<StockService.StockServiceClient>(service);
        var stockViaGateway = Client<StockService.StockServiceClient>(gateway);
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
        await using var connection = new NpgsqlConnection(database);
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
        await using var connection = new NpgsqlConnection(database);
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
        await using (var connection = new NpgsqlConnection(database))
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
        await using (var connection = new NpgsqlConnection(database))
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

    private static async Task<string> RecreateDatabaseAsync(string server)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{BenchOptions.Database}\" WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{BenchOptions.Database}\"", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = BenchOptions.Database }.ConnectionString;
    }

    private T Client<T>(WebApplication host) where T : ClientBase<T>
    {
        var channel = GrpcChannel.ForAddress(host.GrpcAddress());
        channels.Add(channel);
        var invoker = channel.Intercept(metadata =>
        {
            metadata.Add("authorization", $"Bearer {token}");
            return metadata;
        });
        return (T)Activator.CreateInstance(typeof(T), invoker)!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
        }
        await gateway.StopAsync();
        await gateway.DisposeAsync();
        await service.StopAsync();
        await service.DisposeAsync();
        if (!options.Keep)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(options.Postgres);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{BenchOptions.Database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
