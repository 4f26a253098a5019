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

/// <summary>
/// A suspension was lifted: the contribution is back at the status it had when suspended. Subject: the contribution id;
/// nation: the donor.
/// </summary>
public sealed record ContributionReinstated : IntegrationEvent
{
    /// <summary>PLEDGED or COMMITTED: the status the contribution returned to (finance never suspends a payment).</summary>
    public required string Status { get; init; }
    /// <summary>Its USD value in cents (latest version).</summary>
    public required long UsdCents { get; init; }
}

/// <summary>
/// A contribution was corrected (a new version: amount, rate, earmark, recipient or dates). Subject: the contribution
/// id; nation: the donor. Not published for allocations from the trust fund, which are internal.
/// </summary>
public sealed record ContributionCorrected : IntegrationEvent
{
    /// <summary>Version number the correction created.</summary>
    public required int ContributionVersion { get; init; }
    /// <summary>ISO 4217 code of the amount after the correction.</summary>
    public required string Currency { get; init; }
    /// <summary>The amount after the correction, in minor units of <see cref="Currency"/>.</summary>
    public required long AmountMinorUnits { get; init; }
    /// <summary>The USD value in cents after the correction (0 while unvalued).</summary>
    public required long UsdCents { get; init; }
    /// <summary>The USD value in cents before it, so a consumer can adjust a running total.</summary>
    public required long PreviousUsdCents { get; init; }
    /// <summary>Why it was corrected.</summary>
    public required string Reason { get; init; }
}

/// <summary>
/// The mission owes a contributing country a reimbursement: a contingent was repatriated (personnel, for its whole
/// deployment) or contingent-owned equipment was inspected out at repatriation (equipment, for its whole stay). A later
/// fact that changes the amount (a late inspection, say) is announced again with the difference. Subject: the
/// contingent id (personnel) or the MOU line id (equipment); nation: the contributing country.
/// </summary>
public sealed record ReimbursementOwed : IntegrationEvent
{
    /// <summary>PERSONNEL or EQUIPMENT.</summary>
    public required string Kind { get; init; }
    /// <summary>The contingent the reimbursement is for.</summary>
    public required string ContingentId { get; init; }
    /// <summary>First day reimbursed.</summary>
    public required DateOnly PeriodStart { get; init; }
    /// <summary>Day the period ends, not itself reimbursed (repatriation or final inspection day).</summary>
    public required DateOnly PeriodEnd { get; init; }
    /// <summary>Officers (personnel) or units of equipment.</summary>
    public required int Quantity { get; init; }
    /// <summary>What this announcement adds to what is owed, in US cents (negative when a late fact lowers it).</summary>
    public required long UsdCents { get; init; }
    /// <summary>What is owed for the subject in total after it, in US cents.</summary>
    public required long TotalUsdCents { get; init; }
}

/// <summary>
/// The trust fund's runway (balance divided by monthly burn) fell below the configured number of months. Announced
/// once each time it falls below, not again while it stays there. Subject: "trust-fund".
/// </summary>
public sealed record FundRunwayLow : IntegrationEvent
{
    /// <summary>The fund's balance in US cents.</summary>
    public required long BalanceUsdCents { get; init; }
    /// <summary>Disbursements of the last 90 days divided by 3, in US cents.</summary>
    public required long MonthlyBurnUsdCents { get; init; }
    /// <summary>Balance divided by monthly burn, rounded down to two decimals, e.g. "2.75".</summary>
    public required string RunwayMonths { get; init; }
    /// <summary>The configured threshold in months.</summary>
    public required int WarningMonths { get; init; }
    /// <summary>The day the runway was measured, by finance's clock.</summary>
    public required DateOnly AsOf { get; init; }
    /// <summary>The budget period the gaps are of (the one running on <see cref="AsOf"/>, else the latest); empty when there is none.</summary>
    public string BudgetPeriodId { get; init; } = "";
    /// <summary>Each budget line of that period with its requirement, funding and gap (empty in events sent before it was added).</summary>
    public IReadOnlyList<FundingGap> Gaps { get; init; } = [];
}

/// <summary>A budget line's requirement (as revised), what funds it, and the gap (never negative), in US cents.</summary>
public sealed record FundingGap
{
    public required string BudgetLineId { get; init; }
    /// <summary>PERSONNEL_REIMBURSEMENT, EQUIPMENT, LOGISTICS, TRAINING or HUMAN_RIGHTS_OVERSIGHT.</summary>
    public required string Category { get; init; }
    public required string Description { get; init; }
    public required long RequirementUsdCents { get; init; }
    public required long FundedUsdCents { get; init; }
    public required long GapUsdCents { get; init; }
}
