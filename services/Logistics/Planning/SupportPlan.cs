using Coordination.Contracts;
using Coordination.Logistics.V1;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Logistics.Planning;

/// <summary>
/// The rations and movement logistics plans for a deployed contingent: its officers fed from deployment to the
/// planned tour end (person-days of rations), moved in, and, once repatriated, moved home.
/// </summary>
public sealed class SupportPlan : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string ContingentId { get; private init; } = "";
    public string Nation { get; private init; } = "";
    public string SiteId { get; private init; } = "";
    public int Officers { get; private init; }
    public DateOnly StartsOn { get; private init; }
    public DateOnly EndsOn { get; private set; }
    public long RationDays { get; private set; }
    public int InboundMovement { get; private init; }
    public int OutboundMovement { get; private set; }
    public SupportPlanStatus Status { get; private set; }
    public int Revision { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    private SupportPlan()
    {
    }

    public static SupportPlan ForDeployment(string contingentId, string nation, string siteId, int officers, DateOnly deployedOn, DateOnly plannedTourEnd, DateTime at) => new()
    {
        ContingentId = contingentId,
        Nation = nation,
        SiteId = siteId,
        Officers = officers,
        StartsOn = deployedOn,
        EndsOn = plannedTourEnd,
        RationDays = RationDaysFor(officers, deployedOn, plannedTourEnd),
        InboundMovement = officers,
        Status = SupportPlanStatus.Active,
        UpdatedAt = at,
    };

    /// <summary>The contingent went home: rations stop on the day it left, and its officers are moved out.</summary>
    public void Close(DateOnly repatriatedOn, int officers, DateTime at)
    {
        EndsOn = repatriatedOn < StartsOn ? StartsOn : repatriatedOn;
        RationDays = RationDaysFor(Officers, StartsOn, EndsOn);
        OutboundMovement = officers;
        Status = SupportPlanStatus.Closed;
        Revision++;
        UpdatedAt = at;
    }

    /// <summary>Officers × days, both ends included.</summary>
    public static long RationDaysFor(int officers, DateOnly from, DateOnly to) =>
        to < from ? 0 : (long)officers * (to.DayNumber - from.DayNumber + 1);
}

public sealed class SupportPlanConfiguration : IEntityTypeConfiguration<SupportPlan>
{
    public void Configure(EntityTypeBuilder<SupportPlan> b)
    {
        b.ToTable("support_plans");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.ContingentId).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.SiteId).HasMaxLength(32);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => x.ContingentId).IsUnique();
        b.HasIndex(x => x.SiteId);
    }
}

public static class SupportPlanMapping
{
    public static V1.SupportPlan ToProto(this SupportPlan p) => new()
    {
        ContingentId = p.ContingentId,
        NationCode = p.Nation,
        SiteId = p.SiteId,
        Officers = p.Officers,
        StartsOn = p.StartsOn.ToProto(),
        EndsOn = p.EndsOn.ToProto(),
        RationDays = p.RationDays,
        InboundMovement = p.InboundMovement,
        OutboundMovement = p.OutboundMovement,
        Status = p.Status,
    };
}
