namespace Coordination.Persistence;

public static class Clock
{
    /// <summary>Now in UTC, to the microsecond: what PostgreSQL stores, so a record reads back as it was returned.</summary>
    public static DateTime UtcNow(this TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>Today as the services count days: the clock's UTC day.</summary>
    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.UtcNow());
}
