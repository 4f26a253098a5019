using Coordination.Bench;
using System.Globalization;
using Coordination.Auth;
using Coordination.Gateway;
using Coordination.Hosting;
using Coordination.Persistence;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Npgsql;

namespace Coordination.Bench;

/// <summary>
/// One real service (the same <see cref="ServiceModule"/> it runs with) and the real gateway in front of it, in this
/// process, on a PostgreSQL database of its own: recreated at start, migrated by the service's own step, dropped at the
/// end unless kept. Clients carry a token of the given role, so calls pay for authentication as partners' calls do.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly string server;
    private readonly string databaseName;
    private readonly bool keep;
    private readonly string token;
    private readonly List<GrpcChannel> channels = [];

    private BenchHost(string server, string databaseName, bool keep, string database, WebApplication service, WebApplication gateway, string token)
    {
        this.server = server;
        this.databaseName = databaseName;
        this.keep = keep;
        Database = database;
        Service = service;
        Gateway = gateway;
        this.token = token;
    }

    /// <summary>Connection string of the benchmark's database.</summary>
    public string Database { get; }

    public WebApplication Service { get; }

    public WebApplication Gateway { get; }

    /// <param name="module">The service to run.</param>
    /// <param name="server">Connection string of the PostgreSQL server; its database is replaced by <paramref name="databaseName"/>.</param>
    /// <param name="databaseName">The benchmark's own database, dropped and created anew.</param>
    /// <param name="keep">Leave the database when done, to look at it.</param>
    /// <param name="role">Role of the token every client carries (nation HTI).</param>
    public static async Task<BenchHost> StartAsync(ServiceModule module, string server, string databaseName, bool keep, string role, TextWriter log)
    {
        var database = await RecreateDatabaseAsync(server, databaseName);
        // The bench is its own development issuer: it signs, the service and the gateway get the public key only.
        var key = DevelopmentKey.Create();
        var service = module.Build(new Dictionary<string, string?>
        {
            ["Hosting:GrpcPort"] = "0",
            ["Hosting:HttpPort"] = "0",
            ["Auth:PublicKeys"] = key.PublicKeys,
            ["ConnectionStrings:Database"] = database,
            // The service alone, its events kept in its process: said so, as a host outside Development needs its broker.
            ["Messaging:Transport"] = "InProcess",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await service.Services.MigrateDatabaseAsync();
        await service.StartAsync();
        var gateway = GatewaySetup.Module.Build(new Dictionary<string, string?>
        {
            ["Hosting:GrpcPort"] = "0",
            ["Hosting:HttpPort"] = "0",
            ["Auth:PublicKeys"] = key.PublicKeys,
            [$"Gateway:Backends:{char.ToUpperInvariant(module.Name[0])}{module.Name[1..]}"] = service.GrpcAddress().ToString().TrimEnd('/'),
            // One client making thousands of calls: lift the per-partner budget out of the way.
            ["Gateway:RateLimit:PermitsPerSecond"] = "100000",
            ["Gateway:RateLimit:Burst"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await gateway.StartAsync();
        var token = new DevelopmentIssuer(key, new AuthOptions(), TimeProvider.System).Issue($"bench-{module.Name}", "HTI", role);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{module.Name} at {service.GrpcAddress()}, gateway at {gateway.GrpcAddress()}, database {databaseName}"));
        return new BenchHost(server, databaseName, keep, database, service, gateway, token);
    }

    /// <summary>A client of the service, called directly.</summary>
    public T Direct<T>() where T : ClientBase<T> => Client<T>(Service);

    /// <summary>A client of the service, called through the gateway.</summary>
    public T ViaGateway<T>() where T : ClientBase<T> => Client<T>(Gateway);

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
        await Gateway.StopAsync();
        await Gateway.DisposeAsync();
        await Service.StopAsync();
        await Service.DisposeAsync();
        if (!keep)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<string> RecreateDatabaseAsync(string server, string databaseName)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = databaseName }.ConnectionString;
    }
}
