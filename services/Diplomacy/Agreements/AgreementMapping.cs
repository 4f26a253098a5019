using Coordination.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Diplomacy.Agreements;

public sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.ToTable("agreements");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.ComplexProperty(x => x.Audit);
        b.Ignore(x => x.Status);
        b.Ignore(x => x.InForceOn);
        b.HasMany(x => x.Parties).WithOne().HasForeignKey(p => p.AgreementId);
        b.Navigation(x => x.Parties).HasField("parties").AutoInclude();
    }
}

public sealed class AgreementPartyConfiguration : IEntityTypeConfiguration<AgreementParty>
{
    public void Configure(EntityTypeBuilder<AgreementParty> b)
    {
        b.ToTable("agreement_parties");
        b.HasKey(x => new { x.AgreementId, x.Nation });
        b.Property(x => x.AgreementId).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.Nation);
    }
}

public static class AgreementMapping
{
    public static V1.Agreement ToProto(this Agreement a) => new()
    {
        Id = a.Id,
        Kind = a.Kind,
        Title = a.Title,
        Status = a.Status,
        Parties =
        {
            a.Parties.OrderBy(p => p.Position).Select(p => new V1.AgreementParty
            {
                NationCode = p.Nation,
                Status = p.Status,
                SignedOn = p.SignedOn.ToProto(),
                RatifiedOn = p.RatifiedOn.ToProto(),
                InForceOn = p.InForceOn.ToProto(),
                TerminatedOn = p.TerminatedOn.ToProto(),
            }),
        },
        Audit = a.Audit.ToProto(),
    };
}
