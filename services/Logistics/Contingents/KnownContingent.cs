using Coordination.Errors;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Logistics.Contingents;

/// <summary>Where a contingent stands as personnel's events tell logistics: only as far as logistics needs it.</summary>
public enum KnownContingentStatus
{
    Requested = 1,
    Deployed = 2,
    Repatriated = 3,
}

/// <summary>
/// A contingent as logistics knows it from personnel's events (ContingentRequested, ContingentDeployed,
/// ContingentRepatriated): its nation, where it stands, and what its deployment and repatriation said. MOU lines and
/// requisitions may name only a known contingent, and equipment is inspected only while the contingent is in the
/// mission area. The events may arrive in any order; each fills in what it knows and the status only moves forward.
/// Its support plan and the officers it adds to its site are read from here (<see cref="Planning.SupportPlan"/>), so
/// the one rule that applies the events in any order serves them too.
/// </summary>
public sealed class KnownContingent : IKeyed
{
    public string Id { get; private init; } = "";
    public string Nation { get; private init; } = "";
    /// <summary>FORMED_POLICE_UNIT, INDIVIDUAL_POLICE_OFFICERS or STAFF_OFFICERS; empty until ContingentRequested arrives.</summary>
    public string UnitType { get; private set; } = "";
    public int OfficerCount { get; private set; }
    public KnownContingentStatus Status { get; private set; }
    public DateOnly? DeployedOn { get; private set; }
    public DateOnly? RepatriatedOn { get; private set; }
    /// <summary>The site it deployed to (ContingentDeployed); empty when none was named.</summary>
    public string SiteId { get; private set; } = "";
    /// <summary>The end of its tour as planned when it deployed (cut short at the mandate's end then, when that came first).</summary>
    public DateOnly? PlannedTourEnd { get; private set; }
    /// <summary>The end of its tour's length, before any mandate cut it short; null when the deployment did not say.</summary>
    public DateOnly? TourLengthEnd { get; private set; }
    /// <summary>Officers who deployed (moved in, fed, supporting the site); 0 until ContingentDeployed arrives.</summary>
    public int DeployedOfficers { get; private set; }
    /// <summary>Officers who went home (moved out); 0 until ContingentRepatriated arrives.</summary>
    public int RepatriatedOfficers { get; private set; }
    public int Revision { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    private KnownContingent()
    {
    }

    public void Requested(string unitType, int officerCount, DateTime at)
    {
        UnitType = unitType;
        if (Status == KnownContingentStatus.Requested)
        {
            OfficerCount = officerCount;
        }
        Changed(at);
    }

    public void Deployed(DateOnly on, int officerCount, string siteId, DateOnly plannedTourEnd, DateOnly? tourLengthEnd, DateTime at)
    {
        DeployedOn = on;
        DeployedOfficers = officerCount;
        SiteId = siteId;
        PlannedTourEnd = plannedTourEnd;
        TourLengthEnd = tourLengthEnd;
        if (Status != KnownContingentStatus.Repatriated)
        {
            Status = KnownContingentStatus.Deployed;
            OfficerCount = officerCount;
        }
        Changed(at);
    }

    public void Repatriated(DateOnly on, int officerCount, DateTime at)
    {
        RepatriatedOn = on;
        RepatriatedOfficers = officerCount;
        Status = KnownContingentStatus.Repatriated;
        OfficerCount = officerCount;
        Changed(at);
    }

    /// <summary>Refuses a record of <paramref name="nation"/> on this contingent when it is another nation's.</summary>
    public void EnsureNation(string nation, string record)
    {
        if (!string.Equals(nation, Nation, StringComparison.Ordinal))
        {
            throw new PreconditionFailedException("CONTINGENT_NATION", $"contingents/{Id}",
                $"Contingent {Id} is {Nation}'s, not {nation}'s: {record} names the contingent's own nation.");
        }
    }

    /// <summary>Refuses a new record for a contingent that went home.</summary>
    public void EnsureNotRepatriated(string action)
    {
        if (Status == KnownContingentStatus.Repatriated)
        {
            throw new PreconditionFailedException("CONTINGENT_REPATRIATED", $"contingents/{Id}",
                $"Contingent {Id} was repatriated on {RepatriatedOn:yyyy-MM-dd}; it can no longer {action}.");
        }
    }

    /// <summary>Refuses a day the contingent was not in the mission area: before its deployment, after its repatriation.</summary>
    public void EnsureInMissionAreaOn(DateOnly on, string what)
    {
        if (DeployedOn is not { } deployed)
        {
            throw new PreconditionFailedException("CONTINGENT_NOT_DEPLOYED", $"contingents/{Id}",
                $"Contingent {Id} has not deployed (as personnel last announced); {what} only from its deployment on.");
        }
        if (on < deployed || on > RepatriatedOn)
        {
            throw new PreconditionFailedException("OUTSIDE_DEPLOYMENT", $"contingents/{Id}",
                $"{on:yyyy-MM-dd} is outside contingent {Id}'s time in the mission area (deployed {deployed:yyyy-MM-dd}" +
                (RepatriatedOn is { } home ? $", repatriated {home:yyyy-MM-dd}" : ", not repatriated") + $"); {what} only within it.");
        }
    }

    private void Changed(DateTime at)
    {
        Revision++;
        UpdatedAt = at;
    }
}

public sealed class KnownContingentConfiguration : IEntityTypeConfiguration<KnownContingent>
{
    public void Configure(EntityTypeBuilder<KnownContingent> b)
    {
        b.ToTable("known_contingents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.UnitType).HasMaxLength(40);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SiteId).HasMaxLength(32);
        b.Property(x => x.Revision).IsConcurrencyToken();
        // Support plans of a site, and the officers a site supports.
        b.HasIndex(x => x.SiteId);
    }
}
