using Coordination.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Finance.Contributions;

public sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> b)
    {
        b.ToTable("contributions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.DonorNation).HasMaxLength(3);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.UsdRate).HasMaxLength(32);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.StatusBeforeSuspension).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.Property(x => x.Earmark).HasMaxLength(200);
        b.Property(x => x.AgreementReference).HasMaxLength(100);
        b.ComplexProperty(x => x.Audit);
        b.Ignore(x => x.Amount);
        b.Ignore(x => x.UsdValue);
        b.HasIndex(x => new { x.DonorNation, x.Id });
    }
}

public static class ContributionMapping
{
    public static V1.Contribution ToProto(this Contribution c) => new()
    {
        Id = c.Id,
        DonorNationCode = c.DonorNation,
        Amount = c.Amount.ToProto(),
        UsdExchangeRate = c.UsdRate,
        RateDate = c.RateDate.ToProto(),
        UsdValue = c.UsdValue.ToProto(),
        Channel = c.Channel,
        Status = c.Status,
        DecidedOn = c.DecidedOn.ToProto(),
        Earmark = c.Earmark,
        AgreementReference = c.AgreementReference,
        Audit = c.Audit.ToProto(),
        PaidOn = c.PaidOn.ToProto(),
    };
}
