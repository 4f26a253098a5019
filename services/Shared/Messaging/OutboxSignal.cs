using Coordination.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace Coordination.Messaging;

/// <summary>Wakes the outbox relay as soon as a transaction that wrote events commits.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
        {
            try { signal.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);

    public void Dispose() => signal.Dispose();
}

/// <summary>Raises <see cref="OutboxSignal"/> after a save (or, inside an explicit transaction, after its commit).</summary>
public sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ServiceDbContext { HasNewEvents: true } db && db.Database.CurrentTransaction is null)
        {
            db.HasNewEvents = false;
            signal.Notify();
        }
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ServiceDbContext { HasNewEvents: true } db)
        {
            db.HasNewEvents = false;
            signal.Notify();
        }
        return Task.CompletedTask;
    }
}
