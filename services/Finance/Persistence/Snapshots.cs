using System.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Persistence;

/// <summary>
/// Reports that read several tables read them as of one moment. On PostgreSQL that is a repeatable-read transaction
/// (one snapshot for every query in it), so a report never shows a write half-applied: figures from before a commit
/// beside figures from after it. SQLite (the local run) reads without one: there a transaction would take the write lock.
/// </summary>
public static class Snapshots
{
    public static async Task<T> ReadAsync<T>(this FinanceDbContext db, Func<Task<T>> read, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql() || db.Database.CurrentTransaction is not null)
        {
            return await read();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var result = await read();
        await transaction.CommitAsync(ct);
        return result;
    }
}
