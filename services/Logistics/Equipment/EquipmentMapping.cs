using Coordination.Contracts;
using Coordination.Logistics.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Logistics.Equipment;

public sealed class EquipmentLineConfiguration : IEntityTypeConfiguration<EquipmentLine>
{
    public void Configure(EntityTypeBuilder<EquipmentLine> b)
    {
        b.ToTable("equipment_lines");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.ContingentId).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.Description).HasMaxLength(200);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.LeaseType).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.ComplexProperty(x => x.Audit);
        b.HasIndex(x => x.ContingentId);
        b.HasIndex(x => x.Nation);
    }
}

public sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.ToTable("equipment_inspections");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.EquipmentLineId).HasMaxLength(32);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Notes).HasMaxLength(1000);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.EquipmentLineId, x.Id });
        b.HasOne<EquipmentLine>().WithMany().HasForeignKey(x => x.EquipmentLineId);
    }
}

public static class EquipmentMapping
{
    public static V1.EquipmentLine ToProto(this EquipmentLine l)
    {
        var proto = new V1.EquipmentLine
        {
            Id = l.Id,
            ContingentId = l.ContingentId,
            NationCode = l.Nation,
            Description = l.Description,
            Category = l.Category,
            Quantity = l.Quantity,
            LeaseType = l.LeaseType,
            LastInspectedOn = l.LastInspectedOn.ToProto(),
            ClosedOn = l.ClosedOn.ToProto(),
            Audit = l.Audit.ToProto(),
        };
        if (l.LatestServiceabilityPercent is { } latest)
        {
            proto.LatestServiceabilityPercent = latest;
        }
        return proto;
    }

    public static V1.Inspection ToProto(this Inspection i) => new()
    {
        Id = i.Id,
        EquipmentLineId = i.EquipmentLineId,
        Kind = i.Kind,
        InspectedOn = i.InspectedOn.ToProto(),
        ServiceabilityPercent = i.ServiceabilityPercent,
        Notes = i.Notes,
        BelowThreshold = i.BelowThreshold,
        RecordedBy = i.RecordedBy,
        RecordTime = i.RecordedAt.ToTimestamp(),
    };

    public static string Name(this LeaseType lease) => lease switch
    {
        LeaseType.Wet => "WET",
        LeaseType.Dry => "DRY",
        _ => lease.ToString().ToUpperInvariant(),
    };

    public static string Name(this InspectionKind kind) => kind switch
    {
        InspectionKind.Arrival => "ARRIVAL",
        InspectionKind.Periodic => "PERIODIC",
        InspectionKind.Repatriation => "REPATRIATION",
        _ => kind.ToString().ToUpperInvariant(),
    };
}
