namespace Coordination.Finance.Contributions;

/// <summary>
/// The net change a set of flow states makes to the running totals: what <see cref="Tallies"/> applies for one version
/// (the state before taken away, the state after added), and what a bulk load adds up for all of its flows at once.
/// </summary>
public sealed class TallyDelta
{
    public long Received { get; private set; }
    public long ReceivedUnearmarked { get; private set; }
    public long AllocatedPaid { get; private set; }
    public Dictionary<string, TallySums> Donors { get; } = new(StringComparer.Ordinal);
    public Dictionary<(string Donor, DateOnly DecidedOn), (long Usd, int Count)> UnpaidDays { get; } = [];
    public Dictionary<string, TallySums> Lines { get; } = new(StringComparer.Ordinal);

    public void Add(FlowFigures f, int sign)
    {
        if (f.External)
        {
            Donors[f.Donor] = Donors.GetValueOrDefault(f.Donor) + TallySums.Of(f, sign);
            if (f.IsUnpaid)
            {
                var (usd, count) = UnpaidDays.GetValueOrDefault((f.Donor, f.DecidedOn));
                UnpaidDays[(f.Donor, f.DecidedOn)] = (usd + (sign * f.UsdCents), count + sign);
            }
            Received += sign * f.CashUsd;
            if (f.BudgetLineId.Length == 0)
            {
                ReceivedUnearmarked += sign * f.CashUsd;
            }
        }
        else
        {
            AllocatedPaid += sign * f.PaidUsd;
        }
        if (f.BudgetLineId.Length > 0)
        {
            Lines[f.BudgetLineId] = Lines.GetValueOrDefault(f.BudgetLineId) + TallySums.Of(f, sign);
        }
    }
}

/// <summary>Sums of flow figures for one donor or one budget line.</summary>
public readonly record struct TallySums(int Count, long Pledged, long Committed, long Paid, long Suspended, long Cash, int Unvalued, long Unpaid, int UnpaidCount)
{
    public static TallySums Of(FlowFigures f, int sign) => new(sign * f.Count, sign * f.PledgedUsd, sign * f.CommittedUsd, sign * f.PaidUsd,
        sign * f.SuspendedUsd, sign * f.CashUsd, sign * f.UnvaluedCount, f.IsUnpaid ? sign * f.UsdCents : 0, f.IsUnpaid ? sign : 0);

    public static TallySums operator +(TallySums a, TallySums b) => new(a.Count + b.Count, a.Pledged + b.Pledged, a.Committed + b.Committed,
        a.Paid + b.Paid, a.Suspended + b.Suspended, a.Cash + b.Cash, a.Unvalued + b.Unvalued, a.Unpaid + b.Unpaid, a.UnpaidCount + b.UnpaidCount);
}
