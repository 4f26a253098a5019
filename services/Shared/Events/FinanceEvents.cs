namespace Coordination.Events;

/// <summary>A donor pledged money. Subject: the contribution id; nation: the donor.</summary>
public sealed record ContributionPledged : IntegrationEvent
{
    /// <summary>ISO 4217 code of the pledged amount.</summary>
    public required string Currency { get; init; }
    /// <summary>The pledged amount in minor units of <see cref="Currency"/>.</summary>
    public required long AmountMinorUnits { get; init; }
    /// <summary>The USD value in cents, at the rate recorded with the pledge.</summary>
    public required long UsdCents { get; init; }
    /// <summary>TRUST_FUND, BILATERAL or IN_KIND.</summary>
    public required string Channel { get; init; }
}

/// <summary>A pledge became binding (an agreement was signed). Subject: the contribution id; nation: the donor.</summary>
public sealed record ContributionCommitted : IntegrationEvent
{
    public required string Currency { get; init; }
    public required long AmountMinorUnits { get; init; }
    public required long UsdCents { get; init; }
}

/// <summary>A contribution's money was received. Subject: the contribution id; nation: the donor.</summary>
public sealed record ContributionPaid : IntegrationEvent
{
    public required string Currency { get; init; }
    public required long AmountMinorUnits { get; init; }
    public required long UsdCents { get; init; }
    public required DateOnly PaidOn { get; init; }
}

/// <summary>A contribution was put on hold. Subject: the contribution id; nation: the donor.</summary>
public sealed record ContributionSuspended : IntegrationEvent
{
    public required string Reason { get; init; }
}
