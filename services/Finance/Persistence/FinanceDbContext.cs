using Coordination.Finance.Budget;
using Coordination.Finance.Commitments;
using Coordination.Finance.Contributions;
using Coordination.Finance.Disbursements;
using Coordination.Finance.Expenditures;
using Coordination.Finance.Fund;
using Coordination.Finance.Ledger;
using Coordination.Finance.Rates;
using Coordination.Finance.Reimbursements;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Persistence;

/// <summary>
/// The finance database: budget periods and lines; contributions as an append-only chain of versions with the current
/// version kept beside it for queries; disbursements; the ledger head that chains them; the donor tallies the reports
/// read; exchange rates; the shipments' expenditure heard from logistics; the funds donors announced to diplomacy; and the deployments, equipment inspections and rotations' overlaps reimbursements are computed from.
/// </summary>
public sealed class FinanceDbContext(DbContextOptions<FinanceDbContext> options) : ServiceDbContext(options)
{
    public DbSet<BudgetPeriod> BudgetPeriods => Set<BudgetPeriod>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<BudgetLineRevision> BudgetLineRevisions => Set<BudgetLineRevision>();
    public DbSet<Contribution> Contributions => Set<Contribution>();
    public DbSet<ContributionVersion> ContributionVersions => Set<ContributionVersion>();
    public DbSet<Disbursement> Disbursements => Set<Disbursement>();
    public DbSet<LedgerHead> LedgerHeads => Set<LedgerHead>();
    public DbSet<DonorTotal> DonorTotals => Set<DonorTotal>();
    public DbSet<DonorUnpaidDay> DonorUnpaidDays => Set<DonorUnpaidDay>();
    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();
    public DbSet<Deployment> Deployments => Set<Deployment>();
    public DbSet<CoeInspection> CoeInspections => Set<CoeInspection>();
    public DbSet<ReimbursementAccount> ReimbursementAccounts => Set<ReimbursementAccount>();
    public DbSet<RunwayState> RunwayStates => Set<RunwayState>();
    public DbSet<ShipmentExpenditure> ShipmentExpenditures => Set<ShipmentExpenditure>();
    public DbSet<AnnouncedFunds> AnnouncedFunds => Set<AnnouncedFunds>();
    public DbSet<RotationOverlap> RotationOverlaps => Set<RotationOverlap>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FinanceDbContext).Assembly);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the service (docs/contributing.md).</summary>
public sealed class FinanceDesignFactory() : DesignTimeContextFactory<FinanceDbContext>();
