using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Diplomacy.Partners;

/// <summary>
/// What diplomacy heard of one personnel pledge: whether its PersonnelPledged arrived, how many officers it counted
/// for the nation's brief, and whether it was withdrawn. It lets a withdrawal take back exactly what the pledge
/// counted, and lets events about one pledge arrive in either order (see <see cref="PledgeWithdrawnConsumer"/>).
/// </summary>
public sealed class PledgeView
{
    /// <summary>Personnel's pledge id (the events' subject).</summary>
    public string PledgeId { get; init; } = "";
    public string Nation { get; init; } = "";
    /// <summary>When PersonnelPledged was handled; null while only the withdrawal has arrived.</summary>
    public DateTime? PledgedAt { get; set; }
    /// <summary>Officers the pledge added to the nation's pledged officers; 0 once withdrawn, or when it was withdrawn before it arrived.</summary>
    public int OfficersCounted { get; set; }
    /// <summary>Day personnel recorded the withdrawal; null while the pledge stands.</summary>
    public DateOnly? WithdrawnOn { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public int Revision { get; set; }

    public bool Withdrawn => WithdrawnOn is not null;
}

public sealed class PledgeViewConfiguration : IEntityTypeConfiguration<PledgeView>
{
    public void Configure(EntityTypeBuilder<PledgeView> b)
    {
        b.ToTable("pledge_views");
        b.HasKey(x => x.PledgeId);
        b.Property(x => x.PledgeId).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.Ignore(x => x.Withdrawn);
    }
}
