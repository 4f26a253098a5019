using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Finance.Expenditures;

/// <summary>The stage of a shipment an expenditure was recognised at.</summary>
public enum ShipmentStage
{
    /// <summary>Dispatch: the freight charge and the value of the goods shipped are spent.</summary>
    Dispatched,
    /// <summary>Receipt: the value of the damaged and missing goods is written off.</summary>
    Received,
}

/// <summary>
/// What one stage of a shipment cost, in US cents, recognised against the logistics line of the budget period current on
/// the event's day. Kept once per shipment and stage (the key), so neither a redelivery nor a second event for the same
/// stage counts twice. <see cref="BudgetLineId"/> is empty when the period has no logistics line (or there is no period):
/// the expenditure is then unallocated, and the coverage report shows it apart.
/// </summary>
public sealed class ShipmentExpenditure
{
    public string ShipmentId { get; init; } = "";
    public ShipmentStage Stage { get; init; }
    public string WaybillNumber { get; init; } = "";
    public DateOnly IncurredOn { get; init; }
    public string BudgetPeriodId { get; init; } = "";
    public string BudgetLineId { get; init; } = "";
    public long FreightUsdCents { get; init; }
    public long GoodsUsdCents { get; init; }
    public long WrittenOffUsdCents { get; init; }
    public Guid EventId { get; init; }
    public DateTime RecordedAt { get; init; }

    /// <summary>What counts as spent: the freight and the goods' value (a write-off is part of a value already spent).</summary>
    public long SpentUsdCents => FreightUsdCents + GoodsUsdCents;
}

public sealed class ShipmentExpenditureConfiguration : IEntityTypeConfiguration<ShipmentExpenditure>
{
    public void Configure(EntityTypeBuilder<ShipmentExpenditure> b)
    {
        b.ToTable("shipment_expenditures");
        b.HasKey(x => new { x.ShipmentId, x.Stage });
        b.Property(x => x.ShipmentId).HasMaxLength(32);
        b.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.WaybillNumber).HasMaxLength(64);
        b.Property(x => x.BudgetPeriodId).HasMaxLength(32);
        b.Property(x => x.BudgetLineId).HasMaxLength(32);
        b.Ignore(x => x.SpentUsdCents);
        // The coverage report sums a period's unallocated expenditure.
        b.HasIndex(x => new { x.BudgetPeriodId, x.BudgetLineId });
    }
}
