namespace Coordination.Events;

/// <summary>The Security Council adopted a mandate for the mission. Subject: the mandate id.</summary>
public sealed record MandateAdopted : IntegrationEvent
{
    public required string ResolutionSymbol { get; init; }
    public required DateOnly AdoptedOn { get; init; }
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }
    public required int PersonnelCeiling { get; init; }
    /// <summary>The part of the ceiling for uniformed personnel (S/RES/2793: 5,500); null when the resolution does not split it (and in older events).</summary>
    public int? UniformedCeiling { get; init; }
    /// <summary>The part of the ceiling for civilians (S/RES/2793: 50); null when not split.</summary>
    public int? CivilianCeiling { get; init; }
}

/// <summary>A renewal extended a mandate's period (and perhaps its ceiling). Subject: the mandate id.</summary>
public sealed record MandateExtended : IntegrationEvent
{
    public required string ResolutionSymbol { get; init; }
    public required DateOnly AdoptedOn { get; init; }
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PreviousPeriodEnd { get; init; }
    public required DateOnly PeriodEnd { get; init; }
    public required int PersonnelCeiling { get; init; }
    /// <summary>The part of the ceiling for uniformed personnel (S/RES/2793: 5,500); null when the resolution does not split it (and in older events).</summary>
    public int? UniformedCeiling { get; init; }
    /// <summary>The part of the ceiling for civilians (S/RES/2793: 50); null when not split.</summary>
    public int? CivilianCeiling { get; init; }
}

/// <summary>A successor mandate took over from another (contingents and funds carry over). Subject: the successor's id.</summary>
public sealed record MandateTransitioned : IntegrationEvent
{
    public required string PredecessorId { get; init; }
    public required DateOnly PredecessorPeriodEnd { get; init; }
    public required string ResolutionSymbol { get; init; }
    public required DateOnly AdoptedOn { get; init; }
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }
    public required int PersonnelCeiling { get; init; }
    /// <summary>The part of the ceiling for uniformed personnel (S/RES/2793: 5,500); null when the resolution does not split it (and in older events).</summary>
    public int? UniformedCeiling { get; init; }
    /// <summary>The part of the ceiling for civilians (S/RES/2793: 50); null when not split.</summary>
    public int? CivilianCeiling { get; init; }
}

/// <summary>A mandate ends in <see cref="DaysBefore"/> days (sent at 90 and at 30) and no renewal or successor is recorded. Subject: the mandate id.</summary>
public sealed record MandateExpiring : IntegrationEvent
{
    public required string ResolutionSymbol { get; init; }
    public required DateOnly PeriodEnd { get; init; }
    public required int DaysBefore { get; init; }
}

/// <summary>An agreement entered into force for every party, e.g. a status-of-forces agreement. Subject: the agreement id.</summary>
public sealed record AgreementInForce : IntegrationEvent
{
    /// <summary>STATUS_OF_FORCES, BILATERAL_RECIPROCAL, MOU_TOURISM, MOU_CULTURE or OTHER.</summary>
    public required string Kind { get; init; }
    public required string Title { get; init; }
    /// <summary>ISO 3166-1 alpha-3 codes of the parties.</summary>
    public required IReadOnlyList<string> Parties { get; init; }
    /// <summary>The day the last party entered into force (the latest of the parties' days), from which it binds them all.</summary>
    public required DateOnly InForceOn { get; init; }
}

/// <summary>
/// A party terminated an agreement, which ends it for every party from <see cref="TerminatedOn"/> (sent for each party
/// that terminates; the earliest day is the end). Subject: the agreement id.
/// </summary>
public sealed record AgreementTerminated : IntegrationEvent
{
    /// <summary>STATUS_OF_FORCES, BILATERAL_RECIPROCAL, MOU_TOURISM, MOU_CULTURE or OTHER.</summary>
    public required string Kind { get; init; }
    public required string Title { get; init; }
    /// <summary>ISO 3166-1 alpha-3 codes of the parties.</summary>
    public required IReadOnlyList<string> Parties { get; init; }
    /// <summary>The party that terminated it (also <see cref="IntegrationEvent.Nation"/>).</summary>
    public required string TerminatedBy { get; init; }
    public required DateOnly TerminatedOn { get; init; }
}

/// <summary>A partner announced a commitment. Subject: the commitment id; nation: the partner.</summary>
public sealed record CommitmentAnnounced : IntegrationEvent
{
    /// <summary>PERSONNEL or FUNDS.</summary>
    public required string Kind { get; init; }
    /// <summary>Officers promised (PERSONNEL), else 0.</summary>
    public required int Officers { get; init; }
    /// <summary>USD promised in cents (FUNDS), else 0.</summary>
    public required long UsdCents { get; init; }
    public required DateOnly DueOn { get; init; }
    /// <summary>Engagement it was announced at; empty when none.</summary>
    public required string EngagementId { get; init; }
    /// <summary>The day the partner announced it (it may be recorded later); null in older events, then the day of <see cref="IntegrationEvent.OccurredAt"/>.</summary>
    public DateOnly? AnnouncedOn { get; init; }
}

/// <summary>A commitment passed its due day without being fulfilled. Subject: the commitment id; nation: the partner.</summary>
public sealed record CommitmentSlipping : IntegrationEvent
{
    public required string Kind { get; init; }
    public required DateOnly DueOn { get; init; }
    /// <summary>Officers, or USD cents, promised.</summary>
    public required long Promised { get; init; }
    /// <summary>Officers, or USD cents, delivered so far.</summary>
    public required long Delivered { get; init; }
}

/// <summary>
/// Diplomacy issued an appeal to partners: the funding gap per budget line, the trust fund's runway, and each partner's
/// committed vs delivered. Subject: the appeal id.
/// </summary>
public sealed record AppealIssued : IntegrationEvent
{
    public required DateOnly IssuedOn { get; init; }
    /// <summary>The mission's funding gap over all budget lines of the current period, in US cents.</summary>
    public required long GapUsdCents { get; init; }
    /// <summary>The runway in months (decimal string, rounded down) from the FundRunwayLow that prompted it; null when issued without one.</summary>
    public string? RunwayMonths { get; init; }
    /// <summary>Partners with a line in the appeal.</summary>
    public required int PartnerCount { get; init; }
}
