namespace Coordination.Events;

/// <summary>
/// A nation asked for a contingent to be formed (personnel's REQUESTED): from now on the mission knows it, before it
/// deploys, so MOU lines and requisitions can name it. Subject: the contingent id; nation: its nation.
/// </summary>
public sealed record ContingentRequested : IntegrationEvent
{
    /// <summary>FORMED_POLICE_UNIT, INDIVIDUAL_POLICE_OFFICERS or STAFF_OFFICERS.</summary>
    public required string UnitType { get; init; }
    public required int OfficerCount { get; init; }
}

/// <summary>A contingent went on duty in the mission area. Subject: the contingent id; nation: its nation.</summary>
public sealed record ContingentDeployed : IntegrationEvent
{
    public required int OfficerCount { get; init; }
    /// <summary>Logistics site the contingent protects; empty when it is not assigned to one.</summary>
    public required string SiteId { get; init; }
    public required DateOnly DeployedOn { get; init; }
    /// <summary>The end of its tour: its length from <see cref="DeployedOn"/>, cut short at the mandate's end when that comes first.</summary>
    public required DateOnly PlannedTourEnd { get; init; }
    /// <summary>
    /// The end of its tour's length from <see cref="DeployedOn"/>, before any mandate cuts it short: where a renewal moves
    /// the mandate's end, the tour runs to the earlier of the two. Null in events published before it was added (then
    /// <see cref="PlannedTourEnd"/> is all that is known).
    /// </summary>
    public DateOnly? TourLengthEnd { get; init; }
}

/// <summary>A contingent is back home. Subject: the contingent id; nation: its nation.</summary>
public sealed record ContingentRepatriated : IntegrationEvent
{
    public required int OfficerCount { get; init; }
    public required string SiteId { get; init; }
    public required DateOnly RepatriatedOn { get; init; }
}

/// <summary>
/// A contingent's capability changed with its equipment: logistics inspected a line of its major equipment below its
/// serviceability threshold (reduced), or the last such line serviceable again (restored). Subject: the contingent id;
/// nation: its nation.
/// </summary>
public sealed record ContingentCapabilityChanged : IntegrationEvent
{
    /// <summary>True while a line of its major equipment is below its threshold at its latest inspection.</summary>
    public required bool ReducedCapability { get; init; }
    /// <summary>The inspection day that changed it.</summary>
    public required DateOnly InspectedOn { get; init; }
    /// <summary>The contingent's announcements in the order personnel made them (1, 2, …): a consumer keeps the highest.</summary>
    public required int Sequence { get; init; }
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

/// <summary>
/// A pledge's readiness level changed: it rose because the evidence its gate needs was recorded, or it dropped to L1
/// because a revision pledged another unit (another unit type or more officers) that the mission has yet to verify.
/// Subject: the pledge id; nation: the pledging nation.
/// </summary>
public sealed record PledgeLevelChanged : IntegrationEvent
{
    /// <summary>L1, L2, L3 or RAPID_DEPLOYMENT before the change.</summary>
    public required string PreviousLevel { get; init; }
    /// <summary>L1, L2, L3 or RAPID_DEPLOYMENT now.</summary>
    public required string ReadinessLevel { get; init; }
    public required int OfficerCount { get; init; }
    public required string UnitType { get; init; }
    /// <summary>The pledge's version that carries the new level.</summary>
    public required int PledgeVersion { get; init; }
    /// <summary>
    /// EVIDENCE_RECORDED (the level rose) or PLEDGE_REVISED (the level dropped to L1: the mission's evidence was of the
    /// unit as it was, and it verifies the revised one again).
    /// </summary>
    public required string Cause { get; init; }
}

/// <summary>A nation withdrew a pledge; its officers no longer count as pledged. Subject: the pledge id; nation: the pledging nation.</summary>
public sealed record PledgeWithdrawn : IntegrationEvent
{
    public required int OfficerCount { get; init; }
    public required string UnitType { get; init; }
    public required string ReadinessLevel { get; init; }
    public required DateOnly WithdrawnOn { get; init; }
    public required string Reason { get; init; }
}

/// <summary>
/// An incoming contingent will relieve a deployed one in place: both are on duty from the incoming's arrival to the
/// outgoing's departure. Subject: the rotation id; nation: the incoming contingent's nation.
/// </summary>
public sealed record RotationScheduled : IntegrationEvent
{
    public required string OutgoingContingentId { get; init; }
    public required string IncomingContingentId { get; init; }
    /// <summary>Site the incoming contingent takes over; empty when the outgoing one has none.</summary>
    public required string SiteId { get; init; }
    public required int OutgoingOfficerCount { get; init; }
    public required int IncomingOfficerCount { get; init; }
    public required DateOnly IncomingArrivesOn { get; init; }
    public required DateOnly OutgoingDepartsOn { get; init; }
    /// <summary>Days both contingents are on duty (relief in place).</summary>
    public required int OverlapDays { get; init; }
    /// <summary>
    /// The end of the incoming contingent's tour length counted from <see cref="IncomingArrivesOn"/>, before any mandate
    /// cuts it short: how long the relief is to be supported. Null in events published before it was added.
    /// </summary>
    public DateOnly? IncomingTourLengthEnd { get; init; }
}

/// <summary>
/// A change left fewer officers on duty at a site than the posture logistics says it requires. Subject: the site id.
/// Counts only; no officer is named.
/// </summary>
public sealed record SiteCoverageGap : IntegrationEvent
{
    public required string SiteName { get; init; }
    public required int RequiredPosture { get; init; }
    /// <summary>Officers of DEPLOYED contingents assigned to the site.</summary>
    public required int OfficersOnDuty { get; init; }
    /// <summary>RequiredPosture minus OfficersOnDuty, always above 0.</summary>
    public required int Shortfall { get; init; }
    /// <summary>What changed: CONTINGENT_DEPLOYED, CONTINGENT_DEMOBILIZING, CONTINGENT_MOVED or POSTURE_CHANGED.</summary>
    public required string Cause { get; init; }
    /// <summary>The contingent whose change opened or widened the gap; empty for a posture change.</summary>
    public required string ContingentId { get; init; }
}
