using Coordination.Personnel.Agreements;
using Coordination.Personnel.Contingents;
using Coordination.Personnel.Mandates;
using Coordination.Personnel.Officers;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.Pledges;
using Coordination.Personnel.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace Coordination.Personnel.Strength;

/// <summary>
/// Wakes this replica's strength streams when one of its own commits touched what the report counts. Other replicas'
/// commits are not seen here: streams also re-read on a poll interval, which is what makes them correct with several
/// replicas; this only makes them prompt.
/// </summary>
public sealed class StrengthSignal
{
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next notification after it was read.</summary>
    public Task Next => Volatile.Read(ref next).Task;

    public void Notify() => Interlocked.Exchange(ref next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}

/// <summary>Notifies <see cref="StrengthSignal"/> after a save (or, inside an explicit transaction, its commit) that changed strength.</summary>
public sealed class StrengthChangeInterceptor(StrengthSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PersonnelDbContext db && db.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && e.Entity is Contingent or Pledge or Officer or MandateView or SiteView or StatusOfForcesParty))
        {
            db.StrengthChanged = true;
        }
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PersonnelDbContext { StrengthChanged: true } db && db.Database.CurrentTransaction is null)
        {
            db.StrengthChanged = false;
            signal.Notify();
        }
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PersonnelDbContext { StrengthChanged: true } db)
        {
            db.StrengthChanged = false;
            signal.Notify();
        }
        return Task.CompletedTask;
    }
}

/// <summary>How strength streams poll and keep alive. Bound from <c>Personnel:StrengthStream</c>.</summary>
public sealed class StrengthStreamOptions
{
    public const string Section = "Personnel:StrengthStream";

    /// <summary>Longest a stream waits before re-reading the report, to see changes made through other replicas.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest a stream stays silent; then it repeats the report so proxies keep it open.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);
}
