using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Personnel.Pledges;

/// <summary>
/// Officers a nation announced it would pledge (diplomacy's CommitmentAnnounced of kind PERSONNEL), kept as diplomacy
/// announced it; what has been pledged against it is counted when it is read (<see cref="ExpectedPledgeTally"/>).
/// </summary>
public sealed class ExpectedPledge
{
    /// <summary>Diplomacy's commitment id.</summary>
    public string CommitmentId { get; init; } = "";
    public string Nation { get; init; } = "";
    public int Officers { get; init; }
    public DateOnly DueOn { get; init; }
    /// <summary>The day diplomacy recorded the announcement: pledges made from this day on count against it.</summary>
    public DateOnly AnnouncedOn { get; init; }
    public DateTime AnnouncedAt { get; init; }
    public string EngagementId { get; init; } = "";
}

public sealed class ExpectedPledgeConfiguration : IEntityTypeConfiguration<ExpectedPledge>
{
    public void Configure(EntityTypeBuilder<ExpectedPledge> b)
    {
        b.ToTable("expected_pledges");
        b.HasKey(x => x.CommitmentId);
        b.Property(x => x.CommitmentId).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.EngagementId).HasMaxLength(32);
        b.HasIndex(x => new { x.Nation, x.DueOn });
    }
}
