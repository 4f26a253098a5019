using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Logistics.Catalog;
using Coordination.Logistics.Mandates;
using Coordination.Logistics.Sites;
using Coordination.Values;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Logistics.Requisitions;

public sealed class RequisitionConfiguration : IEntityTypeConfiguration<Requisition>
{
    public void Configure(EntityTypeBuilder<Requisition> b)
    {
        b.ToTable("requisitions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.RequestingContingentId).HasMaxLength(32);
        b.Property(x => x.RequestingNation).HasMaxLength(3);
        b.Property(x => x.DestinationSiteId).HasMaxLength(32);
        b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Justification).HasMaxLength(500);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.ComplexProperty(x => x.Audit);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.RequisitionId);
        b.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(x => new { x.DestinationSiteId, x.Status });
        b.HasIndex(x => x.Status);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.DestinationSiteId);
    }
}

public sealed class RequisitionLineConfiguration : IEntityTypeConfiguration<RequisitionLine>
{
    public void Configure(EntityTypeBuilder<RequisitionLine> b)
    {
        // The domain keeps the quantities consistent; the database refuses anything that slipped past it.
        b.ToTable("requisition_lines", t => t.HasCheckConstraint("ck_requisition_lines_quantities",
            "\"Received\" >= 0 AND \"InTransit\" >= 0 AND \"Received\" + \"InTransit\" <= \"Committed\" AND \"Committed\" <= \"Requested\" AND \"Pledged\" <= \"Requested\""));
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.RequisitionId).HasMaxLength(32);
        b.Property(x => x.ItemId).HasMaxLength(32);
        b.Ignore(x => x.Shippable);
        b.HasIndex(x => new { x.RequisitionId, x.ItemId }).IsUnique();
        b.HasIndex(x => x.ItemId);
        b.HasOne<CatalogItem>().WithMany().HasForeignKey(x => x.ItemId);
    }
}

public sealed class InKindPledgeConfiguration : IEntityTypeConfiguration<InKindPledge>
{
    public void Configure(EntityTypeBuilder<InKindPledge> b)
    {
        b.ToTable("in_kind_pledges");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.RequisitionId).HasMaxLength(32);
        b.Property(x => x.LineId).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.RequisitionId, x.Id });
        b.HasIndex(x => x.Nation);
        b.HasOne<Requisition>().WithMany().HasForeignKey(x => x.RequisitionId);
        b.HasOne<RequisitionLine>().WithMany().HasForeignKey(x => x.LineId);
    }
}

public static class RequisitionMapping
{
    /// <summary>A requisition with the mandate period its needed-by day falls in.</summary>
    public static V1.Requisition ToProto(this Requisition r, MandatePeriods mandates) => new()
    {
        Mandate = mandates.On(r.NeededBy),
        Id = r.Id,
        RequestingContingentId = r.RequestingContingentId,
        DestinationSiteId = r.DestinationSiteId,
        Priority = r.Priority,
        NeededBy = r.NeededBy.ToProto(),
        Status = r.Status,
        Justification = r.Justification,
        Lines = { r.Lines.OrderBy(l => l.Id, StringComparer.Ordinal).Select(l => l.ToProto()) },
        Audit = r.Audit.ToProto(),
    };

    /// <summary>
    /// A requisition as <paramref name="caller"/> may read it: partners see the mission's needs to pledge against them
    /// (lines, priority, needed-by day, destination site, status), but which contingent asks and why, in the mission's
    /// own words (which name units and where they stand), only for their own nation.
    /// </summary>
    public static V1.Requisition ToProto(this Requisition r, Caller caller, MandatePeriods mandates)
    {
        var proto = r.ToProto(mandates);
        if (!caller.Reaches(r.RequestingNation))
        {
            proto.RequestingContingentId = "";
            proto.Justification = "";
        }
        return proto;
    }

    public static V1.RequisitionLine ToProto(this RequisitionLine l) => new()
    {
        Id = l.Id,
        ItemId = l.ItemId,
        RequestedQuantity = l.Requested,
        CommittedQuantity = l.Committed,
        InTransitQuantity = l.InTransit,
        ReceivedQuantity = l.Received,
        PledgedQuantity = l.Pledged,
    };

    public static V1.InKindPledge ToProto(this InKindPledge p) => new()
    {
        Id = p.Id,
        RequisitionId = p.RequisitionId,
        LineId = p.LineId,
        NationCode = p.Nation,
        Quantity = p.Quantity,
        Value = new ExactMoney(p.Currency, p.AmountMinorUnits).ToProto(),
        Description = p.Description,
        ExpectedBy = p.ExpectedBy.ToProto(),
        RecordedBy = p.RecordedBy,
        RecordTime = p.RecordedAt.ToTimestamp(),
    };
}
