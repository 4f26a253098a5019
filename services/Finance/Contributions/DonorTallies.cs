using Coordination.Finance.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Finance.Contributions;

/// <summary>One donor's running totals over its own (external) contributions, for the donor report.</summary>
public sealed class DonorTotal
{
    public string Donor { get; init; } = "";
    public int ContributionCount { get; set; }
    public long PledgedUsdCents { get; set; }
    public long CommittedUsdCents { get; set; }
    public long PaidUsdCents { get; set; }
    public long SuspendedUsdCents { get; set; }
    public int UnvaluedCount { get; set; }
    /// <summary>Not yet paid (pledged, committed or suspended): the ageing report's oldest bucket is this minus the younger ones.</summary>
    public long UnpaidUsdCents { get; set; }
    public int UnpaidCount { get; set; }
    public int Revision { get; set; }
}

/// <summary>
/// A donor's unpaid contributions decided on one day: what the ageing buckets are summed from, by the day of the
/// report. A row goes when nothing decided that day is unpaid any more, so the report reads only open days.
/// </summary>
public sealed class DonorUnpaidDay
{
    public string Donor { get; init; } = "";
    public DateOnly DecidedOn { get; init; }
    public long UnpaidUsdCents { get; set; }
    public int UnpaidCount { get; set; }
    public int Revision { get; set; }
}

public sealed class DonorTotalConfiguration : IEntityTypeConfiguration<DonorTotal>
{
    public void Configure(EntityTypeBuilder<DonorTotal> b)
    {
        b.ToTableWithBoundedTotals("donor_totals", nameof(DonorTotal.PledgedUsdCents), nameof(DonorTotal.CommittedUsdCents),
            nameof(DonorTotal.PaidUsdCents), nameof(DonorTotal.SuspendedUsdCents), nameof(DonorTotal.UnpaidUsdCents));
        b.HasKey(x => x.Donor);
        b.Property(x => x.Donor).HasMaxLength(3);
        b.Property(x => x.Revision).IsConcurrencyToken();
    }
}

public sealed class DonorUnpaidDayConfiguration : IEntityTypeConfiguration<DonorUnpaidDay>
{
    public void Configure(EntityTypeBuilder<DonorUnpaidDay> b)
    {
        b.ToTableWithBoundedTotals("donor_unpaid_days", nameof(DonorUnpaidDay.UnpaidUsdCents));
        b.HasKey(x => new { x.Donor, x.DecidedOn });
        b.Property(x => x.Donor).HasMaxLength(3);
        // The ageing report reads only the last year of days; anything older is the donor's total unpaid minus them.
        b.HasIndex(x => x.DecidedOn);
        b.Property(x => x.Revision).IsConcurrencyToken();
    }
}
