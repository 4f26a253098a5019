using Coordination.Events;
using Coordination.Hosting;
using Coordination.Finance.Budget;
using Coordination.Finance.Persistence;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace Coordination.Finance.Fund;

/// <summary>Whether the runway was last seen low, so FundRunwayLow goes out once each time it falls below (one row).</summary>
public sealed class RunwayState
{
    public const int SingleId = 1;

    public int Id { get; init; } = SingleId;
    public bool Low { get; set; }
    public DateTime? ChangedAt { get; set; }
    public int Revision { get; set; }
}

public sealed class RunwayStateConfiguration : IEntityTypeConfiguration<RunwayState>
{
    public void Configure(EntityTypeBuilder<RunwayState> b)
    {
        b.ToTable("runway_state");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasData(new RunwayState());
    }
}

/// <summary>
/// Checks the trust fund's runway by the service's clock (a TimeProvider, which tests control) every
/// <see cref="RunwayOptions.CheckInterval"/>. When it falls below <see cref="RunwayOptions.WarningMonths"/> it announces
/// FundRunwayLow, recorded with the state change in one transaction; it says nothing more until the runway has
/// recovered and fallen again. The revision on the state row makes replicas agree on who announced.
/// </summary>
public sealed class RunwayWatch(IServiceScopeFactory scopes, TimeProvider time, IOptions<RunwayOptions> options, ILogger<RunwayWatch> logger)
    : PeriodicCheck(time, logger)
{
    public const string FundSubject = "trust-fund";

    protected override string Name => "Runway check";

    protected override TimeSpan Interval => options.Value.CheckInterval;

    public override async Task CheckAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinanceDbContext>();
        var now = Time.UtcNow();
        var position = await FundPosition.ReadAsync(db, DateOnly.FromDateTime(now), options.Value.WarningMonths, ct);
        var state = await db.RunwayStates.SingleAsync(s => s.Id == RunwayState.SingleId, ct);
        if (state.Low == position.RunwayLow)
        {
            return;
        }
        state.Low = position.RunwayLow;
        state.ChangedAt = now;
        state.Revision++;
        if (position.RunwayLow)
        {
            var period = await BudgetPeriod.CurrentAsync(db.BudgetPeriods.AsNoTracking(), position.AsOf, ct);
            var lines = period is null ? [] : await db.BudgetLines.AsNoTracking().Where(l => l.BudgetPeriodId == period.Id).ToListAsync(ct);
            db.Publish(new FundRunwayLow
            {
                BudgetPeriodId = period?.Id ?? "",
                Gaps = lines.OrderBy(l => l.Category).Select(l => new FundingGap
                {
                    BudgetLineId = l.Id, Category = BudgetMapping.CategoryName(l.Category), Description = l.Description,
                    // Funded with a predecessor's balance carried in, as the gap counts it.
                    RequirementUsdCents = l.RevisedUsdCents, FundedUsdCents = l.CoveredUsdCents, GapUsdCents = l.GapUsdCents,
                }).ToList(),
                OccurredAt = now,
                SubjectId = FundSubject,
                BalanceUsdCents = position.BalanceUsdCents,
                MonthlyBurnUsdCents = position.MonthlyBurnUsdCents,
                RunwayMonths = position.RunwayText,
                WarningMonths = position.WarningMonths,
                AsOf = position.AsOf,
            });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another replica saw the same change first and announced it.
        }
    }

}
