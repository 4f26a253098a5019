namespace Coordination.Finance.Ledger;

/// <summary>An entry of the finance ledger: a contribution version or a disbursement, chained to the one before it.</summary>
public interface ILedgerEntry
{
    /// <summary>Id of the record the entry is about (contribution or disbursement).</summary>
    string RecordId { get; }
    /// <summary>Position in the ledger, from 1, without gaps.</summary>
    long Sequence { get; set; }
    string PreviousHash { get; set; }
    string Hash { get; set; }

    /// <summary>Kind of entry as the canonical form and the verification name it.</summary>
    string EntryKind { get; }

    /// <summary>The entry's fields in their canonical form, sequence included.</summary>
    CanonicalForm Canonical();
}

public static class LedgerEntries
{
    /// <summary>Places the entry after the current head: its sequence, the previous hash, and its own hash.</summary>
    public static void Chain(this ILedgerEntry entry, long sequence, string previousHash)
    {
        entry.Sequence = sequence;
        entry.PreviousHash = previousHash;
        entry.Hash = entry.Canonical().Hash(previousHash);
    }
}
