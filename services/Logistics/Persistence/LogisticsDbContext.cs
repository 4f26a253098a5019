using Coordination.Logistics.Sites;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Logistics.Persistence;

/// <summary>The logistics database: sites, their status history, and which contingents they support.</summary>
public abstract class LogisticsDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<SiteStatusChange> SiteStatusChanges => Set<SiteStatusChange>();
    public DbSet<SiteAssignment> SiteAssignments => Set<SiteAssignment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LogisticsDbContext).Assembly);
    }
}

/// <summary>LogisticsDbContext on SQLite, with its own migrations (the local run).</summary>
public sealed class LogisticsSqliteDbContext(DbContextOptions<LogisticsSqliteDbContext> options) : LogisticsDbContext(options);

/// <summary>LogisticsDbContext on PostgreSQL, with its own migrations (production and tests).</summary>
public sealed class LogisticsPostgresDbContext(DbContextOptions<LogisticsPostgresDbContext> options) : LogisticsDbContext(options);

public sealed class LogisticsSqliteDesignFactory()
    : DesignTimeContextFactory<LogisticsSqliteDbContext>(o => o.UseSqlite("Data Source=design.db"));

public sealed class LogisticsPostgresDesignFactory()
    : DesignTimeContextFactory<LogisticsPostgresDbContext>(o => o.UseNpgsql("Host=localhost;Database=design"));
