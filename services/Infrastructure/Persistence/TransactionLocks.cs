using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Coordination.Persistence;

/// <summary>
/// Serialises a rule that reads a total and then writes against it (the mandate's personnel ceiling): every replica
/// takes the same named lock in its write transaction, so the second writer reads the total after the first committed.
/// PostgreSQL: a transaction-scoped advisory lock, released at commit or rollback. SQLite: the write transaction itself
/// is the lock (Microsoft.Data.Sqlite begins it IMMEDIATE, and the database has one writer at a time).
/// </summary>
public static class TransactionLocks
{
    /// <summary>Runs <paramref name="write"/> in a transaction of its own that holds lock <paramref name="key"/> until it commits.</summary>
    public static async Task<T> SerializedAsync<T>(this DbContext db, long key, Func<Task<T>> write, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db.Database, key, ct);
        var result = await write();
        await transaction.CommitAsync(ct);
        return result;
    }

    private static async Task LockAsync(DatabaseFacade database, long key, CancellationToken ct)
    {
        if (database.IsNpgsql())
        {
            await database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [key], ct);
        }
    }
}
