using Coordination.Personnel.Contingents;
using Coordination.Personnel.Mandates;
using Coordination.Personnel.Pledges;
using Coordination.Personnel.Sites;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Persistence;

/// <summary>The personnel database: contingents, the mandate as diplomacy last announced it, and sites' status as logistics announced it.</summary>
public abstract class PersonnelDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Contingent> Contingents => Set<Contingent>();
    public DbSet<MandateView> Mandates => Set<MandateView>();
    public DbSet<Pledge> Pledges => Set<Pledge>();
    public DbSet<SiteView> Sites => Set<SiteView>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PersonnelDbContext).Assembly);
    }
}

/// <summary>PersonnelDbContext on SQLite, with its own migrations (the local run).</summary>
public sealed class PersonnelSqliteDbContext(DbContextOptions<PersonnelSqliteDbContext> options) : PersonnelDbContext(options);

/// <summary>PersonnelDbContext on PostgreSQL, with its own migrations (production and tests).</summary>
public sealed class PersonnelPostgresDbContext(DbContextOptions<PersonnelPostgresDbContext> options) : PersonnelDbContext(options);

public sealed class PersonnelSqliteDesignFactory()
    : DesignTimeContextFactory<PersonnelSqliteDbContext>(o => o.UseSqlite("Data Source=design.db"));

public sealed class PersonnelPostgresDesignFactory()
    : DesignTimeContextFactory<PersonnelPostgresDbContext>(o => o.UseNpgsql("Host=localhost;Database=design"));
