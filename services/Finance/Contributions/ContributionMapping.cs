using Coordination.Common.V1;
using Coordination.Contracts;
using Coordination.Finance.V1;
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
        b.Property(x => x.ParentId).HasMaxLength(32);
        b.Property(x => x.BudgetLineId).HasMaxLength(32);
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
        b.Ignore(x => x.Terms);
        b.HasIndex(x => new { x.DonorNation, x.Id });
        b.HasIndex(x => new { x.ParentId, x.Id });
        b.HasIndex(x => x.BudgetLineId);
    }
}

public sealed class ContributionVersionConfiguration : IEntityTypeConfiguration<ContributionVersion>
{
    public void Configure(EntityTypeBuilder<ContributionVersion> b)
    {
        b.ToTable("contribution_versions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.ContributionId).HasMaxLength(32);
        b.Property(x => x.Change).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.DonorNation).HasMaxLength(3);
        b.Property(x => x.ParentId).HasMaxLength(32);
        b.Property(x => x.BudgetLineId).HasMaxLength(32);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.StatusBeforeSuspension).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.UsdRate).HasMaxLength(32);
        b.Property(x => x.Earmark).HasMaxLength(200);
        b.Property(x => x.AgreementReference).HasMaxLength(100);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.Property(x => x.RequestId).HasMaxLength(64);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Ignore(x => x.RecordId);
        b.Ignore(x => x.EntryKind);
        b.HasIndex(x => new { x.ContributionId, x.Version }).IsUnique();
        b.HasIndex(x => x.Sequence).IsUnique();
        b.HasOne<Contribution>().WithMany().HasForeignKey(x => x.ContributionId);
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
        BudgetLineId = c.BudgetLineId,
        ParentId = c.ParentId,
        ReportedOn = c.ReportedOn.ToProto(),
        Version = c.Version,
        Unvalued = c.Unvalued,
    };

    /// <summary>A version as the contract shows it; <paramref name="current"/> supplies who created the contribution.</summary>
    public static V1.ContributionVersion ToProto(this ContributionVersion v, Contribution current) => new()
    {
        ContributionId = v.ContributionId,
        Version = v.Version,
        Change = v.Change,
        Contribution = new V1.Contribution
        {
            Id = v.ContributionId,
            DonorNationCode = v.DonorNation,
            Amount = new Values.ExactMoney(v.Currency, v.AmountMinorUnits).ToProto(),
            UsdExchangeRate = v.UsdRate,
            RateDate = v.RateDate.ToProto(),
            UsdValue = new Values.ExactMoney("USD", v.UsdCents).ToProto(),
            Channel = v.Channel,
            Status = v.Status,
            DecidedOn = v.DecidedOn.ToProto(),
            Earmark = v.Earmark,
            AgreementReference = v.AgreementReference,
            Audit = new AuditMetadata
            {
                CreateTime = current.Audit.CreatedAt.ToTimestamp(),
                CreatedBy = current.Audit.CreatedBy,
                UpdateTime = v.RecordedAt.ToTimestamp(),
                UpdatedBy = v.RecordedBy,
                LastRequestId = v.RequestId,
            },
            PaidOn = v.PaidOn.ToProto(),
            BudgetLineId = v.BudgetLineId,
            ParentId = v.ParentId,
            ReportedOn = v.ReportedOn.ToProto(),
            Version = v.Version,
            Unvalued = v.Unvalued,
        },
        Reason = v.Reason,
        EffectiveOn = v.EffectiveOn.ToProto(),
        RecordedBy = v.RecordedBy,
        RecordTime = v.RecordedAt.ToTimestamp(),
        RequestId = v.RequestId,
        LedgerSequence = v.Sequence,
        PreviousHash = v.PreviousHash,
        Hash = v.Hash,
    };
}
