using Coordination.Contracts;
using Coordination.Logistics.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Logistics.Stock;

public sealed class StockLevelConfiguration : IEntityTypeConfiguration<StockLevel>
{
    public void Configure(EntityTypeBuilder<StockLevel> b)
    {
        b.ToTable("stock_levels", t => t.HasCheckConstraint("ck_stock_levels_on_hand_not_negative", "\"OnHand\" >= 0"));
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.WarehouseId).HasMaxLength(32);
        b.Property(x => x.ItemId).HasMaxLength(32);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.Ignore(x => x.DaysOfSupply);
        b.HasIndex(x => new { x.WarehouseId, x.ItemId }).IsUnique();
        b.HasOne<Warehouse>().WithMany().HasForeignKey(x => x.WarehouseId);
        b.HasOne<CatalogItem>().WithMany().HasForeignKey(x => x.ItemId);
    }
}

public sealed class StockEntryConfiguration : IEntityTypeConfiguration<StockEntry>
{
    public void Configure(EntityTypeBuilder<StockEntry> b)
    {
        b.ToTable("stock_entries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.WarehouseId).HasMaxLength(32);
        b.Property(x => x.ItemId).HasMaxLength(32);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.Reference).HasMaxLength(100);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.WarehouseId, x.ItemId, x.Id });
        b.HasIndex(x => new { x.WarehouseId, x.Id });
        b.HasOne<Warehouse>().WithMany().HasForeignKey(x => x.WarehouseId);
        b.HasOne<CatalogItem>().WithMany().HasForeignKey(x => x.ItemId);
    }
}

public static class StockMapping
{
    public static V1.StockLevel ToProto(this StockLevel l)
    {
        var proto = new V1.StockLevel { WarehouseId = l.WarehouseId, ItemId = l.ItemId, OnHand = l.OnHand, DailyConsumption = l.DailyConsumption };
        if (l.DaysOfSupply is { } days)
        {
            proto.DaysOfSupply = days;
        }
        return proto;
    }

    public static V1.StockEntry ToProto(this StockEntry e) => new()
    {
        Id = e.Id,
        WarehouseId = e.WarehouseId,
        ItemId = e.ItemId,
        Kind = e.Kind,
        Quantity = e.Quantity,
        Delta = e.Delta,
        BalanceAfter = e.BalanceAfter,
        Reason = e.Reason,
        Reference = e.Reference,
        RecordedBy = e.RecordedBy,
        RecordTime = e.RecordedAt.ToTimestamp(),
    };
}
