using Coordination.Diplomacy;
using Coordination.Finance;
using Coordination.Gateway;
using Coordination.Hosting;
using Coordination.Logistics;
using Coordination.Messaging;
using Coordination.Personnel;
using Coordination.Persistence;

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
    private readonly List<ServiceEndpoints> services = [];
    private readonly LocalDataFolder data;

    private LocalSuite(LocalOptions options, LocalDataFolder data)
    {
        Options = options;
        this.data = data;
        Issuer = new DevelopmentIssuer(data.Key, new Coordination.Auth.AuthOptions(), TimeProvider.System);
    }

    public LocalOptions Options { get; }

    /// <summary>The development issuer's key pair: the gateway signs /dev/token with it, the services get its public half.</summary>
    public DevelopmentKey Key => data.Key;

    /// <summary>Signs tokens as the local gateway's /dev/token does (for the demo loader).</summary>
    public DevelopmentIssuer Issuer { get; }
    public Uri GatewayGrpc { get; private set; } = null!;
    public Uri GatewayHttp { get; private set; } = null!;

    /// <summary>Where each service listens, in the order of <see cref="Modules"/>.</summary>
    public IReadOnlyList<ServiceEndpoints> Services => services;

    /// <summary>Starts the suite: first the checks that need nothing started (ports, data folder, database server),
    /// then the services, then the gateway.</summary>
    /// <exception cref="LocalStartException">A check failed; the message says what to do.</exception>
    public static async Task<LocalSuite> StartAsync(LocalOptions options, TextWriter log, CancellationToken ct)
    {
        LocalPorts.RefuseTaken(options);
        var suite = new LocalSuite(options, LocalDataFolder.Open(options.DataDirectory));
        try
        {
            if (options.SeparateProcesses)
            {
                await RefuseSilentBrokerAsync(options.RabbitMqUri!, ct);
            }
            if (options.Reset)
            {
                await suite.ResetAsync(log, ct);
            }
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

    /// <summary>Each service would otherwise wait for the broker until its readiness times out.</summary>
    private static async Task RefuseSilentBrokerAsync(string rabbitMqUri, CancellationToken ct)
    {
        var uri = new Uri(rabbitMqUri);
        var port = uri.IsDefaultPort || uri.Port < 0 ? (uri.Scheme == "amqps" ? 5671 : 5672) : uri.Port;
        using var client = new System.Net.Sockets.TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await client.ConnectAsync(uri.Host, port, timeout.Token);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            var why = e is System.Net.Sockets.SocketException socket ? socket.Message.TrimEnd('.') : "no answer in 5 s";
            throw new LocalStartException($"--rabbitmq: RabbitMQ at {uri.Host}:{port} cannot be reached ({why}). Start it or correct the address, or leave --rabbitmq out for the in-process bus.", e);
        }
    }

    /// <summary>--reset: the services start on empty databases, so the demo loads into all of them alike.</summary>
    private async Task ResetAsync(TextWriter log, CancellationToken ct)
    {
        var names = Modules.Select(m => m.Name).ToList();
        if (!string.IsNullOrEmpty(Options.PostgresConnection))
        {
            await LocalPostgres.DropDatabasesAsync(Options.PostgresConnection, names, ct);
            log.WriteLine($"--reset: dropped the databases {string.Join(", ", names.Select(LocalPostgres.DatabaseOf))}.");
            return;
        }
        var deleted = data.DeleteDatabases(names);
        log.WriteLine(deleted.Count == 0
            ? $"--reset: no databases in {data.Directory} to delete."
            : $"--reset: deleted {string.Join(", ", deleted)} from {data.Directory}.");
    }

    private async Task StartServicesAsync(TextWriter log, CancellationToken ct)
    {
        var hub = new InProcessEventHub();
        var chosen = new HashSet<int>();
        for (var i = 0; i < Modules.Length; i++)
        {
            var module = Modules[i];
            var (grpcPort, httpPort) = Options.ServicePorts(i);
            if (Options.SeparateProcesses && grpcPort == 0)
            {
                // Its address must be known before it starts: the parent polls its readiness and the gateway routes to it.
                (grpcPort, httpPort) = (LocalPorts.Free(Options.BindAddress, chosen), LocalPorts.Free(Options.BindAddress, chosen));
            }
            var settings = await ServiceSettingsAsync(module.Name, grpcPort, httpPort, ct);
            if (Options.SeparateProcesses)
            {
                var process = ServiceProcess.Start(module.Name, settings, log);
                processes.Add(process);
                var endpoints = new ServiceEndpoints(module.Name, new Uri($"http://{Options.BindAddress}:{grpcPort}"), new Uri($"http://{Options.BindAddress}:{httpPort}"));
                await process.WaitUntilReadyAsync(new Uri(endpoints.Http, "healthz/ready"), ct);
                services.Add(endpoints);
            }
            else
            {
                var app = module.Build(settings, s => s.AddSingleton(hub), "Development", Options.DataDirectory);
                hosts.Add(app);
                await MigrateAsync(app, module.Name, ct);
                await app.StartAsync(ct);
                services.Add(new ServiceEndpoints(module.Name, app.GrpcAddress(), app.HttpAddress()));
            }
        }
    }

    /// <summary>A database that cannot be opened (not SQLite, a failed migration) is a start-up failure, said in one line.</summary>
    private async Task MigrateAsync(WebApplication app, string service, CancellationToken ct)
    {
        try
        {
            await app.Services.MigrateDatabaseAsync(ct);
        }
        catch (System.Data.Common.DbException e)
        {
            var database = string.IsNullOrEmpty(Options.PostgresConnection) ? Path.Combine(Options.DataDirectory, service + ".db") : LocalPostgres.DatabaseOf(service);
            throw new LocalStartException($"{service}: its database {database} cannot be opened or brought up to date ({e.Message.TrimEnd('.')}). Start again with --reset, which deletes every service's database.", e);
        }
    }

    /// <summary>
    /// A host that cannot start (a port taken) logs the exception with its stack at Error, then throws it: the run
    /// prints it in one line. A background service that fails still logs at Critical, with its exception.
    /// </summary>
    private const string QuietHostStart = "Logging:LogLevel:Microsoft.Extensions.Hosting.Internal.Host";

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
            [QuietHostStart] = "Critical",
        };
        foreach (var service in services)
        {
            settings[$"Gateway:Backends:{service.Name}"] = service.Grpc.ToString().TrimEnd('/');
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
            [QuietHostStart] = "Critical",
            // EF logs the expected first-run probe of the migrations table, and retried races, as errors: noise here.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
        };
        if (!string.IsNullOrEmpty(Options.PostgresConnection))
        {
            settings["ConnectionStrings:Database"] = await LocalPostgres.EnsureDatabaseAsync(Options.PostgresConnection, service, ct);
        }
        return settings;
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
        await data.DisposeAsync();
    }
}

/// <summary>Where one service of the local run listens: gRPC, and HTTP (health, metrics).</summary>
public sealed record ServiceEndpoints(string Name, Uri Grpc, Uri Http);
