using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Coordination.Persistence;

/// <summary>
/// Wakes what waits in this process for commits of a kind (the outbox relay for new events, personnel's strength
/// streams for changed strength) as soon as such a commit is done. Only this replica's commits are seen: whoever waits
/// also polls, which is what makes it correct with several replicas; the signal only makes it prompt.
/// </summary>
public abstract class CommitSignal
{
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the first commit of this kind after it was read: read it before looking, then wait on it.</summary>
    public Task Next => Volatile.Read(ref next).Task;

    public void Notify() => Interlocked.Exchange(ref next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Whether the changes <paramref name="db"/> is about to save are of this kind.</summary>
    public abstract bool Concerns(ServiceDbContext db);
}

/// <summary>
/// Raises the <see cref="CommitSignal"/>s a save concerns once it is committed: after the save itself, or inside an
/// explicit transaction after its commit (a rolled-back transaction raises nothing).
/// </summary>
public sealed class CommitSignalInterceptor(IEnumerable<CommitSignal> signals) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly CommitSignal[] signals = [.. signals];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ServiceDbContext db)
        {
            foreach (var signal in signals)
            {
                if (signal.Concerns(db))
                {
                    db.SignalsOnCommit.Add(signal);
                }
            }
        }
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ServiceDbContext db && db.Database.CurrentTransaction is null)
        {
            Raise(db);
        }
        return ValueTask.FromResult(result);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ServiceDbContext db && db.Database.CurrentTransaction is null)
        {
            db.SignalsOnCommit.Clear();
        }
        return Task.CompletedTask;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ServiceDbContext db)
        {
            Raise(db);
        }
        return Task.CompletedTask;
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as ServiceDbContext)?.SignalsOnCommit.Clear();
        return Task.CompletedTask;
    }

    private static void Raise(ServiceDbContext db)
    {
        foreach (var signal in db.SignalsOnCommit)
        {
            signal.Notify();
        }
        db.SignalsOnCommit.Clear();
    }
}

public static class CommitSignals
{
    /// <summary>Registers <typeparamref name="TSignal"/> once, for those who wait on it and for the interceptor that raises it.</summary>
    public static IServiceCollection AddCommitSignal<TSignal>(this IServiceCollection services) where TSignal : CommitSignal
    {
        services.TryAddSingleton<TSignal>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<CommitSignal, TSignal>(sp => sp.GetRequiredService<TSignal>()));
        return services;
    }
}
