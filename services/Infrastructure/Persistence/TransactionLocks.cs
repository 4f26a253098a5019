using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Coordination.Persistence;

/// <summary>
/// Serialises a rule that reads a total and then writes against it (the mandate's personnel ceiling): every replica
/// takes the same named lock in its write's transaction, so the second writer reads the total after the first committed.
/// PostgreSQL: a transaction-scoped advisory lock, released at commit or rollback. SQLite: the write transaction itself
/// is the lock (Microsoft.Data.Sqlite begins it IMMEDIATE, and the database has one writer at a time).
/// </summary>
public static class TransactionLocks
{
    /// <summary>Holds lock <paramref name="key"/> until the current transaction ends: call it in a write (<see cref="Requests.Writes"/>), before reading what the rule counts.</summary>
    public static async Task HoldLockAsync(this DatabaseFacade database, long key, CancellationToken ct)
    {
        if (database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A transaction-scoped lock outside a transaction would be released at once; take it inside a write.");
        }
        if (database.IsNpgsql())
        {
            await database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [key], ct);
        }
    }
}
