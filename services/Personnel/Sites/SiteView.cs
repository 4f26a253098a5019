using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Personnel.Sites;

/// <summary>
/// A site as logistics last announced it (SiteRegistered, SiteStatusChanged): personnel's local copy, for site coverage
/// (officers on duty against the posture a site needs) and to refuse site ids logistics never announced, without
/// calling logistics.
/// </summary>
public sealed class SiteView
{
    public string SiteId { get; init; } = "";
    public string Name { get; set; } = "";
    /// <summary>CONTESTED, RECAPTURED, SECURED or LOST.</summary>
    public string Status { get; set; } = "";
    /// <summary>When the status held here took effect; an older event arriving late does not overwrite it.</summary>
    public DateTime StatusChangedAt { get; set; }
    public int ChangeCount { get; set; }
    /// <summary>Officers the site needs on duty; null until an event carrying it arrives.</summary>
    public int? RequiredPosture { get; set; }
    public int Revision { get; set; }
}

public sealed class SiteViewConfiguration : IEntityTypeConfiguration<SiteView>
{
    public void Configure(EntityTypeBuilder<SiteView> b)
    {
        b.ToTable("site_views");
        b.HasKey(x => x.SiteId);
        b.Property(x => x.SiteId).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.Revision).IsConcurrencyToken();
    }
}
