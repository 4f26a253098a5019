using Coordination.Finance.Budget;
using Coordination.Finance.Contributions;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Persistence;

/// <summary>The finance database: contributions and budget periods.</summary>
public abstract class FinanceDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Contribution> Contributions => Set<Contribution>();
    public DbSet<BudgetPeriod> BudgetPeriods => Set<BudgetPeriod>();
    public DbSet<ContributionStatusChange> ContributionStatusChanges => Set<ContributionStatusChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FinanceDbContext).Assembly);
    }
}

/// <summary>FinanceDbContext on SQLite, with its own migrations (the local run).</summary>
public sealed class FinanceSqliteDbContext(DbContextOptions<FinanceSqliteDbContext> options) : FinanceDbContext(options);

/// <summary>FinanceDbContext on PostgreSQL, with its own migrations (production and tests).</summary>
public sealed class FinancePostgresDbContext(DbContextOptions<FinancePostgresDbContext> options) : FinanceDbContext(options);

public sealed class FinanceSqliteDesignFactory()
    : DesignTimeContextFactory<FinanceSqliteDbContext>(o => o.UseSqlite("Data Source=design.db"));

public sealed class FinancePostgresDesignFactory()
    : DesignTimeContextFactory<FinancePostgresDbContext>(o => o.UseNpgsql("Host=localhost;Database=design"));
