using System.Threading.RateLimiting;

namespace Coordination.Gateway;

/// <summary>
/// A token bucket refilled continuously (not in steps): at most <c>burst</c> permits, <c>perSecond</c> coming back
/// each second. So it knows to the millisecond when the next permit comes, and a refused lease says so
/// (<see cref="MetadataName.RetryAfter"/>): the delay a partner is told to wait is the real one. No queue.
/// </summary>
public sealed class SmoothTokenBucket(int burst, double perSecond, TimeProvider time) : RateLimiter
{
    private readonly object gate = new();
    private double permits = burst;
    private long refilledAt = time.GetTimestamp();
    private long? idleSince = time.GetTimestamp();

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate)
            {
                Refill();
                return permits >= burst && idleSince is { } since ? time.GetElapsedTime(since) : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            Refill();
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)permits };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (gate)
        {
            Refill();
            if (permitCount > burst)
            {
                return new Lease(false, null);
            }
            if (permits >= permitCount)
            {
                permits -= permitCount;
                idleSince = permits >= burst ? idleSince : null;
                return new Lease(true, null);
            }
            return new Lease(false, UntilAvailable(permits, permitCount, perSecond));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    /// <summary>How long until <paramref name="have"/> permits refilled at <paramref name="perSecond"/> reach <paramref name="need"/>.</summary>
    public static TimeSpan UntilAvailable(double have, int need, double perSecond) =>
        TimeSpan.FromSeconds(Math.Max(0, need - have) / perSecond);

    /// <summary><paramref name="have"/> permits after <paramref name="elapsed"/> at <paramref name="perSecond"/>, at most <paramref name="limit"/>.</summary>
    public static double Refilled(double have, TimeSpan elapsed, double perSecond, int limit) =>
        Math.Min(limit, have + (elapsed.TotalSeconds * perSecond));

    private void Refill()
    {
        var now = time.GetTimestamp();
        var before = permits;
        permits = Refilled(permits, time.GetElapsedTime(refilledAt, now), perSecond, burst);
        refilledAt = now;
        if (before < burst && permits >= burst)
        {
            idleSince = now;
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
