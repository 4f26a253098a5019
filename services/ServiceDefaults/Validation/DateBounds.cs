using Coordination.Common.V1;

namespace Coordination.Validation;

/// <summary>
/// The days a client may send, by the service's clock (its <see cref="TimeProvider"/>), in every service.
/// A fact (a decision, a payment, an inspection, a deployment) has happened: it is dated at most tomorrow by UTC, which
/// has already begun east of UTC (in Nairobi from 21:00 UTC). A plan reaches at most a <see cref="Horizon"/> ahead, and
/// is either <see cref="RequiredUpcoming"/> (a needed-by day: not in the past) or may lie in the past
/// (<see cref="RequiredPlan"/>: a mandate's period, a due day written down late). None is dated before
/// <see cref="Earliest"/>, older than any mission the suite serves. Then each record's own order, in the services, built
/// on <see cref="NotBefore"/>: a day is not before the days that must come first.
/// </summary>
public static class DateBounds
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>How far ahead the mission plans by default: ten years, the span of the mandate calendar.</summary>
    public static readonly Horizon MandateCalendar = Horizon.Years(10);

    /// <summary>The latest day a fact may carry: tomorrow by UTC, already today east of UTC.</summary>
    private static DateOnly LatestFact(DateOnly today) => today.AddDays(1);

    /// <summary>A required day on which something happened.</summary>
    public static DateOnly? RequiredFact(this Violations v, Date? value, string field, DateOnly today) =>
        v.Fact(v.RequiredDate(value, field), field, today);

    /// <summary>An optional day on which something happened.</summary>
    public static DateOnly? OptionalFact(this Violations v, Date? value, string field, DateOnly today) =>
        v.Fact(v.OptionalDate(value, field), field, today);

    /// <summary>
    /// A day of someone's own past that is older than the mission (a qualification obtained): not after tomorrow like any
    /// fact, and bounded below by the caller's own chronology (an officer's 18th birthday) instead of <see cref="Earliest"/>.
    /// </summary>
    public static DateOnly? HasHappened(this Violations v, DateOnly? day, string field, DateOnly today) =>
        v.NotAfter(day, LatestFact(today), field, "tomorrow by UTC; it has not happened yet");

    /// <summary>A required day something is planned for, which may already have passed (a mandate's period).</summary>
    public static DateOnly? RequiredPlan(this Violations v, Date? value, string field, DateOnly today, Horizon horizon) =>
        v.Plan(v.RequiredDate(value, field), field, today, horizon);

    /// <summary>A required day something is planned for that has not passed: from today to the horizon.</summary>
    public static DateOnly? RequiredUpcoming(this Violations v, Date? value, string field, DateOnly today, Horizon horizon) =>
        v.Upcoming(v.RequiredDate(value, field), field, today, horizon);

    /// <summary>An optional day something is planned for that has not passed: from today to the horizon.</summary>
    public static DateOnly? OptionalUpcoming(this Violations v, Date? value, string field, DateOnly today, Horizon horizon) =>
        v.Upcoming(v.OptionalDate(value, field), field, today, horizon);

    /// <summary>
    /// Adds a violation (and returns null) when <paramref name="day"/> comes before <paramref name="earliest"/>, the day
    /// of <paramref name="what"/> that must come first. Nothing is checked when either is missing (unset or already refused).
    /// </summary>
    public static DateOnly? NotBefore(this Violations v, DateOnly? day, DateOnly? earliest, string field, string what)
    {
        if (day < earliest)
        {
            v.Add(field, $"{day:yyyy-MM-dd} is before {what} ({earliest:yyyy-MM-dd})");
            return null;
        }
        return day;
    }

    private static DateOnly? Fact(this Violations v, DateOnly? day, string field, DateOnly today) =>
        v.HasHappened(v.NotBefore(day, Earliest, field, "the earliest day a record may carry"), field, today);

    private static DateOnly? Plan(this Violations v, DateOnly? day, string field, DateOnly today, Horizon horizon) =>
        v.NotAfter(v.NotBefore(day, Earliest, field, "the earliest day a record may carry"), horizon.From(today), field,
            $"plans reach at most {horizon} ahead");

    private static DateOnly? Upcoming(this Violations v, DateOnly? day, string field, DateOnly today, Horizon horizon) =>
        v.NotAfter(v.NotBefore(day, today, field, "today by UTC"), horizon.From(today), field,
            $"plans reach at most {horizon} ahead");

    private static DateOnly? NotAfter(this Violations v, DateOnly? day, DateOnly latest, string field, string what)
    {
        if (day > latest)
        {
            v.Add(field, $"{day:yyyy-MM-dd} is after {latest:yyyy-MM-dd}, {what}");
            return null;
        }
        return day;
    }
}

/// <summary>How far ahead of today a plan may reach, in days or in calendar years.</summary>
public readonly record struct Horizon
{
    private Horizon(int years, int days) => (YearsAhead, DaysAhead) = (years, days);

    public int YearsAhead { get; }

    public int DaysAhead { get; }

    public static Horizon Years(int years) => new(years, 0);

    public static Horizon Days(int days) => new(0, days);

    /// <summary>The last day a plan made on <paramref name="today"/> may carry.</summary>
    public DateOnly From(DateOnly today) => today.AddYears(YearsAhead).AddDays(DaysAhead);

    /// <summary>The last instant a plan made at <paramref name="now"/> may name (a shipment's ETA).</summary>
    public DateTime From(DateTime now) => now.AddYears(YearsAhead).AddDays(DaysAhead);

    public override string ToString() => YearsAhead > 0 ? $"{YearsAhead} years" : $"{DaysAhead:N0} days";
}
