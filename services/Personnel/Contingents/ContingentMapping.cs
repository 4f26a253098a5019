using Coordination.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Personnel.Contingents;

public sealed class ContingentConfiguration : IEntityTypeConfiguration<Contingent>
{
    public void Configure(EntityTypeBuilder<Contingent> b)
    {
        b.ToTable("contingents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.SiteId).HasMaxLength(32);
        b.Property(x => x.UnitType).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.ComplexProperty(x => x.Audit);
        b.HasIndex(x => new { x.Nation, x.Id });
        b.HasIndex(x => x.Status);
    }
}

public static class ContingentMapping
{
    public static V1.Contingent ToProto(this Contingent c) => new()
    {
        Id = c.Id,
        NationCode = c.Nation,
        Name = c.Name,
        UnitType = c.UnitType,
        OfficerCount = c.OfficerCount,
        Status = c.Status,
        TourMonths = c.TourMonths,
        SiteId = c.SiteId,
        DeployedOn = c.DeployedOn.ToProto(),
        PlannedTourEnd = c.PlannedTourEnd.ToProto(),
        TourEndCappedByMandate = c.TourEndCappedByMandate,
        Audit = c.Audit.ToProto(),
    };
}
