using System.Threading.RateLimiting;
using Coordination.Gateway;
using Xunit;

namespace Coordination.Tests.Unit;

/// <summary>The partners' bucket refills continuously, so a refused caller is told the real wait, to the millisecond.</summary>
public sealed class SmoothTokenBucketTests
{
    [Fact]
    public void A_refused_lease_carries_the_time_until_the_next_permit()
    {
        var clock = new SteppedClock();
        using var bucket = new SmoothTokenBucket(burst: 2, perSecond: 1, clock);

        Assert.True(bucket.AttemptAcquire().IsAcquired);
        Assert.True(bucket.AttemptAcquire().IsAcquired);
        Assert.Equal(TimeSpan.FromSeconds(1), RetryAfter(bucket.AttemptAcquire()));

        clock.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(TimeSpan.FromMilliseconds(600), RetryAfter(bucket.AttemptAcquire()));
        clock.Advance(TimeSpan.FromMilliseconds(600));
        Assert.True(bucket.AttemptAcquire().IsAcquired);
        Assert.Null(bucket.IdleDuration);

        // Never more than the burst, however long it rests; once full it is idle, and its partition may be dropped.
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(2, bucket.GetStatistics()!.CurrentAvailablePermits);
        Assert.NotNull(bucket.IdleDuration);
        Assert.True(bucket.AttemptAcquire(2).IsAcquired);
        Assert.False(bucket.AttemptAcquire(3).IsAcquired);
    }

    private static TimeSpan? RetryAfter(RateLimitLease lease)
    {
        Assert.False(lease.IsAcquired);
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null;
    }

    /// <summary>A clock whose timestamp moves only when told.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long timestamp;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => timestamp;

        public void Advance(TimeSpan by) => timestamp += by.Ticks;
    }
}
