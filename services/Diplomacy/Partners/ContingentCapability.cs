using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Diplomacy.Partners;

/// <summary>
/// A contingent's capability as personnel last reported it (reduced: its major equipment below its serviceability
/// threshold), for its nation's brief. The highest announcement number wins, whatever the order events arrive in; a
/// contingent gone home stays marked so, and a late report about it changes nothing.
/// </summary>
public sealed class ContingentCapability
{
    public string ContingentId { get; init; } = "";
    public string Nation { get; set; } = "";
    public bool Reduced { get; set; }
    public DateOnly InspectedOn { get; set; }
    /// <summary>The number of personnel's announcement held here (ContingentCapabilityChanged.Sequence).</summary>
    public int Sequence { get; set; }
    /// <summary>The contingent went home (ContingentRepatriated): it no longer counts, whatever arrives after.</summary>
    public bool Repatriated { get; set; }
    public int Revision { get; set; }
}

public sealed class ContingentCapabilityConfiguration : IEntityTypeConfiguration<ContingentCapability>
{
    public void Configure(EntityTypeBuilder<ContingentCapability> b)
    {
        b.ToTable("contingent_capabilities");
        b.HasKey(x => x.ContingentId);
        b.Property(x => x.ContingentId).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => new { x.Nation, x.Reduced });
    }
}
