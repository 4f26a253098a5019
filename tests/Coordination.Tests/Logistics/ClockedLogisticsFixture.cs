using Coordination.Gateway;
using Coordination.Hosting;
using Coordination.Logistics;
using Coordination.Persistence;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Coordination.Tests.Logistics;

/// <summary>A clock a test moves forward: real time plus an offset, so time still passes between calls.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}

/// <summary>
/// Logistics on PostgreSQL and RabbitMQ, with a clock the test controls, behind the real gateway (whose own clock is
/// the real one). <see cref="SuiteHost"/> cannot replace a service's TimeProvider, so this host is built here.
/// </summary>
public sealed class ClockedLogisticsFixture : IAsyncLifetime
{
    private readonly List<GrpcChannel> channels = [];
    private WebApplication logistics = null!;
    private WebApplication gateway = null!;
    private string database = "";

    public ShiftedClock Clock { get; } = new();

    public async Task InitializeAsync()
    {
        database = await TestDatabases.CreateAsync(LogisticsService.Name);
        logistics = LogisticsService.Module.Build(new Dictionary<string, string?>
        {
            ["Hosting:BindAddress"] = "127.0.0.1",
            ["Hosting:GrpcPort"] = "0",
            ["Hosting:HttpPort"] = "0",
            ["Auth:SigningKey"] = TestTokens.SigningKey,
            ["ConnectionStrings:Database"] = database,
            ["Messaging:RabbitMqUri"] = await TestEnvironment.RabbitMqUriAsync(),
            ["Messaging:Prefix"] = $"t{Guid.NewGuid():N}"[..9] + "-",
            ["Outbox:PollInterval"] = "00:00:00.250",
            ["Logging:LogLevel:Default"] = "Warning",
        }, services => services.AddSingleton<TimeProvider>(Clock));
        await logistics.Services.MigrateDatabaseAsync();
        await logistics.StartAsync();
        gateway = GatewaySetup.Module.Build(new Dictionary<string, string?>
        {
            ["Hosting:BindAddress"] = "127.0.0.1",
            ["Hosting:GrpcPort"] = "0",
            ["Hosting:HttpPort"] = "0",
            ["Auth:SigningKey"] = TestTokens.SigningKey,
            ["Gateway:Backends:Logistics"] = logistics.GrpcAddress().ToString().TrimEnd('/'),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await gateway.StartAsync();
    }

    public LogisticsDesk Desk(string token) => new(new Clients(this, token));

    public async Task DisposeAsync()
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
        }
        await gateway.StopAsync();
        await gateway.DisposeAsync();
        await logistics.StopAsync();
        await logistics.DisposeAsync();
        await TestDatabases.DropAsync(database);
    }

    private sealed class Clients(ClockedLogisticsFixture fixture, string token) : IGatewayClients
    {
        public T Get<T>() where T : ClientBase<T>
        {
            var channel = GrpcChannel.ForAddress(fixture.gateway.GrpcAddress());
            lock (fixture.channels)
            {
                fixture.channels.Add(channel);
            }
            var invoker = channel.Intercept(metadata =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return metadata;
            });
            return (T)Activator.CreateInstance(typeof(T), invoker)!;
        }
    }
}
