namespace Coordination.Events;

/// <summary>The Security Council adopted a mandate for the mission. Subject: the mandate id.</summary>
public sealed record MandateAdopted : IntegrationEvent
{
    public required string ResolutionSymbol { get; init; }
    public required DateOnly AdoptedOn { get; init; }
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }
    public required int PersonnelCeiling { get; init; }
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
}
