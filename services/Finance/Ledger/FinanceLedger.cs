using Coordination.Finance.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Ledger;

/// <summary>
/// Serialises the service's writes on the ledger head and chains entries to it. A write runs in a transaction that
/// first locks the head row (PostgreSQL: <c>SELECT … FOR UPDATE</c>; SQLite: the transaction itself takes the write
/// lock), so sequence numbers have no gaps, each entry's previous hash is the hash committed just before it, and the
/// running totals cannot lose an update. A request-id check made inside the lock sees every earlier commit.
/// </summary>
public sealed class FinanceLedger(FinanceDbContext db)
{
    private LedgerHead? head;

    /// <summary>The head locked by the current write.</summary>
    public LedgerHead Head => head ?? throw new InvalidOperationException("The ledger head is not locked; write through WriteAsync.");

    /// <summary>
    /// Runs <paramref name="write"/> holding the head's lock, in a transaction of its own unless one is open (a consumer's).
    /// A write that would take a running total out of its bound is refused (<see cref="RunningTotals"/>) and rolls back.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        try
        {
            if (db.Database.CurrentTransaction is not null)
            {
                await LockAsync(ct);
                return await write();
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The whole write commits or rolls back as one: a savepoint around SaveChanges would only cost two round trips.
            db.Database.AutoSavepointsEnabled = false;
            await LockAsync(ct);
            var result = await write();
            await transaction.CommitAsync(ct);
            return result;
        }
        catch (Exception e) when (RunningTotals.IsOutOfRange(e))
        {
            throw RunningTotals.Refusal();
        }
    }

    /// <summary>Chains <paramref name="entry"/> after the head and moves the head to it; saved with the rest of the write.</summary>
    public void Append(ILedgerEntry entry)
    {
        var locked = Head;
        entry.Chain(locked.Sequence + 1, locked.Hash);
        locked.Sequence = entry.Sequence;
        locked.Hash = entry.Hash;
        locked.Revision++;
    }

    private async Task LockAsync(CancellationToken ct)
    {
        if (head is not null)
        {
            return;
        }
        head = db.Database.IsNpgsql()
            ? (await db.LedgerHeads.FromSqlRaw("""SELECT * FROM ledger_head WHERE "Id" = 1 FOR UPDATE""").ToListAsync(ct)).Single()
            : await db.LedgerHeads.SingleAsync(h => h.Id == LedgerHead.SingleId, ct);
    }
}
