using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Personnel.Equipment;

/// <summary>
/// Whether a contingent is deployed with reduced capability (a line of its major equipment below its threshold at its
/// latest inspection), as personnel last announced it: each change is announced once, numbered, so that the services
/// hearing ContingentCapabilityChanged keep the latest whatever order the events arrive in.
/// </summary>
public sealed class ContingentCapability
{
    public string ContingentId { get; init; } = "";
    public bool Reduced { get; set; }
    /// <summary>The number of the last announcement: 1 for the first, one more for each change.</summary>
    public int Sequence { get; set; }
    public int Revision { get; set; }
}

public sealed class ContingentCapabilityConfiguration : IEntityTypeConfiguration<ContingentCapability>
{
    public void Configure(EntityTypeBuilder<ContingentCapability> b)
    {
        b.ToTable("contingent_capabilities");
        b.HasKey(x => x.ContingentId);
        b.Property(x => x.ContingentId).HasMaxLength(32);
        b.Property(x => x.Revision).IsConcurrencyToken();
    }
}
