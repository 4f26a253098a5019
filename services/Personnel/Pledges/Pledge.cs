using Coordination.Contracts;
using Coordination.Personnel.V1;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Personnel.Pledges;

/// <summary>A nation's pledge of officers to the mission.</summary>
public sealed class Pledge : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string Nation { get; private init; } = "";
    public UnitType UnitType { get; private init; }
    public int OfficerCount { get; private init; }
    public ReadinessLevel ReadinessLevel { get; private init; }
    public int Revision { get; private set; }
    public Audit Audit { get; private init; } = null!;

    private Pledge()
    {
    }

    public static Pledge Make(string nation, UnitType unitType, int officers, Audit audit) => new()
    {
        Nation = nation,
        UnitType = unitType,
        OfficerCount = officers,
        ReadinessLevel = ReadinessLevel.L1,
        Audit = audit,
    };

    public V1.Pledge ToProto() => new()
    {
        Id = Id,
        NationCode = Nation,
        UnitType = UnitType,
        OfficerCount = OfficerCount,
        ReadinessLevel = ReadinessLevel,
        Audit = Audit.ToProto(),
    };
}

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
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.ComplexProperty(x => x.Audit);
        b.HasIndex(x => new { x.Nation, x.Id });
    }
}
