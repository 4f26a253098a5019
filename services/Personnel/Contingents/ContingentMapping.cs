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
        b.Property(x => x.Commander).HasMaxLength(120);
        b.Property(x => x.HomeUnit).HasMaxLength(120);
        b.Property(x => x.UnitType).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.ComplexProperty(x => x.Audit);
        b.HasIndex(x => new { x.Nation, x.Id });
        b.HasIndex(x => x.Status);
        b.HasIndex(x => new { x.SiteId, x.Status });
    }
}

public sealed class RotationConfiguration : IEntityTypeConfiguration<Rotation>
{
    public void Configure(EntityTypeBuilder<Rotation> b)
    {
        b.ToTable("rotations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.OutgoingNation).HasMaxLength(3);
        b.Property(x => x.OutgoingContingentId).HasMaxLength(32);
        b.Property(x => x.IncomingContingentId).HasMaxLength(32);
        b.Property(x => x.SiteId).HasMaxLength(32);
        b.ComplexProperty(x => x.Audit);
        // A contingent is relieved once and relieves once: two racing schedules lose on these keys.
        b.HasIndex(x => x.OutgoingContingentId).IsUnique();
        b.HasIndex(x => x.IncomingContingentId).IsUnique();
        b.HasIndex(x => new { x.Nation, x.Id });
        b.HasIndex(x => new { x.OutgoingNation, x.Id });
        b.HasOne<Contingent>().WithMany().HasForeignKey(x => x.OutgoingContingentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contingent>().WithMany().HasForeignKey(x => x.IncomingContingentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class ContingentMapping
{
    /// <summary>The contingent as read: with the mandate its tour ends with, when diplomacy has warned that the mandate in force ends unrenewed.</summary>
    public static V1.Contingent ToProto(this Contingent c, Mandates.MandateView? expiring)
    {
        var proto = c.ToProto();
        if (expiring is not null && ContingentLifecycle.InMissionArea.Contains(c.Status) && expiring.EndsTourOf(c.PlannedTourEnd))
        {
            proto.EndsWithMandate = expiring.ToExpiry();
        }
        return proto;
    }

    public static V1.MandateExpiry ToExpiry(this Mandates.MandateView m) => new()
    {
        MandateId = m.MandateId,
        ResolutionSymbol = m.ResolutionSymbol,
        PeriodEnd = m.PeriodEnd.ToProto(),
        DaysBefore = m.ExpiryWarningDays ?? 0,
    };

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
        DeclaredOfficerCount = c.DeclaredOfficers,
        AssignedOfficerCount = c.AssignedOfficers,
        Commander = c.Commander,
        HomeUnit = c.HomeUnit,
    };

    public static V1.Rotation ToProto(this Rotation r) => new()
    {
        Id = r.Id,
        NationCode = r.Nation,
        OutgoingContingentId = r.OutgoingContingentId,
        IncomingContingentId = r.IncomingContingentId,
        SiteId = r.SiteId,
        IncomingArrivesOn = r.IncomingArrivesOn.ToProto(),
        OutgoingDepartsOn = r.OutgoingDepartsOn.ToProto(),
        OverlapDays = r.OverlapDays,
        Audit = r.Audit.ToProto(),
        OutgoingNationCode = r.OutgoingNation,
    };
}
