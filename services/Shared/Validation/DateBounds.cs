using Coordination.Common.V1;

namespace Coordination.Validation;

/// <summary>
/// The days a client may send, by the service's clock (its <see cref="TimeProvider"/>). A fact (a decision, a payment,
/// a meeting, an adoption) has happened: it is dated at most tomorrow by UTC, which has already begun east of UTC (in
/// Nairobi from 21:00 UTC). A plan (a mandate's period, a due day) is dated at most ten years ahead, the span of the
/// mandate calendar. Neither is dated before 2000-01-01, older than any mission the suite serves. Then each record's own
/// order: a day is not before the days that must come first (<see cref="NotBefore"/>).
/// </summary>
public static class DateBounds
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public const int PlanYears = 10;

    /// <summary>A required day on which something happened.</summary>
    public static DateOnly? RequiredFact(this Violations v, Date? value, string field, DateOnly today) =>
        v.Within(v.RequiredDate(value, field), field, today.AddDays(1), "it has not happened yet");

    /// <summary>An optional day on which something happened.</summary>
    public static DateOnly? OptionalFact(this Violations v, Date? value, string field, DateOnly today) =>
        v.Within(v.OptionalDate(value, field), field, today.AddDays(1), "it has not happened yet");

    /// <summary>A required day something is planned for.</summary>
    public static DateOnly? RequiredPlan(this Violations v, Date? value, string field, DateOnly today) =>
        v.Within(v.RequiredDate(value, field), field, today.AddYears(PlanYears), $"plans reach at most {PlanYears} years ahead");

    /// <summary>
    /// Adds a violation when <paramref name="day"/> comes before <paramref name="earliest"/>, the day of
    /// <paramref name="what"/> that must come first. Nothing is checked when either is missing (unset or already refused).
    /// </summary>
    public static void NotBefore(this Violations v, DateOnly? day, DateOnly? earliest, string field, string what)
    {
        if (day < earliest)
        {
            v.Add(field, $"{day:yyyy-MM-dd} is before {what} ({earliest:yyyy-MM-dd})");
        }
    }

    private static DateOnly? Within(this Violations v, DateOnly? day, string field, DateOnly latest, string why)
    {
        if (day < Earliest)
        {
            v.Add(field, $"{day:yyyy-MM-dd} is before {Earliest:yyyy-MM-dd}, the earliest day a record may carry");
            return null;
        }
        if (day > latest)
        {
            v.Add(field, $"{day:yyyy-MM-dd} is after {latest:yyyy-MM-dd}: {why}");
            return null;
        }
        return day;
    }
}
