using System.Text.Json;
using Coordination.Errors;
using Coordination.Events;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.Messaging;

/// <summary>
/// Publishes what the outbox holds: claims a batch, publishes each event with its id as the message id, marks it
/// dispatched. A failed publish (broker down, timeout) leaves the event in the outbox with a growing backoff, so
/// an outage delays events but never drops them. Delivery is at least once; consumers deduplicate by id.
/// </summary>
public sealed partial class OutboxRelay(
    IServiceScopeFactory scopes,
    IEventTransport transport,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    OutboxMetrics metrics,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan HousekeepingInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan DrainOnStop = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextHousekeeping = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan? wait;
            var woken = signal.Next; // taken before the pass, so a commit during the pass is not missed
            try
            {
                wait = await RelayOnceAsync(stoppingToken);
                if (time.GetUtcNow().UtcDateTime >= nextHousekeeping)
                {
                    await PurgeAsync(stoppingToken);
                    nextHousekeeping = time.GetUtcNow().UtcDateTime + HousekeepingInterval;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Typically the database is unreachable; nothing was lost, try again later.
                LogPassFailed(logger, e);
                wait = options.Value.MaxBackoff;
            }

            if (wait is null)
            {
                continue;
            }
            try
            {
                if (wait == options.Value.PollInterval)
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    var woke = await Task.WhenAny(woken, Task.Delay(wait.Value, timeout.Token)) == woken;
                    await timeout.CancelAsync(); // the poll's timer is not left running after a wake
                    stoppingToken.ThrowIfCancellationRequested();
                    if (woke && options.Value.GatherWindow > TimeSpan.Zero)
                    {
                        // Woken by a commit: let the events of the next few commits join this pass, so that a busy
                        // service publishes in batches instead of paying a relay pass per event. Real time on purpose:
                        // a test's controlled clock must not hold events back.
                        await Task.Delay(options.Value.GatherWindow, stoppingToken);
                    }
                }
                else
                {
                    // After a failure, wait out the backoff even when new events arrive.
                    await Task.Delay(wait.Value, time, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Drain what was committed before shutdown while the bus is still up (it stops after this service).
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        drain.CancelAfter(DrainOnStop);
        try
        {
            while (await RelayOnceAsync(drain.Token) is null)
            {
            }
        }
        catch (Exception e)
        {
            // Stopping must not fail: whatever was not published stays in the outbox for the next start.
            LogDrainIncomplete(logger, e.Message);
        }
    }

    /// <summary>One pass. Returns null when more may be waiting, otherwise how long to wait.</summary>
    public async Task<TimeSpan?> RelayOnceAsync(CancellationToken ct)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        var now = time.GetUtcNow().UtcDateTime;

        // Claim the oldest waiting events in one statement. The claim condition is repeated outside the subquery so that
        // two replicas racing for the same rows cannot both take them (PostgreSQL re-checks it on the locked row).
        var claim = Guid.NewGuid();
        var leaseEnd = now + o.ClaimLease;
        var waiting = db.OutboxMessages
            .Where(m => m.DispatchedAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(o.BatchSize);
        var claimed = await db.OutboxMessages
            .Where(m => waiting.Contains(m.Id) && m.DispatchedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, claim).SetProperty(m => m.ClaimedUntil, leaseEnd), ct);
        if (claimed == 0)
        {
            return o.PollInterval;
        }
        var batch = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ClaimToken == claim)
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
            .ToListAsync(ct);

        var published = new List<Guid>(batch.Count);
        try
        {
            foreach (var message in batch)
            {
                try
                {
                    await PublishAsync(message, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    var backoff = Backoff(message.Attempts + 1);
                    await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                        .SetProperty(m => m.NextAttemptAt, time.GetUtcNow().UtcDateTime + backoff)
                        .SetProperty(m => m.LastError, Refusals.Cut(e.Message, 2000))
                        .SetProperty(m => m.ClaimToken, (Guid?)null)
                        .SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
                    metrics.Failed(message.MessageType);
                    LogPublishFailed(logger, message.MessageType, message.Id, message.Attempts + 1, backoff, e.Message);
                    return backoff;
                }
                published.Add(message.Id);
                metrics.Published(message.MessageType, time.GetUtcNow().UtcDateTime - message.OccurredAt);
            }
        }
        finally
        {
            // What went out is marked in one statement (also when a later event failed or the pass was cancelled), and
            // what was not attempted is released for the next pass.
            await MarkDispatchedAsync(db, published);
            if (published.Count < batch.Count)
            {
                await Release(db, claim);
            }
        }
        return batch.Count < o.BatchSize ? o.PollInterval : null;
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken ct)
    {
        var type = EventCatalog.Find(message.MessageType)
            ?? throw new InvalidOperationException($"Unknown event type '{message.MessageType}'.");
        var payload = JsonSerializer.Deserialize(message.Payload, type, EventCatalog.JsonOptions)
            ?? throw new InvalidOperationException($"Event {message.Id} has an empty payload.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.PublishTimeout);
        try
        {
            await transport.PublishAsync(payload, type, message.Id, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"Publishing took longer than {options.Value.PublishTimeout.TotalSeconds:0} s.");
        }
    }

    private async Task MarkDispatchedAsync(ServiceDbContext db, List<Guid> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }
        var dispatchedAt = time.GetUtcNow().UtcDateTime;
        await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.DispatchedAt, dispatchedAt)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
    }

    private static Task Release(ServiceDbContext db, Guid claim) =>
        db.OutboxMessages.Where(m => m.ClaimToken == claim).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);

    private TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Pow(2, Math.Min(attempts - 1, 16));
        return TimeSpan.FromSeconds(Math.Min(seconds, options.Value.MaxBackoff.TotalSeconds));
    }

    private async Task PurgeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.Retention;
        await db.OutboxMessages.Where(m => m.DispatchedAt != null && m.DispatchedAt < cutoff).ExecuteDeleteAsync(ct);
        await db.ProcessedMessages.Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(ct);
        await db.RequestRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {MessageType} {MessageId} failed (attempt {Attempt}); retrying in {Backoff}: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, string messageType, Guid messageId, int attempt, TimeSpan backoff, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay pass failed; events stay in the outbox")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox not fully drained at shutdown ({Reason}); the next start publishes the rest")]
    private static partial void LogDrainIncomplete(ILogger logger, string reason);
}
