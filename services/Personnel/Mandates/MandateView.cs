using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Personnel.Mandates;

/// <summary>The mandate as diplomacy last announced it: personnel's local copy, so deployments never call diplomacy.</summary>
public sealed class MandateView
{
    public string MandateId { get; init; } = "";
    public string ResolutionSymbol { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public int PersonnelCeiling { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Revision { get; set; }
}

public sealed class MandateViewConfiguration : IEntityTypeConfiguration<MandateView>
{
    public void Configure(EntityTypeBuilder<MandateView> b)
    {
        b.ToTable("mandates");
        b.HasKey(x => x.MandateId);
        b.Property(x => x.MandateId).HasMaxLength(32);
        b.Property(x => x.ResolutionSymbol).HasMaxLength(60);
        b.HasIndex(x => x.PeriodEnd);
        b.Property(x => x.Revision).IsConcurrencyToken();
    }
}
