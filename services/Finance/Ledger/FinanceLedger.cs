using Coordination.Finance.Persistence;
using Coordination.Requests;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Ledger;

/// <summary>
/// Serialises the service's writes on the ledger head and chains entries to it. It guards every finance write
/// (<see cref="IWriteGuard"/>): first in the write's transaction it locks the head row (PostgreSQL:
/// <c>SELECT … FOR UPDATE</c>; SQLite: the transaction itself takes the write lock), so sequence numbers have no gaps,
/// each entry's previous hash is the hash committed just before it, and the running totals cannot lose an update. A
/// request-id check made inside the lock sees every earlier commit. A write that would take a running total out of its
/// bound is refused (<see cref="RunningTotals"/>) and rolls back.
/// </summary>
public sealed class FinanceLedger(FinanceDbContext db) : IWriteGuard
{
    private LedgerHead? head;

    /// <summary>The head locked by the current write.</summary>
    public LedgerHead Head => head ?? throw new InvalidOperationException("The ledger head is not locked; write through Writes (a consumer: EnterAsync first).");

    /// <summary>
    /// Locks the head for the current transaction: every write does, through <see cref="Writes"/>, and the one consumer
    /// that appends to the ledger (in its own transaction) does first.
    /// </summary>
    public async Task EnterAsync(CancellationToken ct)
    {
        if (head is not null)
        {
            return;
        }
        head = db.Database.IsNpgsql()
            ? (await db.LedgerHeads.FromSqlRaw("""SELECT * FROM ledger_head WHERE "Id" = 1 FOR UPDATE""").ToListAsync(ct)).Single()
            : await db.LedgerHeads.SingleAsync(h => h.Id == LedgerHead.SingleId, ct);
    }

    public Exception? Refusal(Exception failure) => RunningTotals.IsOutOfRange(failure) ? RunningTotals.Refusal() : null;

    /// <summary>Chains <paramref name="entry"/> after the head and moves the head to it; saved with the rest of the write.</summary>
    public void Append(ILedgerEntry entry)
    {
        var locked = Head;
        entry.Chain(locked.Sequence + 1, locked.Hash);
        locked.Sequence = entry.Sequence;
        locked.Hash = entry.Hash;
        locked.Revision++;
    }
}
