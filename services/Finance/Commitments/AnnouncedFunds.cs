using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Finance.Commitments;

/// <summary>
/// Money a donor announced to diplomacy (a FUNDS commitment, e.g. "USD 10M to the trust fund"): what finance expects
/// to see pledged and paid. One row per commitment, so a second announcement event for it counts once. No flow is
/// recorded for it: it is a promise, not a contribution, and counts in no pledged, funded or paid total.
/// </summary>
public sealed class AnnouncedFunds
{
    public string CommitmentId { get; init; } = "";
    public string Donor { get; init; } = "";
    public long UsdCents { get; init; }
    public DateOnly DueOn { get; init; }
    public string EngagementId { get; init; } = "";
    public DateTime AnnouncedAt { get; init; }
    public Guid EventId { get; init; }
}

public sealed class AnnouncedFundsConfiguration : IEntityTypeConfiguration<AnnouncedFunds>
{
    public void Configure(EntityTypeBuilder<AnnouncedFunds> b)
    {
        b.ToTable("announced_funds");
        b.HasKey(x => x.CommitmentId);
        b.Property(x => x.CommitmentId).HasMaxLength(32);
        b.Property(x => x.Donor).HasMaxLength(3);
        b.Property(x => x.EngagementId).HasMaxLength(32);
        // The donor report sums them per donor.
        b.HasIndex(x => x.Donor);
    }
}
