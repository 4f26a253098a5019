using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Diplomacy.Deadlines;

/// <summary>That a deadline warning went out, so it goes out once (per mandate end and threshold) across replicas.</summary>
public sealed class DeadlineNotice
{
    /// <summary>What the warning is about: a mandate id or a commitment id.</summary>
    public string SubjectId { get; init; } = "";
    /// <summary>"MandateExpiring:90", "MandateExpiring:30" or "CommitmentSlipping".</summary>
    public string Kind { get; init; } = "";
    /// <summary>The deadline warned about; a renewal moves it, which makes a new warning due.</summary>
    public DateOnly Deadline { get; init; }
    public DateTime SentAt { get; init; }
}

public sealed class DeadlineNoticeConfiguration : IEntityTypeConfiguration<DeadlineNotice>
{
    public void Configure(EntityTypeBuilder<DeadlineNotice> b)
    {
        b.ToTable("deadline_notices");
        b.HasKey(x => new { x.SubjectId, x.Kind, x.Deadline });
        b.Property(x => x.SubjectId).HasMaxLength(32);
        b.Property(x => x.Kind).HasMaxLength(40);
    }
}
