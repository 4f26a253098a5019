using System.Globalization;
using Coordination.Gateway;
using Coordination.Hosting;
using Coordination.Local;
using Coordination.Persistence;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Infrastructure;

/// <summary>
/// Real service hosts on loopback ports, each with its own PostgreSQL database, sharing the real RabbitMQ under a
/// prefix of their own (so concurrent tests never exchange events), optionally behind the real gateway.
/// </summary>
public sealed class SuiteHost : IAsyncDisposable
{
    /// <summary>The services, by name: those the local run starts.</summary>
    public static readonly IReadOnlyDictionary<string, ServiceModule> Modules = LocalSuite.Modules.ToDictionary(m => m.Name);

    private readonly Dictionary<string, WebApplication> hosts = [];
    private readonly Dictionary<string, string> databases = [];
    private readonly List<WebApplication> gateways = [];
    private readonly List<GrpcChannel> channels = [];

    private SuiteHost(string prefix, string rabbitMqUri)
    {
        Prefix = prefix;
        RabbitMqUri = rabbitMqUri;
    }

    /// <summary>Queue and exchange prefix of this suite on the shared broker.</summary>
    public string Prefix { get; }

    public string RabbitMqUri { get; }

    public WebApplication? Gateway => gateways.FirstOrDefault();

    /// <summary>Starts the named services (all four when none are named) and, when asked, the gateway in front.</summary>
    public static async Task<SuiteHost> StartAsync(
        IEnumerable<string>? serviceNames = null,
        bool gateway = false,
        Func<string, IDictionary<string, string?>>? settingsFor = null,
        Action<IServiceCollection>? services = null)
    {
        var host = new SuiteHost($"t{Guid.NewGuid():N}"[..9] + "-", await TestEnvironment.RabbitMqUriAsync());
        try
        {
            await Task.WhenAll((serviceNames ?? Modules.Keys).Select(name => host.StartServiceAsync(name, settingsFor?.Invoke(name), services)));
            if (gateway)
            {
                await host.StartGatewayAsync();
            }
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async Task<WebApplication> StartServiceAsync(string name, IDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabases.CreateAsync(name);
        lock (databases)
        {
            databases[name] = database;
        }
        var settings = HostSettings(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = database,
            ["Messaging:RabbitMqUri"] = RabbitMqUri,
            ["Messaging:Prefix"] = Prefix,
            ["Outbox:PollInterval"] = "00:00:00.250",
            ["Outbox:PublishTimeout"] = "00:00:05",
            ["Outbox:MaxBackoff"] = "00:00:02",
        }, extra);
        var app = Modules[name].Build(settings, services);
        await app.Services.MigrateDatabaseAsync();
        await app.StartAsync();
        lock (hosts)
        {
            hosts[name] = app;
        }
        return app;
    }

    /// <summary>
    /// What every test host starts with (loopback, ports the system picks, the tests' public keys, warnings only in the
    /// log), then <paramref name="more"/> in order, each overriding what came before.
    /// </summary>
    public static Dictionary<string, string?> HostSettings(params IDictionary<string, string?>?[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hosting:BindAddress"] = "127.0.0.1",
            ["Hosting:GrpcPort"] = "0",
            ["Hosting:HttpPort"] = "0",
            ["Auth:PublicKeys"] = TestTokens.PublicKeys,
            // Every test host on the shared broker connects as one user, so none can tell publishers apart: said so
            // explicitly, as a service on RabbitMQ refuses to start without it or Messaging:PublisherUsers.
            ["Messaging:AcceptAnyPublisher"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in more.SelectMany(m => m ?? new Dictionary<string, string?>()))
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>
    /// Gateway settings for a class of tests that shares one partner budget per nation: the limit lifted out of the way
    /// (the gateway's own tests cover it).
    /// </summary>
    public static IDictionary<string, string?> UnlimitedPartners() => new Dictionary<string, string?>
    {
        ["Gateway:RateLimit:PermitsPerSecond"] = "10000",
        ["Gateway:RateLimit:Burst"] = "10000",
        ["Gateway:Streams:PerPartner"] = "1000",
    };

    /// <summary>Starts a gateway in front of the running services; extra settings tune it (e.g. rate limits), and
    /// <paramref name="services"/> can watch it.</summary>
    public async Task<WebApplication> StartGatewayAsync(
        IDictionary<string, string?>? extra = null, string environment = "Production", Action<IServiceCollection>? services = null)
    {
        var settings = HostSettings();
        foreach (var (name, app) in hosts)
        {
            settings[$"Gateway:Backends:{name}"] = app.GrpcAddress().ToString().TrimEnd('/');
        }
        if (environment == "Development")
        {
            // Only a Development gateway hosts the development issuer, and only it gets the private key.
            settings[DevelopmentIssuer.PrivateKeySetting] = TestTokens.Key.PrivateJwk;
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var gateway = GatewaySetup.Module.Build(settings, services, environment);
        await gateway.StartAsync();
        gateways.Add(gateway);
        return gateway;
    }

    public WebApplication Service(string name) => hosts[name];

    public string DatabaseOf(string name) => databases[name];

    /// <summary>A scope of a service's container, e.g. to read its database directly.</summary>
    public AsyncServiceScope Scope(string name) => hosts[name].Services.CreateAsyncScope();

    /// <summary>A client calling a service directly, with a bearer token (none: anonymous).</summary>
    public T Client<T>(string service, string? token) where T : ClientBase<T> =>
        CreateClient<T>(hosts[service].GrpcAddress(), token);

    /// <summary>A client calling through a gateway (the first one unless another is given).</summary>
    public T ViaGateway<T>(string? token, WebApplication? gateway = null) where T : ClientBase<T> =>
        CreateClient<T>((gateway ?? Gateway ?? throw new InvalidOperationException("No gateway started.")).GrpcAddress(), token);

    private T CreateClient<T>(Uri address, string? token) where T : ClientBase<T>
    {
        var channel = GrpcChannel.ForAddress(address);
        lock (channels)
        {
            channels.Add(channel);
        }
        return (T)Activator.CreateInstance(typeof(T), channel.CreateCallInvoker().WithBearer(token))!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
        }
        foreach (var app in gateways.Concat(hosts.Values))
        {
            try
            {
                await app.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
            }
            finally
            {
                await app.DisposeAsync();
            }
        }
        foreach (var database in databases.Values)
        {
            await TestDatabases.DropAsync(database);
        }
    }

    public static string Port(Uri address) => address.Port.ToString(CultureInfo.InvariantCulture);
}
