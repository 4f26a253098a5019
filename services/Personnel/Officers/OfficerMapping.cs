using Coordination.Contracts;
using Coordination.Personnel.V1;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Personnel.Officers;

public sealed class OfficerConfiguration : IEntityTypeConfiguration<Officer>
{
    public void Configure(EntityTypeBuilder<Officer> b)
    {
        b.ToTable("officers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.ServiceNumber).HasMaxLength(40);
        b.Property(x => x.FamilyName).HasMaxLength(100);
        b.Property(x => x.GivenNames).HasMaxLength(100);
        b.Property(x => x.Rank).HasMaxLength(60);
        b.Property(x => x.Gender).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Languages).HasJsonConversion();
        b.Property(x => x.Skills).HasJsonConversion();
        b.Property(x => x.Vetting).HasJsonConversion();
        b.Property(x => x.NextVettingStage).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Screening).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ContingentId).HasMaxLength(32);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.ComplexProperty(x => x.Audit);
        b.HasMany(x => x.Qualifications).WithOne().HasForeignKey(q => q.OfficerId);
        b.Navigation(x => x.Qualifications).HasField("qualifications");
        // The natural key: a re-sent roster finds its officers instead of registering them twice.
        b.HasIndex(x => new { x.Nation, x.ServiceNumber }).IsUnique();
        b.HasIndex(x => new { x.Nation, x.Id });
        b.HasIndex(x => new { x.ContingentId, x.Id });
        // The strength report counts officers by nation, status and gender from this index alone.
        b.HasIndex(x => new { x.Nation, x.Status, x.Gender });
    }
}

public sealed class QualificationConfiguration : IEntityTypeConfiguration<Qualification>
{
    public void Configure(EntityTypeBuilder<Qualification> b)
    {
        b.ToTable("officer_qualifications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.OfficerId).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(120);
        b.HasIndex(x => x.OfficerId);
        b.HasIndex(x => x.ExpiresOn);
    }
}

public static class OfficerMapping
{
    public static V1.Officer ToProto(this Officer o) => new()
    {
        Id = o.Id,
        NationCode = o.Nation,
        ServiceNumber = o.ServiceNumber,
        FamilyName = o.FamilyName,
        GivenNames = o.GivenNames,
        Rank = o.Rank,
        Gender = o.Gender,
        DateOfBirth = o.DateOfBirth.ToProto(),
        Languages = { o.Languages },
        Skills = { o.Skills },
        Vetting = { o.Vetting.Select(e => new VettingResult { Stage = e.Stage, Passed = e.Passed, On = e.On.ToProto() }) },
        NextVettingStage = o.NextVettingStage,
        HumanRightsScreening = new HumanRightsScreening { Result = o.Screening, On = o.ScreenedOn.ToProto() },
        Qualifications = { o.Qualifications.OrderBy(q => q.Kind).ThenBy(q => q.Name, StringComparer.Ordinal).Select(q => q.ToProto()) },
        Vetted = o.IsVetted,
        Status = o.Status,
        ContingentId = o.ContingentId,
        Audit = o.Audit.ToProto(),
    };

    public static V1.Qualification ToProto(this Qualification q) => new()
    {
        Kind = q.Kind,
        Name = q.Name,
        ObtainedOn = q.ObtainedOn.ToProto(),
        ExpiresOn = q.ExpiresOn.ToProto(),
    };
}
