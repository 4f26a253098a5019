using Coordination.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Logistics.Sites;

public sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        b.ToTable("sites");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.ComplexProperty(x => x.Audit);
        b.HasIndex(x => x.Status);
    }
}

public sealed class SiteStatusChangeConfiguration : IEntityTypeConfiguration<SiteStatusChange>
{
    public void Configure(EntityTypeBuilder<SiteStatusChange> b)
    {
        b.ToTable("site_status_changes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.SiteId).HasMaxLength(32);
        b.Property(x => x.PreviousStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.ChangedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.SiteId, x.Id });
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId);
    }
}

public static class SiteMapping
{
    public static V1.Site ToProto(this Site s, int supportedPersonnel) => new()
    {
        Id = s.Id,
        Name = s.Name,
        Kind = s.Kind,
        Location = new V1.LatLng { Latitude = s.Latitude, Longitude = s.Longitude },
        Status = s.Status,
        RequiredPosture = s.RequiredPosture,
        SupportedPersonnel = supportedPersonnel,
        Audit = s.Audit.ToProto(),
    };

    public static V1.SiteStatusChange ToProto(this SiteStatusChange c) => new()
    {
        PreviousStatus = c.PreviousStatus,
        Status = c.Status,
        Reason = c.Reason,
        ChangedBy = c.ChangedBy,
        ChangeTime = c.ChangedAt.ToTimestamp(),
    };
}
