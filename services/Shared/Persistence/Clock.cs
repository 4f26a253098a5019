namespace Coordination.Persistence;

public static class Clock
{
    /// <summary>Now in UTC, to the microsecond: what PostgreSQL stores, so a record reads back as it was returned.</summary>
    public static DateTime UtcNow(this TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }
}
