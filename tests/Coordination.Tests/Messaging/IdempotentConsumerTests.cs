using Coordination.Auth;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Events;
using Coordination.Tests.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Coordination.Tests.Messaging;

/// <summary>Consumers deduplicate by message id: a redelivered event changes nothing twice.</summary>
public sealed class IdempotentConsumerTests : IAsyncLifetime
{
    private readonly ConsumeCounter consumed = new();
    private SuiteHost suite = null!;
    private IBusControl bus = null!;

    public async Task InitializeAsync()
    {
        suite = await SuiteHost.StartAsync(["diplomacy"]);
        bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(suite.RabbitMqUri));
            cfg.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, suite.Prefix));
        });
        await bus.StartAsync();
        suite.Service("diplomacy").Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed);
    }

    public async Task DisposeAsync()
    {
        await bus.StopAsync();
        await suite.DisposeAsync();
    }

    [Fact]
    public async Task The_same_event_delivered_twice_counts_once_while_a_new_event_counts_again()
    {
        var pledge = new ContributionPledged
        {
            OccurredAt = DateTime.UtcNow,
            SubjectId = Guid.NewGuid().ToString("N"),
            Nation = "NOR",
            Currency = "USD",
            AmountMinorUnits = 500_000_000,
            UsdCents = 500_000_000,
            Channel = "TRUST_FUND",
        };

        await bus.Publish(pledge, context => context.MessageId = pledge.EventId);
        await bus.Publish(pledge, context => context.MessageId = pledge.EventId);
        await Eventually.Get(() => Task.FromResult(consumed.Count), n => n == 2, what: "both deliveries to be consumed");
        var brief = await Brief("NOR");
        Assert.Equal(1, brief.ContributionsPledged);
        Assert.Equal(5_000_000, brief.PledgedUsd.Units);

        var another = pledge with { EventId = Guid.NewGuid(), SubjectId = Guid.NewGuid().ToString("N") };
        await bus.Publish(another, context => context.MessageId = another.EventId);
        brief = await Eventually.Get(() => Brief("NOR"), b => b.ContributionsPledged == 2, what: "the second pledge");
        Assert.Equal(10_000_000, brief.PledgedUsd.Units);

        await using var scope = suite.Scope("diplomacy");
        var db = scope.ServiceProvider.GetRequiredService<DiplomacyDbContext>();
        Assert.Equal(2, await db.ProcessedMessages.CountAsync(p => p.Consumer == "ContributionPledgedConsumer"));
    }

    private Task<PartnerBrief> Brief(string nation) =>
        suite.Client<PartnerService.PartnerServiceClient>("diplomacy", TestTokens.For("HTI", Roles.Diplomat))
            .GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = nation }).ResponseAsync;

    /// <summary>Counts deliveries the diplomacy host finished consuming, duplicates included.</summary>
    private sealed class ConsumeCounter : IConsumeObserver
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.Message is ContributionPledged)
            {
                Interlocked.Increment(ref count);
            }
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
