using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Finance.Reimbursements;

/// <summary>
/// Finance's copy of an inspection of contingent-owned equipment (one MOU line), from logistics' EquipmentInspected
/// (quantity, lease, serviceability) and ServiceabilityBelowThreshold (the reduction), whichever arrives first.
/// </summary>
public sealed class CoeInspection
{
    public const string Repatriation = "REPATRIATION";

    public string InspectionId { get; init; } = "";
    public string LineId { get; set; } = "";
    public string ContingentId { get; set; } = "";
    public string Nation { get; set; } = "";
    /// <summary>ARRIVAL, PERIODIC or REPATRIATION; empty until EquipmentInspected arrives.</summary>
    public string Kind { get; set; } = "";
    /// <summary>WET or DRY; empty until EquipmentInspected arrives.</summary>
    public string LeaseType { get; set; } = "";
    public int Quantity { get; set; }
    public int ServiceabilityPercent { get; set; }
    public DateOnly InspectedOn { get; set; }
    /// <summary>EquipmentInspected has arrived: quantity and lease are known.</summary>
    public bool Detailed { get; set; }
    /// <summary>ServiceabilityBelowThreshold has arrived: until the next inspection the line is reimbursed at its serviceability.</summary>
    public bool BelowThreshold { get; set; }
    public int Revision { get; set; }

    /// <summary>Share of the lease rate reimbursed until the next inspection: all of it, or the serviceability when below threshold.</summary>
    public decimal Factor => BelowThreshold ? ServiceabilityPercent / 100m : 1m;
}

public sealed class CoeInspectionConfiguration : IEntityTypeConfiguration<CoeInspection>
{
    public void Configure(EntityTypeBuilder<CoeInspection> b)
    {
        b.ToTable("coe_inspections");
        b.HasKey(x => x.InspectionId);
        b.Property(x => x.InspectionId).HasMaxLength(32);
        b.Property(x => x.LineId).HasMaxLength(32);
        b.Property(x => x.ContingentId).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.LeaseType).HasMaxLength(10);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => x.LineId);
        // A contingent's repatriation settles each of its lines.
        b.HasIndex(x => x.ContingentId);
    }
}
