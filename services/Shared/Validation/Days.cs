namespace Coordination.Validation;

/// <summary>
/// Client-supplied days bounded by the service's clock: a day that records a fact is not after today; a day that plans
/// is neither before today nor beyond a horizon.
/// </summary>
public static class Days
{
    /// <summary>A day on which something happened: not after <paramref name="today"/> (UTC).</summary>
    public static void NotAfterToday(this Violations v, DateOnly? day, string field, DateOnly today)
    {
        if (day > today)
        {
            v.Add(field, $"must not be after today ({today:yyyy-MM-dd}, UTC): it records what happened");
        }
    }

    /// <summary>A day something is planned for: from <paramref name="today"/> to <paramref name="horizonDays"/> days ahead.</summary>
    public static void Upcoming(this Violations v, DateOnly? day, string field, DateOnly today, int horizonDays)
    {
        if (day is { } d && (d < today || d > today.AddDays(horizonDays)))
        {
            v.Add(field, $"must be from today ({today:yyyy-MM-dd}, UTC) to {today.AddDays(horizonDays):yyyy-MM-dd}");
        }
    }
}
