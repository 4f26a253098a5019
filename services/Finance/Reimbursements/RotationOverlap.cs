using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Finance.Reimbursements;

/// <summary>
/// A relief in place personnel scheduled: for <see cref="OverlapDays"/> the incoming contingent is on duty beside the
/// outgoing one, doubling the site's headcount. Finance accrues the incoming officers for those days at the personnel
/// rate when the rotation is scheduled. One row per rotation (its id is the key).
/// </summary>
public sealed class RotationOverlap
{
    public string RotationId { get; init; } = "";
    /// <summary>The incoming contingent's nation, whose officers the overlap adds.</summary>
    public string Nation { get; init; } = "";
    public string IncomingContingentId { get; init; } = "";
    public string OutgoingContingentId { get; init; } = "";
    public string SiteId { get; init; } = "";
    public int IncomingOfficerCount { get; init; }
    public DateOnly IncomingArrivesOn { get; init; }
    public int OverlapDays { get; init; }
    public DateTime ScheduledAt { get; init; }

    /// <summary>Incoming officers × monthly rate × overlap days / 30; unrounded.</summary>
    public decimal AccruedUsd(decimal monthlyRate) => Proration.Accrued(IncomingOfficerCount, monthlyRate, 1m, OverlapDays);

    public long OfficerDays => (long)IncomingOfficerCount * OverlapDays;
}

public sealed class RotationOverlapConfiguration : IEntityTypeConfiguration<RotationOverlap>
{
    public void Configure(EntityTypeBuilder<RotationOverlap> b)
    {
        b.ToTable("rotation_overlaps");
        b.HasKey(x => x.RotationId);
        b.Property(x => x.RotationId).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.IncomingContingentId).HasMaxLength(32);
        b.Property(x => x.OutgoingContingentId).HasMaxLength(32);
        b.Property(x => x.SiteId).HasMaxLength(32);
        b.HasIndex(x => x.Nation);
    }
}
