using System.Collections.Concurrent;
using Coordination.Events;
using Coordination.Messaging;
using Coordination.Persistence;
using Coordination.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Coordination.Tests.Messaging;

/// <summary>
/// Several replicas of a service relay one PostgreSQL outbox: while commits keep adding events, three relays claim
/// small batches of it at the same time, and every event is published exactly once and marked dispatched once.
/// </summary>
public sealed class OutboxReplicaTests : IAsyncLifetime
{
    private SuiteHost suite = null!;

    public async Task InitializeAsync()
    {
        suite = await SuiteHost.StartAsync(["diplomacy"]);
        // The service's own relay steps aside; the test's relays are the replicas.
        await suite.Service("diplomacy").Services.GetRequiredService<OutboxRelay>().StopAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await suite.DisposeAsync();

    [Fact]
    public async Task Three_relays_racing_for_one_outbox_publish_every_event_exactly_once()
    {
        var services = suite.Service("diplomacy").Services;
        var published = new ConcurrentDictionary<Guid, int>();
        var transports = Enumerable.Range(0, 3).Select(_ => new CountingTransport(published)).ToList();
        var options = Options.Create(new OutboxOptions { BatchSize = 7, GatherWindow = TimeSpan.Zero });
        var relays = transports.Select(transport => new OutboxRelay(services.GetRequiredService<IServiceScopeFactory>(), transport,
            new OutboxSignal(), options, TimeProvider.System, services.GetRequiredService<OutboxMetrics>(), NullLogger<OutboxRelay>.Instance)).ToList();

        const int commits = 30, perCommit = 10;
        var written = new List<Guid>();
        using var writing = new CancellationTokenSource();
        var racing = relays.Select(relay => Task.Run(async () =>
        {
            // Keep relaying while commits arrive, then until a pass finds nothing left.
            while (!writing.IsCancellationRequested | await relay.RelayOnceAsync(CancellationToken.None) is null)
            {
            }
        })).ToList();

        for (var c = 0; c < commits; c++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
            for (var e = 0; e < perCommit; e++)
            {
                var expiring = new MandateExpiring
                {
                    OccurredAt = DateTime.UtcNow, SubjectId = Ids.New(), ResolutionSymbol = $"S/RES/{c * perCommit + e} (2026)",
                    PeriodEnd = new DateOnly(2026, 10, 2), DaysBefore = 30,
                };
                db.Publish(expiring);
                written.Add(expiring.EventId);
            }
            await db.SaveChangesAsync();
        }
        await writing.CancelAsync();
        await Task.WhenAll(racing);
        // Nothing is left for one more pass.
        Assert.Equal(options.Value.PollInterval, await relays[0].RelayOnceAsync(CancellationToken.None));

        Assert.True(transports.Count(t => t.Count > 0) >= 2, $"the relays raced: published per relay {string.Join(", ", transports.Select(t => t.Count))}");
        Assert.Equal(written.Order(), published.Keys.Order());
        Assert.All(published, p => Assert.Equal(1, p.Value));
        await using (var scope = services.CreateAsyncScope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<ServiceDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => written.Contains(m.Id)).ToListAsync();
            Assert.Equal(commits * perCommit, rows.Count);
            Assert.All(rows, row =>
            {
                Assert.NotNull(row.DispatchedAt);
                Assert.Equal(1, row.Attempts);
                Assert.Null(row.ClaimToken);
            });
        }
    }

    /// <summary>One relay's transport: counts what it published, into a tally shared by all relays.</summary>
    private sealed class CountingTransport(ConcurrentDictionary<Guid, int> published) : IEventTransport
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public async Task PublishAsync(object message, Type type, Guid messageId, CancellationToken ct)
        {
            // A publish takes a moment, as on a broker, so that passes overlap.
            await Task.Delay(1, ct);
            published.AddOrUpdate(messageId, 1, (_, n) => n + 1);
            Interlocked.Increment(ref count);
        }
    }
}
