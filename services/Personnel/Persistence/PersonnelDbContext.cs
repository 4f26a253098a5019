using Coordination.Personnel.Agreements;
using Coordination.Personnel.Contingents;
using Coordination.Personnel.Equipment;
using Coordination.Personnel.Mandates;
using Coordination.Personnel.Officers;
using Coordination.Personnel.Pledges;
using Coordination.Personnel.Sites;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Persistence;

/// <summary>
/// The personnel database: pledges and their versions, officers and their qualifications, contingents and rotations;
/// and what other services announced: the mandate (diplomacy), status-of-forces agreements in force (diplomacy), sites
/// with their status and posture (logistics).
/// </summary>
public sealed class PersonnelDbContext(DbContextOptions<PersonnelDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Contingent> Contingents => Set<Contingent>();
    public DbSet<Rotation> Rotations => Set<Rotation>();
    public DbSet<MandateView> Mandates => Set<MandateView>();
    public DbSet<Pledge> Pledges => Set<Pledge>();
    public DbSet<PledgeVersion> PledgeVersions => Set<PledgeVersion>();
    public DbSet<ExpectedPledge> ExpectedPledges => Set<ExpectedPledge>();
    public DbSet<Officer> Officers => Set<Officer>();
    public DbSet<Qualification> Qualifications => Set<Qualification>();
    public DbSet<OfficerTally> OfficerTallies => Set<OfficerTally>();
    public DbSet<SiteView> Sites => Set<SiteView>();
    public DbSet<EquipmentCondition> EquipmentConditions => Set<EquipmentCondition>();
    public DbSet<ContingentCapability> ContingentCapabilities => Set<ContingentCapability>();
    public DbSet<StatusOfForcesParty> StatusOfForces => Set<StatusOfForcesParty>();

    /// <summary>Saves, and moves the officer tallies by what the save changed, in one transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var deltas = OfficerTallyChanges.Deltas(ChangeTracker);
        if (deltas.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        if (Database.CurrentTransaction is not null)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await OfficerTallyChanges.ApplyAsync(this, deltas, cancellationToken);
            return saved;
        }
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await OfficerTallyChanges.ApplyAsync(this, deltas, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        OfficerTallyChanges.Deltas(ChangeTracker).Count == 0
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new NotSupportedException("Officers are saved with SaveChangesAsync, which keeps their tallies in the same transaction.");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PersonnelDbContext).Assembly);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the service (docs/contributing.md).</summary>
public sealed class PersonnelDesignFactory() : DesignTimeContextFactory<PersonnelDbContext>();
