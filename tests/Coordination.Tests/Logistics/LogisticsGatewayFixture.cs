using Coordination.Events;
using Coordination.Logistics.Persistence;
using Coordination.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Coordination.Tests.Logistics;

/// <summary>Logistics on PostgreSQL and RabbitMQ behind the real gateway, for a whole test class.</summary>
public sealed class LogisticsGatewayFixture : IAsyncLifetime
{
    public SuiteHost Suite { get; private set; } = null!;

    /// <summary>A deployed Kenyan contingent logistics knows, which the desks' requisitions are raised for.</summary>
    public string KenyanContingent { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Suite = await SuiteHost.StartAsync(["logistics"], gateway: true);
        KenyanContingent = await ContingentAsync("KEN", new DateOnly(2024, 6, 25));
    }

    public async Task DisposeAsync() => await Suite.DisposeAsync();

    public LogisticsDesk Desk(string token) => new(new SuiteGatewayClients(Suite, token), KenyanContingent);

    /// <summary>A contingent logistics knows from personnel's events (see <see cref="PersonnelAnnouncements"/>).</summary>
    public Task<string> ContingentAsync(string nation, DateOnly? deployedOn = null, DateOnly? repatriatedOn = null) =>
        PersonnelAnnouncements.ContingentAsync(Suite.Service("logistics").Services, nation, deployedOn, repatriatedOn);

    /// <summary>The events of one type about one subject that logistics wrote to its outbox, in the order written.</summary>
    public Task<List<T>> OutboxAsync<T>(string subjectId) where T : IntegrationEvent => Outbox.ReadAsync<T>(Suite.Scope("logistics"), subjectId);
}

public static class LogisticsOutbox
{
    /// <summary>Waits until the relay has published every outbox row about the subject to the broker.</summary>
    public static Task<int> PublishedAsync(Func<AsyncServiceScope> scope, string subjectId) =>
        Eventually.Get(async () =>
        {
            await using var s = scope();
            var db = s.ServiceProvider.GetRequiredService<LogisticsDbContext>();
            return await db.OutboxMessages.CountAsync(m => m.Payload.Contains(subjectId) && m.DispatchedAt == null);
        }, waiting => waiting == 0, what: $"the outbox relay to publish the events about {subjectId}");
}
