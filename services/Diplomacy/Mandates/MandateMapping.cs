using Coordination.Contracts;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Diplomacy.Mandates;

public sealed class MandateConfiguration : IEntityTypeConfiguration<Mandate>
{
    public void Configure(EntityTypeBuilder<Mandate> b)
    {
        b.ToTable("mandates");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.ResolutionSymbol).HasMaxLength(60);
        b.HasIndex(x => x.ResolutionSymbol).IsUnique();
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.ComplexProperty(x => x.Vote);
        b.ComplexProperty(x => x.Audit);
        b.Property(x => x.MemberVotes).HasJsonConversion();
        b.Property(x => x.Tasks).HasJsonConversion();
        b.Property(x => x.Obligations).HasJsonConversion();
        b.Property(x => x.PredecessorId).HasMaxLength(32);
        b.Property(x => x.SuccessorId).HasMaxLength(32);
        b.HasMany(x => x.Renewals).WithOne().HasForeignKey(r => r.MandateId);
        b.Navigation(x => x.Renewals).HasField("renewals").AutoInclude();
    }
}

public sealed class MandateRenewalConfiguration : IEntityTypeConfiguration<MandateRenewal>
{
    public void Configure(EntityTypeBuilder<MandateRenewal> b)
    {
        b.ToTable("mandate_renewals");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.MandateId).HasMaxLength(32);
        b.Property(x => x.ResolutionSymbol).HasMaxLength(60);
        b.HasIndex(x => x.ResolutionSymbol).IsUnique();
        b.ComplexProperty(x => x.Vote);
    }
}

public static class MandateMapping
{
    public static V1.Mandate ToProto(this Mandate m, DateOnly today) => new()
    {
        Status = m.StatusOn(today),
        PredecessorId = m.PredecessorId,
        SuccessorId = m.SuccessorId,
        MemberVotes = { m.MemberVotes.Select(v => new V1.MemberVote { MemberCode = v.Member, Position = v.Position }) },
        Tasks = { m.Tasks },
        ReportingObligations = { m.Obligations.Select(o => new V1.ReportingObligation { Title = o.Title, DueOn = o.DueOn.ToProto(), Kind = o.Kind }) },
        Id = m.Id,
        ResolutionSymbol = m.ResolutionSymbol,
        AdoptedOn = m.AdoptedOn.ToProto(),
        Vote = m.Vote.ToProto(),
        PeriodStart = m.PeriodStart.ToProto(),
        PeriodEnd = m.PeriodEnd.ToProto(),
        PersonnelCeiling = m.PersonnelCeiling,
        CeilingSplit = m.Split?.ToProto(),
        Renewals =
        {
            m.Renewals.OrderBy(r => r.AdoptedOn).Select(r => new V1.MandateRenewal
            {
                ResolutionSymbol = r.ResolutionSymbol,
                AdoptedOn = r.AdoptedOn.ToProto(),
                PreviousPeriodEnd = r.PreviousPeriodEnd.ToProto(),
                PeriodEnd = r.PeriodEnd.ToProto(),
                PersonnelCeiling = r.PersonnelCeiling,
                Vote = r.Vote.ToProto(),
                CeilingSplit = CeilingParts.Of(r.UniformedCeiling, r.CivilianCeiling)?.ToProto(),
            }),
        },
        Audit = m.Audit.ToProto(),
    };

    public static V1.CeilingSplit ToProto(this CeilingParts p) => new() { Uniformed = p.Uniformed, Civilian = p.Civilian };

    public static V1.Vote ToProto(this CouncilVote v) => new() { InFavour = v.InFavour, Against = v.Against, Abstentions = v.Abstentions };
}
