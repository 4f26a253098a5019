using Coordination.Diplomacy;
using Coordination.Finance;
using Coordination.Gateway;
using Coordination.Hosting;
using Coordination.Logistics;
using Coordination.Messaging;
using Coordination.Personnel;
using Coordination.Persistence;
using Npgsql;

namespace Coordination.Local;

/// <summary>
/// The four services and the gateway on this machine. Without a broker they share one process and an in-process
/// bus (each still its own host, ports and database); with RabbitMQ each service runs in its own process.
/// </summary>
public sealed class LocalSuite : IAsyncDisposable
{
    public static readonly ServiceModule[] Modules =
        [PersonnelService.Module, LogisticsService.Module, FinanceService.Module, DiplomacyService.Module];

    private readonly List<WebApplication> hosts = [];
    private readonly List<ServiceProcess> processes = [];
    private readonly Dictionary<string, Uri> serviceAddresses = [];
    private FileStream? dataLock;

    private LocalSuite(LocalOptions options, DevelopmentKey key)
    {
        Options = options;
        Key = key;
        Issuer = new DevelopmentIssuer(key, new Coordination.Auth.AuthOptions(), TimeProvider.System);
    }

    public LocalOptions Options { get; }

    /// <summary>The development issuer's key pair: the gateway signs /dev/token with it, the services get its public half.</summary>
    public DevelopmentKey Key { get; }

    /// <summary>Signs tokens as the local gateway's /dev/token does (for the demo loader).</summary>
    public DevelopmentIssuer Issuer { get; }
    public Uri GatewayGrpc { get; private set; } = null!;
    public Uri GatewayHttp { get; private set; } = null!;
    public IReadOnlyDictionary<string, Uri> ServiceAddresses => serviceAddresses;

    public static async Task<LocalSuite> StartAsync(LocalOptions options, TextWriter log, CancellationToken ct)
    {
        Directory.CreateDirectory(options.DataDirectory);
        var suite = new LocalSuite(options, DevelopmentKeyFile.LoadOrCreate(options.DataDirectory));
        try
        {
            suite.dataLock = DataDirectoryLock(options.DataDirectory);
            await suite.StartServicesAsync(log, ct);
            await suite.StartGatewayAsync(ct);
            return suite;
        }
        catch
        {
            await suite.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// One run at a time on a data folder: a second one would share its SQLite files and, asked to rebuild stale data,
    /// could delete a file the first is writing. Held (an exclusive lock on <c>.lock</c>) until the suite is disposed.
    /// </summary>
    private static FileStream DataDirectoryLock(string directory)
    {
        var path = Path.Combine(directory, ".lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new LocalDataInUseException($"Another local run is using {directory}. Stop it, or give this one its own folder with --data DIR.", e);
        }
    }

    private async Task StartServicesAsync(TextWriter log, CancellationToken ct)
    {
        var hub = new InProcessEventHub();
        for (var i = 0; i < Modules.Length; i++)
        {
            var module = Modules[i];
            var grpcPort = Options.ServiceBasePort == 0 ? 0 : Options.ServiceBasePort + (100 * i);
            var httpPort = grpcPort == 0 ? 0 : grpcPort + 1;
            var settings = await ServiceSettingsAsync(module.Name, grpcPort, httpPort, ct);
            if (Options.SeparateProcesses)
            {
                var process = ServiceProcess.Start(module.Name, settings, log);
                processes.Add(process);
                await process.WaitUntilReadyAsync(new Uri($"http://{Options.BindAddress}:{httpPort}/healthz/ready"), ct);
                serviceAddresses[module.Name] = new Uri($"http://{Options.BindAddress}:{grpcPort}");
            }
            else
            {
                var app = module.Build(settings, s => s.AddSingleton(hub), "Development", Options.DataDirectory);
                hosts.Add(app);
                await app.Services.MigrateDatabaseAsync(ct);
                await app.StartAsync(ct);
                serviceAddresses[module.Name] = app.GrpcAddress();
            }
        }
    }

    private async Task StartGatewayAsync(CancellationToken ct)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hosting:BindAddress"] = Options.BindAddress,
            ["Hosting:GrpcPort"] = Options.GatewayGrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hosting:HttpPort"] = Options.GatewayHttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Auth:PublicKeys"] = Key.PublicKeys,
            [DevelopmentIssuer.PrivateKeySetting] = Key.PrivateJwk,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (name, address) in serviceAddresses)
        {
            settings[$"Gateway:Backends:{name}"] = address.ToString().TrimEnd('/');
        }
        var gateway = GatewaySetup.Module.Build(settings, null, "Development", Options.DataDirectory);
        hosts.Add(gateway);
        await gateway.StartAsync(ct);
        GatewayGrpc = gateway.GrpcAddress();
        GatewayHttp = gateway.HttpAddress();
    }

    private async Task<Dictionary<string, string?>> ServiceSettingsAsync(string service, int grpcPort, int httpPort, CancellationToken ct)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hosting:BindAddress"] = Options.BindAddress,
            ["Hosting:GrpcPort"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hosting:HttpPort"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Auth:PublicKeys"] = Key.PublicKeys,
            ["Database:SqliteDirectory"] = Options.DataDirectory,
            ["Database:MigrateOnStartup"] = "true",
            // The demo's spending shows as a low runway (and diplomacy's appeal) within seconds, not at the next hourly check.
            ["Finance:Runway:CheckInterval"] = "00:00:05",
            ["Database:RebuildStaleSqlite"] = Options.RebuildLocalData ? "true" : "false",
            ["Messaging:RabbitMqUri"] = Options.RabbitMqUri ?? "",
            ["Messaging:Prefix"] = Options.MessagingPrefix,
            // On RabbitMQ every local service connects as the one user of --rabbitmq: none can tell publishers apart.
            ["Messaging:AcceptAnyPublisher"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            // EF logs the expected first-run probe of the migrations table, and retried races, as errors: noise here.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
        };
        if (!string.IsNullOrEmpty(Options.PostgresConnection))
        {
            settings["ConnectionStrings:Database"] = await EnsureDatabaseAsync(Options.PostgresConnection, $"coordination_{service}", ct);
        }
        return settings;
    }

    /// <summary>Each service owns its database; create it on the given server when it is missing.</summary>
    private static async Task<string> EnsureDatabaseAsync(string serverConnection, string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(serverConnection);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        return new NpgsqlConnectionStringBuilder(serverConnection) { Database = database }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = hosts.Count - 1; i >= 0; i--)
        {
            await hosts[i].StopAsync(CancellationToken.None);
            await hosts[i].DisposeAsync();
        }
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }
        if (dataLock is not null)
        {
            await dataLock.DisposeAsync();
        }
    }
}

/// <summary>The data folder is held by another local run.</summary>
public sealed class LocalDataInUseException(string message, Exception inner) : Exception(message, inner);
