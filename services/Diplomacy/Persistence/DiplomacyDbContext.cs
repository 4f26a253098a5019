using Coordination.Diplomacy.Agreements;
using Coordination.Diplomacy.Appeals;
using Coordination.Diplomacy.Commitments;
using Coordination.Diplomacy.Deadlines;
using Coordination.Diplomacy.Engagements;
using Coordination.Diplomacy.Mandates;
using Coordination.Diplomacy.Partners;
using Coordination.Diplomacy.Sites;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Diplomacy.Persistence;

/// <summary>The diplomacy database: mandates with their renewals, and the partner briefs and site tallies fed by events.</summary>
public sealed class DiplomacyDbContext(DbContextOptions<DiplomacyDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Mandate> Mandates => Set<Mandate>();
    public DbSet<PartnerTally> PartnerTallies => Set<PartnerTally>();
    public DbSet<ContingentCapability> ContingentCapabilities => Set<ContingentCapability>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<Engagement> Engagements => Set<Engagement>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<DeadlineNotice> DeadlineNotices => Set<DeadlineNotice>();
    public DbSet<SiteStatusTally> SiteStatusTallies => Set<SiteStatusTally>();
    public DbSet<PledgeView> PledgeViews => Set<PledgeView>();
    public DbSet<ContributionView> ContributionViews => Set<ContributionView>();
    public DbSet<Appeal> Appeals => Set<Appeal>();
    public DbSet<FundingPicture> FundingPictures => Set<FundingPicture>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DiplomacyDbContext).Assembly);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the service (docs/contributing.md).</summary>
public sealed class DiplomacyDesignFactory() : DesignTimeContextFactory<DiplomacyDbContext>();
