using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Finance.Budget;

/// <summary>A span the mission budgets for, opened by a mandate or its renewal.</summary>
public sealed class BudgetPeriod : IKeyed
{
    /// <summary>The period running on <paramref name="today"/>, else the latest; null when there is none.</summary>
    public static async Task<BudgetPeriod?> CurrentAsync(IQueryable<BudgetPeriod> periods, DateOnly today, CancellationToken ct) =>
        await periods.Where(p => p.StartsOn <= today && p.EndsOn >= today).FirstOrDefaultAsync(ct)
        ?? await periods.OrderByDescending(p => p.StartsOn).FirstOrDefaultAsync(ct);

    public string Id { get; init; } = Ids.New();
    public string MandateId { get; init; } = "";
    public string ResolutionSymbol { get; init; } = "";
    public DateOnly StartsOn { get; init; }
    public DateOnly EndsOn { get; init; }
    public DateTime OpenedAt { get; init; }
    /// <summary>The predecessor mandate's last period whose unspent balances this one received; empty when none was carried.</summary>
    public string CarriedOverFromPeriodId { get; set; } = "";
    /// <summary>
    /// Diplomacy warned that the mandate ends unrenewed with this period (MandateExpiring): 90, then 30 days before its
    /// end; null while no warning stands. Every line of the period ends with the mandate.
    /// </summary>
    public int? MandateExpiringDaysBefore { get; set; }
}

public sealed class BudgetPeriodConfiguration : IEntityTypeConfiguration<BudgetPeriod>
{
    public void Configure(EntityTypeBuilder<BudgetPeriod> b)
    {
        b.ToTable("budget_periods");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.MandateId).HasMaxLength(32);
        b.Property(x => x.ResolutionSymbol).HasMaxLength(60);
        b.Property(x => x.CarriedOverFromPeriodId).HasMaxLength(32);
        b.HasIndex(x => x.ResolutionSymbol).IsUnique();
    }
}
