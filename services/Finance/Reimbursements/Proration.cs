using Coordination.Values;

namespace Coordination.Finance.Reimbursements;

/// <summary>
/// The proration rule, once: a monthly rate accrues by the day at one thirtieth of the month, over half-open periods
/// [first day, end day) — the day of repatriation or of the next inspection is not counted twice. Amounts are summed
/// exactly as decimals and rounded once, at the end, by the suite's one rule (<see cref="ExactMoney"/>: half to even,
/// to the cent).
/// </summary>
public static class Proration
{
    public const int DaysPerMonth = 30;

    /// <summary>Days from <paramref name="start"/> up to but not including <paramref name="end"/>; never negative.</summary>
    public static int Days(DateOnly start, DateOnly end) => Math.Max(0, end.DayNumber - start.DayNumber);

    /// <summary>The exact, unrounded amount for <paramref name="units"/> at <paramref name="monthlyRate"/> × <paramref name="factor"/> for <paramref name="days"/>.</summary>
    public static decimal Accrued(long units, decimal monthlyRate, decimal factor, int days) => units * monthlyRate * factor * days / DaysPerMonth;

    /// <summary>The one rounding of a sum of accruals.</summary>
    public static long ToCents(decimal usd) => ExactMoney.FromDecimal("USD", usd).MinorUnits;
}
