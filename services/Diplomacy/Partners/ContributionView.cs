using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Diplomacy.Partners;

/// <summary>
/// What diplomacy heard of one of finance's contributions: the USD value it added to its donor's pledged total and
/// whether it is suspended. A suspension takes that value off the donor's pledged USD, lifting it counts it again; the
/// latest status change heard wins, so the events may arrive in either order (see <see cref="ContributionSuspendedConsumer"/>).
/// </summary>
public sealed class ContributionView
{
    /// <summary>Finance's contribution id (the events' subject).</summary>
    public string ContributionId { get; init; } = "";
    public string Nation { get; init; } = "";
    /// <summary>The USD value pledged, as ContributionPledged (or the latest reinstatement) gave it; 0 until heard of.</summary>
    public long PledgedUsdCents { get; set; }
    public bool Suspended { get; set; }
    /// <summary>Goods pledged in kind (finance's IN_KIND channel, from logistics' InKindPledged), not money.</summary>
    public bool InKind { get; set; }
    /// <summary>When the latest suspension or reinstatement heard of happened; an older one arriving late changes nothing.</summary>
    public DateTime? StatusChangedAt { get; set; }
    public int Revision { get; set; }
}

public sealed class ContributionViewConfiguration : IEntityTypeConfiguration<ContributionView>
{
    public void Configure(EntityTypeBuilder<ContributionView> b)
    {
        b.ToTable("contribution_views");
        b.HasKey(x => x.ContributionId);
        b.Property(x => x.ContributionId).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.Revision).IsConcurrencyToken();
    }
}
