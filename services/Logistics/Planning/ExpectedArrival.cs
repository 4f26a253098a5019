using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Logistics.Planning;

/// <summary>
/// A nation's personnel pledge as logistics plans for it (PersonnelPledged, PledgeLevelChanged, PledgeWithdrawn): the
/// unit, its officers and the readiness level it reached on which day. At L2 and above its arrival enters the planning
/// (<see cref="ArrivalNeeds"/>). The events may arrive in any order: the pledge's latest version wins, and a withdrawal
/// is final.
/// </summary>
public sealed class ExpectedArrival : IKeyed
{
    /// <summary>The pledge id.</summary>
    public string Id { get; private init; } = "";
    public string Nation { get; private init; } = "";
    /// <summary>FORMED_POLICE_UNIT, INDIVIDUAL_POLICE_OFFICERS or STAFF_OFFICERS; empty until an event about the unit arrives.</summary>
    public string UnitType { get; private set; } = "";
    public int Officers { get; private set; }
    /// <summary>L1, L2, L3 or RAPID_DEPLOYMENT; empty until an event about the unit arrives.</summary>
    public string ReadinessLevel { get; private set; } = "";
    /// <summary>The day the pledge reached its level (the event's day).</summary>
    public DateOnly? LevelReachedOn { get; private set; }
    /// <summary>The pledge version applied: 1 for PersonnelPledged, then PledgeLevelChanged's; 0 while none is.</summary>
    public int PledgeVersion { get; private set; }
    public bool Withdrawn { get; private set; }
    public int Revision { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    private ExpectedArrival()
    {
    }

    /// <summary>Applies the pledge as its <paramref name="version"/> states it, unless a later version was applied already.</summary>
    public void Pledged(int version, string unitType, int officers, string level, DateTime at)
    {
        if (version <= PledgeVersion)
        {
            return;
        }
        PledgeVersion = version;
        UnitType = unitType;
        Officers = officers;
        if (level != ReadinessLevel)
        {
            ReadinessLevel = level;
            LevelReachedOn = DateOnly.FromDateTime(at);
        }
        Changed(at);
    }

    public void Withdraw(DateTime at)
    {
        Withdrawn = true;
        Changed(at);
    }

    private void Changed(DateTime at)
    {
        Revision++;
        UpdatedAt = at;
    }
}

public sealed class ExpectedArrivalConfiguration : IEntityTypeConfiguration<ExpectedArrival>
{
    public void Configure(EntityTypeBuilder<ExpectedArrival> b)
    {
        b.ToTable("expected_arrivals");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.UnitType).HasMaxLength(40);
        b.Property(x => x.ReadinessLevel).HasMaxLength(20);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => x.Nation);
    }
}
