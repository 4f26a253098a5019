using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Finance.Ledger;

/// <summary>
/// Where the finance ledger ends, and the trust fund's running totals it implies. One row, locked by every write
/// for the length of its transaction, so entries are chained one after another even across replicas; the totals are
/// kept here because every write that changes them holds this row anyway.
/// </summary>
public sealed class LedgerHead
{
    public const int SingleId = 1;

    public int Id { get; init; } = SingleId;
    public long Sequence { get; set; }
    public string Hash { get; set; } = CanonicalForm.Genesis;
    /// <summary>Paid donor contributions through the trust-fund channel (to the fund or a line), US cents.</summary>
    public long ReceivedUsdCents { get; set; }
    /// <summary>Of those, the ones paid to the fund without a budget line.</summary>
    public long ReceivedUnearmarkedUsdCents { get; set; }
    /// <summary>Allocations from the fund to budget lines that have been paid (transferred), US cents.</summary>
    public long AllocatedPaidUsdCents { get; set; }
    public long DisbursedUsdCents { get; set; }
    public int Revision { get; set; }

    public long UnallocatedUsdCents => ReceivedUnearmarkedUsdCents - AllocatedPaidUsdCents;
}

public sealed class LedgerHeadConfiguration : IEntityTypeConfiguration<LedgerHead>
{
    public void Configure(EntityTypeBuilder<LedgerHead> b)
    {
        b.ToTableWithBoundedTotals("ledger_head", nameof(LedgerHead.ReceivedUsdCents), nameof(LedgerHead.ReceivedUnearmarkedUsdCents),
            nameof(LedgerHead.AllocatedPaidUsdCents), nameof(LedgerHead.DisbursedUsdCents));
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasData(new LedgerHead());
    }
}
