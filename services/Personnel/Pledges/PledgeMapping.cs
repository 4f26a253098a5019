using Coordination.Contracts;
using Coordination.Personnel.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Personnel.Pledges;

public sealed class PledgeConfiguration : IEntityTypeConfiguration<Pledge>
{
    public void Configure(EntityTypeBuilder<Pledge> b)
    {
        b.ToTable("pledges");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.UnitType).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.ReadinessLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.WithdrawalReason).HasMaxLength(500);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.ComplexProperty(x => x.Evidence);
        b.ComplexProperty(x => x.Audit);
        b.HasIndex(x => new { x.Nation, x.Id });
        b.HasIndex(x => new { x.Status, x.RenewalDueOn });
    }
}

public sealed class PledgeVersionConfiguration : IEntityTypeConfiguration<PledgeVersion>
{
    public void Configure(EntityTypeBuilder<PledgeVersion> b)
    {
        b.ToTable("pledge_versions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.PledgeId).HasMaxLength(32);
        b.Property(x => x.Change).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.UnitType).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.ReadinessLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.ChangedBy).HasMaxLength(200);
        b.ComplexProperty(x => x.Evidence);
        b.HasIndex(x => new { x.PledgeId, x.Version }).IsUnique();
        b.HasIndex(x => new { x.PledgeId, x.Id });
        b.HasOne<Pledge>().WithMany().HasForeignKey(x => x.PledgeId);
    }
}

public static class PledgeMapping
{
    public static V1.Pledge ToProto(this Pledge p) => new()
    {
        Id = p.Id,
        NationCode = p.Nation,
        UnitType = p.UnitType,
        OfficerCount = p.OfficerCount,
        ReadinessLevel = p.ReadinessLevel,
        Audit = p.Audit.ToProto(),
        Version = p.Version,
        Status = p.Status,
        PledgedOn = p.PledgedOn.ToProto(),
        Evidence = p.Evidence.ToProto(),
        MissingEvidence = { p.Status == PledgeStatus.Active ? Readiness.MissingForNext(p.Evidence) : [] },
        RenewalDueOn = p.Status == PledgeStatus.Active ? p.RenewalDueOn.ToProto() : null,
        LastRenewedOn = p.LastRenewedOn.ToProto(),
        WithdrawnOn = p.WithdrawnOn.ToProto(),
        WithdrawalReason = p.WithdrawalReason,
    };

    public static V1.PledgeVersion ToProto(this PledgeVersion v) => new()
    {
        Version = v.Version,
        Change = v.Change,
        UnitType = v.UnitType,
        OfficerCount = v.OfficerCount,
        ReadinessLevel = v.ReadinessLevel,
        Status = v.Status,
        Evidence = v.Evidence.ToProto(),
        Reason = v.Reason,
        ChangedBy = v.ChangedBy,
        ChangeTime = v.ChangedAt.ToTimestamp(),
    };

    private static V1.PledgeEvidence ToProto(this PledgeEvidence e) => new()
    {
        AssessmentVisitOn = e.AssessmentVisitOn.ToProto(),
        VerifiedOn = e.VerifiedOn.ToProto(),
        DeployableWithinDays = e.DeployableWithinDays ?? 0,
        RapidDeploymentConfirmedOn = e.RapidDeploymentConfirmedOn.ToProto(),
    };
}

public static class ExpectedPledgeMapping
{
    public static V1.ExpectedPledge ToProto(this ExpectedPledgeProgress progress, DateOnly today)
    {
        var e = progress.Expected;
        var outstanding = e.Officers - progress.PledgedOfficers;
        return new V1.ExpectedPledge
        {
            CommitmentId = e.CommitmentId,
            NationCode = e.Nation,
            OfficersPromised = e.Officers,
            DueOn = e.DueOn.ToProto(),
            AnnouncedOn = e.AnnouncedOn.ToProto(),
            EngagementId = e.EngagementId,
            OfficersPledged = progress.PledgedOfficers,
            OfficersOutstanding = outstanding,
            Overdue = outstanding > 0 && e.DueOn < today,
            CountedPledges = { progress.CountedPledges.Select(c => new CountedPledge { PledgeId = c.PledgeId, Officers = c.Officers }) },
        };
    }
}
