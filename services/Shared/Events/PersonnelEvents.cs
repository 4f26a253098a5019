namespace Coordination.Events;

/// <summary>A contingent went on duty in the mission area. Subject: the contingent id; nation: its nation.</summary>
public sealed record ContingentDeployed : IntegrationEvent
{
    public required int OfficerCount { get; init; }
    /// <summary>Logistics site the contingent protects; empty when it is not assigned to one.</summary>
    public required string SiteId { get; init; }
    public required DateOnly DeployedOn { get; init; }
    public required DateOnly PlannedTourEnd { get; init; }
}

/// <summary>A contingent is back home. Subject: the contingent id; nation: its nation.</summary>
public sealed record ContingentRepatriated : IntegrationEvent
{
    public required int OfficerCount { get; init; }
    public required string SiteId { get; init; }
    public required DateOnly RepatriatedOn { get; init; }
}

/// <summary>A nation pledged officers to the mission. Subject: the pledge id; nation: the pledging nation.</summary>
public sealed record PersonnelPledged : IntegrationEvent
{
    public required int OfficerCount { get; init; }
    /// <summary>FORMED_POLICE_UNIT, INDIVIDUAL_POLICE_OFFICERS or STAFF_OFFICERS.</summary>
    public required string UnitType { get; init; }
    /// <summary>L1, L2, L3 or RAPID_DEPLOYMENT.</summary>
    public required string ReadinessLevel { get; init; }
}
