namespace Coordination.Tests.Infrastructure;

/// <summary>A clock the test sets: the service's idea of "today" for deadlines, due days and overdue lists.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void SetToday(DateOnly day) => Interlocked.Exchange(ref ticks, day.ToDateTime(new TimeOnly(12, 0)).Ticks);
}
