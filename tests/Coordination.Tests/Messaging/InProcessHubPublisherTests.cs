using Coordination.Auth;
using Coordination.Diplomacy;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Events;
using Coordination.Hosting;
using Coordination.Logistics;
using Coordination.Logistics.Persistence;
using Coordination.Messaging;
using Coordination.Persistence;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.Messaging.OwnBrokerUserTests;

namespace Coordination.Tests.Messaging;

/// <summary>
/// The local run's in-process bus has no broker to vouch for publishers: the hub does, stamping each event with the
/// service that published it, and consumers apply only their owners' events there too.
/// </summary>
public sealed class InProcessHubPublisherTests : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"coordination-hub-{Guid.NewGuid():N}");
    private readonly InProcessEventHub hub = new();
    private WebApplication diplomacy = null!;
    private WebApplication logistics = null!;
    private GrpcChannel channel = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataDirectory);
        diplomacy = await StartAsync(DiplomacyService.Module);
        logistics = await StartAsync(LogisticsService.Module);
        channel = GrpcChannel.ForAddress(diplomacy.GrpcAddress());
    }

    public async Task DisposeAsync()
    {
        channel.Dispose();
        foreach (var host in new[] { logistics, diplomacy })
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public async Task On_the_local_runs_bus_an_event_of_personnel_published_by_logistics_is_refused_while_personnels_own_is_applied()
    {
        var refusedBefore = await Prometheus.RefusedAsync(diplomacy, "diplomacy", nameof(PersonnelPledged), "logistics");
        var forged = Pledged("JAM", 900);
        await using (var scope = logistics.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LogisticsDbContext>();
            db.Publish(forged);
            await db.SaveChangesAsync();
        }
        await Eventually.Get(() => Prometheus.RefusedAsync(diplomacy, "diplomacy", nameof(PersonnelPledged), "logistics"), n => n == refusedBefore + 1,
            what: "diplomacy to refuse logistics' PersonnelPledged");

        var genuine = Pledged("JAM", 100);
        await hub.PublishAsync("personnel", genuine, typeof(PersonnelPledged), genuine.EventId, CancellationToken.None);

        var brief = await Eventually.Get(Brief, b => b.PledgedOfficers > 0, what: "diplomacy to apply personnel's own pledge");
        Assert.Equal(100, brief.PledgedOfficers);
        await using var diplomacyScope = diplomacy.Services.CreateAsyncScope();
        var processed = await diplomacyScope.ServiceProvider.GetRequiredService<DiplomacyDbContext>().ProcessedMessages.Select(p => p.MessageId).ToListAsync();
        Assert.Contains(genuine.EventId, processed);
        Assert.DoesNotContain(forged.EventId, processed);
    }

    private async Task<WebApplication> StartAsync(ServiceModule module)
    {
        var host = module.Build(SuiteHost.HostSettings(new Dictionary<string, string?>
        {
            ["Database:SqliteDirectory"] = dataDirectory,
            ["Messaging:RabbitMqUri"] = "",
            ["Messaging:Transport"] = "InProcess",
        }), services => services.AddSingleton(hub), contentRoot: dataDirectory);
        await host.Services.MigrateDatabaseAsync();
        await host.StartAsync();
        return host;
    }

    private Task<PartnerBrief> Brief() =>
        new PartnerService.PartnerServiceClient(channel).GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "JAM" },
            Bearer.Headers(TestTokens.For("HTI", Roles.Diplomat))).ResponseAsync;
}
