using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Personnel.Equipment;

/// <summary>
/// One MOU line of a contingent's major equipment as logistics last inspected it (EquipmentInspected,
/// ServiceabilityBelowThreshold): personnel's copy, so that the strength report shows which contingents are deployed
/// with reduced capability, without calling logistics. The latest inspection wins; a late older one changes nothing.
/// </summary>
public sealed class EquipmentCondition
{
    /// <summary>Logistics' MOU line id (the events' subject).</summary>
    public string EquipmentLineId { get; init; } = "";
    public string ContingentId { get; set; } = "";
    public string Nation { get; set; } = "";
    /// <summary>The inspection held here: the latest by inspection day, then by when logistics recorded it.</summary>
    public string InspectionId { get; set; } = "";
    public DateOnly InspectedOn { get; set; }
    public DateTime RecordedAt { get; set; }
    public int ServiceabilityPercent { get; set; }
    /// <summary>Logistics found the line below the serviceability it must keep at that inspection.</summary>
    public bool BelowThreshold { get; set; }
    public int Revision { get; set; }
}

public sealed class EquipmentConditionConfiguration : IEntityTypeConfiguration<EquipmentCondition>
{
    public void Configure(EntityTypeBuilder<EquipmentCondition> b)
    {
        b.ToTable("equipment_conditions");
        b.HasKey(x => x.EquipmentLineId);
        b.Property(x => x.EquipmentLineId).HasMaxLength(32);
        b.Property(x => x.ContingentId).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.InspectionId).HasMaxLength(32);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => new { x.ContingentId, x.BelowThreshold });
    }
}
