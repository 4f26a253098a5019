using Coordination.Contracts;
using Coordination.Diplomacy.V1;
using Coordination.Values;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Diplomacy.Commitments;

public sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> b)
    {
        b.ToTable("commitments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.EngagementId).HasMaxLength(32);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.ComplexProperty(x => x.Audit);
        b.Ignore(x => x.Outstanding);
        b.HasIndex(x => new { x.Nation, x.Kind, x.DueOn });
        b.HasMany(x => x.Fulfilments).WithOne().HasForeignKey(f => f.CommitmentId);
        b.Navigation(x => x.Fulfilments).HasField("fulfilments").AutoInclude();
    }
}

public sealed class CommitmentFulfilmentConfiguration : IEntityTypeConfiguration<CommitmentFulfilment>
{
    public void Configure(EntityTypeBuilder<CommitmentFulfilment> b)
    {
        b.ToTable("commitment_fulfilments");
        b.HasKey(x => new { x.CommitmentId, x.SourceId });
        b.Property(x => x.CommitmentId).HasMaxLength(32);
        b.Property(x => x.SourceId).HasMaxLength(32);
        b.Property(x => x.Source).HasMaxLength(40);
    }
}

public static class CommitmentMapping
{
    public static V1.Commitment ToProto(this Commitment c, DateOnly today)
    {
        var funds = c.Kind == CommitmentKind.Funds;
        return new V1.Commitment
        {
            Id = c.Id,
            NationCode = c.Nation,
            Kind = c.Kind,
            Description = c.Description,
            EngagementId = c.EngagementId,
            AnnouncedOn = c.AnnouncedOn.ToProto(),
            DueOn = c.DueOn.ToProto(),
            OfficersPromised = funds ? 0 : (int)c.Promised,
            OfficersDelivered = funds ? 0 : (int)c.Delivered,
            AmountPromised = funds ? new ExactMoney("USD", c.Promised).ToProto() : null,
            AmountDelivered = funds ? new ExactMoney("USD", c.Delivered).ToProto() : null,
            State = c.StateOn(today),
            Fulfilments =
            {
                c.Fulfilments.OrderBy(f => f.CountedOn).ThenBy(f => f.SourceId, StringComparer.Ordinal).Select(f => new Fulfilment
                {
                    Source = f.Source,
                    SourceId = f.SourceId,
                    Officers = funds ? 0 : (int)f.Quantity,
                    Amount = funds ? new ExactMoney("USD", f.Quantity).ToProto() : null,
                    CountedOn = f.CountedOn.ToProto(),
                }),
            },
            Audit = c.Audit.ToProto(),
        };
    }

    public static string KindName(CommitmentKind kind) => kind == CommitmentKind.Funds ? "FUNDS" : "PERSONNEL";
}
