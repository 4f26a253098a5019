using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Diplomacy.Partners;

/// <summary>
/// A contingent personnel reported with reduced capability (its major equipment below its serviceability threshold),
/// for its nation's brief; gone when personnel reports it restored or the contingent goes home.
/// </summary>
public sealed class ContingentCapability
{
    public string ContingentId { get; init; } = "";
    public string Nation { get; set; } = "";
    public bool Reduced { get; set; }
    public DateOnly InspectedOn { get; set; }
    /// <summary>When the change held here happened; an older event arriving late does not overwrite it.</summary>
    public DateTime ChangedAt { get; set; }
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
