using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Diplomacy.Sites;

/// <summary>Per site, how often its security status changed and what it is now, for reporting to partners and the Council.</summary>
public sealed class SiteStatusTally
{
    public string SiteId { get; init; } = "";
    public string SiteName { get; set; } = "";
    /// <summary>CONTESTED, RECAPTURED, SECURED or LOST, as of <see cref="LastChangedAt"/>.</summary>
    public string LastStatus { get; set; } = "";
    public DateTime LastChangedAt { get; set; }
    public int Changes { get; set; }
    public int TimesLost { get; set; }
    public int Revision { get; set; }
}

public sealed class SiteStatusTallyConfiguration : IEntityTypeConfiguration<SiteStatusTally>
{
    public void Configure(EntityTypeBuilder<SiteStatusTally> b)
    {
        b.ToTable("site_status_tallies");
        b.HasKey(x => x.SiteId);
        b.Property(x => x.SiteId).HasMaxLength(32);
        b.Property(x => x.SiteName).HasMaxLength(120);
        b.Property(x => x.LastStatus).HasMaxLength(20);
        b.Property(x => x.Revision).IsConcurrencyToken();
    }
}
