namespace Coordination.Finance.Reimbursements;

/// <summary>
/// What the mission pays contributing countries, in USD per month. Bound from <c>Finance:Reimbursement</c>. The
/// defaults are illustrative only, of the order of the UN's standard rate per police officer per month and of
/// contingent-owned-equipment lease rates; they are no agreed figure: set the mission's own.
/// </summary>
public sealed class ReimbursementRates
{
    public const string Section = "Finance:Reimbursement";

    /// <summary>Per officer per month.</summary>
    public decimal PersonnelMonthlyUsd { get; set; } = 1_448.00m;

    /// <summary>Per unit of wet-leased equipment (maintained by the contributing country) per month.</summary>
    public decimal WetLeaseMonthlyUsd { get; set; } = 2_500.00m;

    /// <summary>Per unit of dry-leased equipment (maintained by the mission) per month.</summary>
    public decimal DryLeaseMonthlyUsd { get; set; } = 1_750.00m;

    /// <summary>Refuses rates that are negative or finer than a cent, at start-up.</summary>
    public void Validate()
    {
        foreach (var (name, rate) in new[] { (nameof(PersonnelMonthlyUsd), PersonnelMonthlyUsd), (nameof(WetLeaseMonthlyUsd), WetLeaseMonthlyUsd), (nameof(DryLeaseMonthlyUsd), DryLeaseMonthlyUsd) })
        {
            if (rate < 0 || decimal.Round(rate, 2) != rate)
            {
                throw new InvalidOperationException($"{Section}:{name} must be a non-negative amount in whole cents; got {rate}.");
            }
        }
    }
}
