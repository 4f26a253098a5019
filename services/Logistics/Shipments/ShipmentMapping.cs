using Coordination.Contracts;
using Coordination.Logistics.Catalog;
using Coordination.Logistics.Mandates;
using Coordination.Logistics.Sites;
using Coordination.Values;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Logistics.Shipments;

public sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> b)
    {
        b.ToTable("shipments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.OriginWarehouseId).HasMaxLength(32);
        b.Property(x => x.DestinationSiteId).HasMaxLength(32);
        b.Property(x => x.Carrier).HasMaxLength(120);
        b.Property(x => x.WaybillNumber).HasMaxLength(60);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ReceivingWarehouseId).HasMaxLength(32);
        b.Property(x => x.ReceiptCondition).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.CancelReason).HasMaxLength(500);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.ComplexProperty(x => x.Audit);
        b.Ignore(x => x.GoodsValueUsdCents);
        b.Ignore(x => x.WrittenOffUsdCents);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.ShipmentId);
        b.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(x => x.WaybillNumber).IsUnique();
        b.HasIndex(x => new { x.Status, x.Eta });
        b.HasIndex(x => new { x.DestinationSiteId, x.Status });
        b.HasOne<Warehouse>().WithMany().HasForeignKey(x => x.OriginWarehouseId);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.DestinationSiteId);
    }
}

public sealed class ShipmentLineConfiguration : IEntityTypeConfiguration<ShipmentLine>
{
    public void Configure(EntityTypeBuilder<ShipmentLine> b)
    {
        b.ToTable("shipment_lines", t =>
        {
            t.HasCheckConstraint("ck_shipment_lines_receipt",
                "\"ReceivedQuantity\" <= \"Quantity\" AND \"DamagedQuantity\" <= \"ReceivedQuantity\" AND \"DamagedQuantity\" >= 0");
            t.HasCheckConstraint("ck_shipment_lines_unit_value", "\"UnitValueUsdCents\" IS NULL OR \"UnitValueUsdCents\" > 0");
        });
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.ShipmentId).HasMaxLength(32);
        b.Property(x => x.ItemId).HasMaxLength(32);
        b.Property(x => x.RequisitionId).HasMaxLength(32);
        b.Property(x => x.RequisitionLineId).HasMaxLength(32);
        b.Property(x => x.ReceiptNote).HasMaxLength(500);
        b.Ignore(x => x.Accepted);
        b.Ignore(x => x.Missing);
        b.HasIndex(x => x.RequisitionLineId);
        b.HasOne<CatalogItem>().WithMany().HasForeignKey(x => x.ItemId);
    }
}

public static class ShipmentMapping
{
    /// <summary>A shipment with the mandate period its ETA (UTC day) falls in.</summary>
    public static V1.Shipment ToProto(this Shipment s, MandatePeriods mandates) => new()
    {
        Mandate = mandates.On(DateOnly.FromDateTime(s.Eta)),
        Id = s.Id,
        OriginWarehouseId = s.OriginWarehouseId,
        DestinationSiteId = s.DestinationSiteId,
        Carrier = s.Carrier,
        WaybillNumber = s.WaybillNumber,
        Eta = s.Eta.ToTimestamp(),
        EscortRequired = s.EscortRequired,
        Status = s.Status,
        Lines = { s.Lines.OrderBy(l => l.Id, StringComparer.Ordinal).Select(l => l.ToProto()) },
        DispatchTime = s.DispatchedAt?.ToTimestamp(),
        ReceiptTime = s.ReceivedAt?.ToTimestamp(),
        ReceivingWarehouseId = s.ReceivingWarehouseId,
        ReceiptCondition = s.ReceiptCondition,
        CancelReason = s.CancelReason,
        Audit = s.Audit.ToProto(),
        FreightCost = Usd(s.FreightUsdCents),
        GoodsValue = Usd(s.GoodsValueUsdCents),
        WrittenOffValue = Usd(s.WrittenOffUsdCents),
    };

    private static Coordination.Common.V1.Money? Usd(long? cents) => cents is { } c ? new ExactMoney("USD", c).ToProto() : null;

    public static V1.ShipmentLine ToProto(this ShipmentLine l) => new()
    {
        Id = l.Id,
        ItemId = l.ItemId,
        Quantity = l.Quantity,
        RequisitionId = l.RequisitionId,
        RequisitionLineId = l.RequisitionLineId,
        ReceivedQuantity = l.ReceivedQuantity,
        DamagedQuantity = l.DamagedQuantity,
        MissingQuantity = l.Missing,
        ReceiptNote = l.ReceiptNote,
        UnitValue = Usd(l.UnitValueUsdCents),
    };
}
