using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Finance.Rates;

/// <summary>A stored rate: USD per one unit of a currency on a day, kept as the exact decimal text recorded.</summary>
public sealed class ExchangeRate : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string Currency { get; init; } = "";
    public DateOnly RateDate { get; init; }
    public string UsdPerUnit { get; init; } = "";
    public Audit Audit { get; init; } = null!;
}

public sealed class ExchangeRateConfiguration : IEntityTypeConfiguration<ExchangeRate>
{
    public void Configure(EntityTypeBuilder<ExchangeRate> b)
    {
        b.ToTable("exchange_rates");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.UsdPerUnit).HasMaxLength(32);
        b.ComplexProperty(x => x.Audit);
        b.HasIndex(x => new { x.Currency, x.RateDate }).IsUnique();
    }
}

public static class ExchangeRates
{
    /// <summary>The latest stored rate of <paramref name="currency"/> on or before <paramref name="day"/>, or null.</summary>
    public static Task<ExchangeRate?> OnAsync(this IQueryable<ExchangeRate> rates, string currency, DateOnly day, CancellationToken ct) =>
        rates.Where(r => r.Currency == currency && r.RateDate <= day).OrderByDescending(r => r.RateDate).FirstOrDefaultAsync(ct);
}
