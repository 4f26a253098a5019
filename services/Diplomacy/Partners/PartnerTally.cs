using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Diplomacy.Partners;

/// <summary>Running figures per partner nation, fed by personnel's and finance's events.</summary>
public sealed class PartnerTally
{
    public string Nation { get; init; } = "";
    public int DeployedOfficers { get; set; }
    public int DeployedContingents { get; set; }
    public long PledgedUsdCents { get; set; }
    public int ContributionsPledged { get; set; }
    /// <summary>The part of <see cref="PledgedUsdCents"/> pledged as goods in kind (suspended ones not counted).</summary>
    public long InKindPledgedUsdCents { get; set; }
    /// <summary>Contributions pledged as goods in kind.</summary>
    public int InKindPledges { get; set; }
    public int PledgedOfficers { get; set; }
    public long PaidUsdCents { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Revision { get; set; }
}

public sealed class PartnerTallyConfiguration : IEntityTypeConfiguration<PartnerTally>
{
    public void Configure(EntityTypeBuilder<PartnerTally> b)
    {
        b.ToTable("partner_tallies");
        b.HasKey(x => x.Nation);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.Revision).IsConcurrencyToken();
    }
}
