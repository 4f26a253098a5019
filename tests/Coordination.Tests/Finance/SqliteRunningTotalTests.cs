using Coordination.Auth;
using Coordination.Errors;
using Coordination.Finance.Budget;
using Coordination.Finance.Contributions;
using Coordination.Finance.Ledger;
using Coordination.Finance.Persistence;
using Coordination.Finance.V1;
using BudgetLine = Coordination.Finance.Budget.BudgetLine;
using BudgetPeriod = Coordination.Finance.Budget.BudgetPeriod;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Coordination.Tests.Finance;

/// <summary>
/// The local run keeps finance in SQLite, which turns an overflowing integer addition into a float instead of failing.
/// The running totals' bound is a CHECK there too: finance's own tally writer is refused at the bound, exactly as on
/// PostgreSQL (see <see cref="MoneyBoundsTests"/>), and the total is left as it was.
/// </summary>
public sealed class SqliteRunningTotalTests : IAsyncLifetime
{
    private const long MaxTotalCents = 10_000_000_000_000_000;

    private readonly string file = Path.Combine(Path.GetTempPath(), $"coordination-finance-{Guid.NewGuid():N}.db");
    private string line = "";

    private FinanceDbContext Open() =>
        new FinanceDbContext(new DbContextOptionsBuilder<FinanceDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options);

    public async Task InitializeAsync()
    {
        await using var db = Open();
        await SqliteSchema.EnsureAsync(db, rebuildStale: false, default);
        var period = new BudgetPeriod { ResolutionSymbol = "S/RES/2751 (2024)", StartsOn = new DateOnly(2024, 10, 2), EndsOn = new DateOnly(2025, 10, 2) };
        var budgetLine = BudgetLine.Create(period.Id, BudgetCategory.Logistics, "", 100, Audit.System("test", DateTime.UtcNow));
        budgetLine.PledgedUsdCents = MaxTotalCents - 99;
        db.AddRange(period, budgetLine);
        await db.SaveChangesAsync();
        line = budgetLine.Id;
    }

    public Task DisposeAsync()
    {
        SqliteSchema.DeleteFiles(file); // the schema runs in WAL mode: its log and index too
        return Task.CompletedTask;
    }

    /// <summary>Moves the totals for a new pledge of <paramref name="cents"/> to the line through finance's write path, as recording one does.</summary>
    private async Task PledgeAsync(long cents)
    {
        await using var db = Open();
        var ledger = new FinanceLedger(db);
        var writes = new Writes(db, new RequestLog(db, TimeProvider.System), ledger);
        var tallies = new Tallies(db, ledger, new KnownBudgetLines());
        var pledge = new FlowFigures(true, "NOR", new DateOnly(2025, 1, 15), line, ContributionStatus.Pledged, Channel.TrustFund, cents, false);
        var request = new RecordContributionRequest { RequestId = Guid.NewGuid().ToString("N"), DonorNationCode = "NOR" };
        await writes.ExecuteAsync(request, request.RequestId, new Caller("finance-1", "HTI", Roles.FinanceOfficer), new TestCallContext(Method), async () =>
        {
            await tallies.ShiftAsync(null, pledge, CancellationToken.None);
            return new Coordination.Finance.V1.Contribution();
        });
    }

    private const string Method = "/coordination.finance.v1.ContributionService/RecordContribution";

    private async Task<long> PledgedAsync()
    {
        await using var db = Open();
        return (await db.BudgetLines.AsNoTracking().SingleAsync(l => l.Id == line)).PledgedUsdCents;
    }

    [Fact]
    public async Task On_SQLite_a_total_past_its_bound_is_refused_and_not_turned_into_a_float()
    {
        var refused = await Assert.ThrowsAsync<PreconditionFailedException>(() => PledgeAsync(100));

        Assert.Equal(RunningTotals.OutOfRange, refused.Type);
        Assert.Equal(MaxTotalCents - 99, await PledgedAsync());
        await PledgeAsync(99);
        Assert.Equal(MaxTotalCents, await PledgedAsync());
    }
}
