using Coordination.Gateway;
using Coordination.Hosting;
using Coordination.Logistics;
using Coordination.Persistence;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
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
/// Logistics with a clock the test controls, behind the real gateway (whose own clock is the real one), on PostgreSQL
/// and RabbitMQ or, for the local run's provider, on SQLite. <see cref="SuiteHost"/> cannot replace a service's
/// TimeProvider nor use SQLite, so this host is built here.
/// </summary>
public abstract class StandaloneLogisticsFixture(bool sqlite) : IAsyncLifetime
{
    private readonly List<GrpcChannel> channels = [];
    private WebApplication logistics = null!;
    private WebApplication gateway = null!;
    private string database = "";
    private string kenyanContingent = "";

    public ShiftedClock Clock { get; } = new();

    public async Task InitializeAsync()
    {
        var settings = SuiteHost.HostSettings(new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:00.250" });
        if (sqlite)
        {
            database = Path.Combine(Path.GetTempPath(), $"coordination-logistics-{Guid.NewGuid():N}");
            settings["Database:Provider"] = "sqlite";
            settings["Database:SqliteDirectory"] = database;
            settings["Messaging:Transport"] = "InProcess";
        }
        else
        {
            database = await TestDatabases.CreateAsync(LogisticsService.Name);
            settings["ConnectionStrings:Database"] = database;
            settings["Messaging:RabbitMqUri"] = await TestEnvironment.RabbitMqUriAsync();
            settings["Messaging:Prefix"] = $"t{Guid.NewGuid():N}"[..9] + "-";
        }
        logistics = LogisticsService.Module.Build(settings, services => services.AddSingleton<TimeProvider>(Clock));
        await logistics.Services.MigrateDatabaseAsync();
        await logistics.StartAsync();
        gateway = GatewaySetup.Module.Build(SuiteHost.HostSettings(new Dictionary<string, string?>
        {
            ["Gateway:Backends:Logistics"] = logistics.GrpcAddress().ToString().TrimEnd('/'),
        }));
        await gateway.StartAsync();
        kenyanContingent = await PersonnelAnnouncements.ContingentAsync(logistics.Services, "KEN", new DateOnly(2024, 6, 25));
    }

    public LogisticsDesk Desk(string token) => new(new Clients(this, token), kenyanContingent);

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
        if (sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(database, recursive: true);
        }
        else
        {
            await TestDatabases.DropAsync(database);
        }
    }

    private sealed class Clients(StandaloneLogisticsFixture fixture, string token) : IGatewayClients
    {
        public T Get<T>() where T : ClientBase<T>
        {
            var channel = GrpcChannel.ForAddress(fixture.gateway.GrpcAddress());
            lock (fixture.channels)
            {
                fixture.channels.Add(channel);
            }
            return (T)Activator.CreateInstance(typeof(T), channel.CreateCallInvoker().WithBearer(token))!;
        }
    }
}

/// <summary>Logistics on PostgreSQL and RabbitMQ with a clock the test moves.</summary>
public sealed class ClockedLogisticsFixture() : StandaloneLogisticsFixture(sqlite: false);

/// <summary>Logistics on SQLite (the local run's provider) with its in-memory bus and a clock the test moves.</summary>
public sealed class SqliteLogisticsFixture() : StandaloneLogisticsFixture(sqlite: true);
