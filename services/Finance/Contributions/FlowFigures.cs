using Coordination.Finance.V1;

namespace Coordination.Finance.Contributions;

/// <summary>
/// What one flow, in one state, adds to the running totals. Appending a version takes away the figures of the state
/// before and adds those of the state after, so every total always equals the sum over the current versions.
/// <para>
/// Which flows are internal, once: an allocation from the trust fund to a budget line (a flow with a parent). Its money
/// was counted when the donor gave it, so it adds to the budget line it reaches and to nothing else: never to a donor's
/// totals, never to what the fund received. Everything else is external.
/// </para>
/// </summary>
public readonly record struct FlowFigures(
    bool External, string Donor, DateOnly DecidedOn, string BudgetLineId, ContributionStatus Status, Channel Channel, long UsdCents, bool Unvalued)
{
    public static FlowFigures Of(Contribution c) =>
        new(!c.IsInternal, c.DonorNation, c.DecidedOn, c.BudgetLineId, c.Status, c.Channel, c.Unvalued ? 0 : c.UsdCents, c.Unvalued);

    private bool Live => Status != ContributionStatus.Cancelled;

    /// <summary>Promised and not cancelled, whatever happened since.</summary>
    public long PledgedUsd => Live ? UsdCents : 0;

    /// <summary>Bound by an agreement or paid: what counts as funded.</summary>
    public long CommittedUsd => Status is ContributionStatus.Committed or ContributionStatus.Paid ? UsdCents : 0;

    public long PaidUsd => Status == ContributionStatus.Paid ? UsdCents : 0;

    public long SuspendedUsd => Status == ContributionStatus.Suspended ? UsdCents : 0;

    /// <summary>Money in the mission's hands: paid through the trust fund (an allocation is always trust-fund money).</summary>
    public long CashUsd => Channel == Channel.TrustFund ? PaidUsd : 0;

    public bool IsUnpaid => Live && Status != ContributionStatus.Paid;

    public int Count => Live ? 1 : 0;

    public int UnvaluedCount => Live && Unvalued ? 1 : 0;
}
