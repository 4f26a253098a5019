using Coordination.Contracts;
using Coordination.Logistics.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Logistics.Catalog;

public sealed class CatalogItemConfiguration : IEntityTypeConfiguration<CatalogItem>
{
    public void Configure(EntityTypeBuilder<CatalogItem> b)
    {
        b.ToTable("catalog_items");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.UnitOfIssue).HasMaxLength(40);
        b.Property(x => x.BaseUnit).HasMaxLength(40);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.ComplexProperty(x => x.Audit);
        b.HasIndex(x => x.Code).IsUnique();
        b.Ignore(x => x.Label);
    }
}

public sealed class WarehouseConfiguration : IEntityTypeConfiguration<Warehouse>
{
    public void Configure(EntityTypeBuilder<Warehouse> b)
    {
        b.ToTable("warehouses");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.SiteId).HasMaxLength(32);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.ComplexProperty(x => x.Audit);
        b.HasIndex(x => x.Name).IsUnique();
        b.HasIndex(x => x.SiteId);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId);
    }
}

public static class CatalogMapping
{
    public static V1.CatalogItem ToProto(this CatalogItem i) => new()
    {
        Id = i.Id,
        Code = i.Code,
        Name = i.Name,
        Category = i.Category,
        UnitOfIssue = i.UnitOfIssue,
        PackSize = i.PackSize,
        BaseUnit = i.BaseUnit,
        Audit = i.Audit.ToProto(),
    };

    public static V1.Warehouse ToProto(this Warehouse w) => new()
    {
        Id = w.Id,
        Name = w.Name,
        SiteId = w.SiteId,
        Audit = w.Audit.ToProto(),
    };
}
