using System.Collections.Concurrent;

namespace Coordination.Gateway;

/// <summary>
/// A bucket of permits per client address: <c>burst</c> at most, <c>perMinute</c> coming back each minute. A permit is
/// taken before the work it pays for and, when the work turns out legitimate, given back; so at any moment an address
/// has at most as much work in flight as it has permits left. Full, idle buckets are forgotten.
/// </summary>
internal sealed class AddressBudgets(int burst, int perMinute, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);
    private long nextSweep = time.GetTimestamp();

    /// <summary>
    /// A permit of <paramref name="address"/>'s bucket, or null when it has none left: then <paramref name="retryAfter"/>
    /// is how long until it has one again.
    /// </summary>
    public Permit? TryTake(string address, out TimeSpan retryAfter)
    {
        Sweep();
        var bucket = buckets.GetOrAdd(address, _ => new Bucket(burst, time.GetTimestamp()));
        lock (bucket)
        {
            Refill(bucket);
            if (bucket.Permits < 1)
            {
                retryAfter = SmoothTokenBucket.UntilAvailable(bucket.Permits, 1, perMinute / 60.0);
                return null;
            }
            retryAfter = TimeSpan.Zero;
            bucket.Permits--;
            bucket.Taken++;
            return new Permit(this, bucket);
        }
    }

    private void Settle(Bucket bucket, bool giveBack)
    {
        lock (bucket)
        {
            bucket.Taken--;
            if (giveBack)
            {
                bucket.Permits = Math.Min(burst, bucket.Permits + 1);
            }
        }
    }

    private void Refill(Bucket bucket)
    {
        var now = time.GetTimestamp();
        bucket.Permits = SmoothTokenBucket.Refilled(bucket.Permits, time.GetElapsedTime(bucket.RefilledAt, now), perMinute / 60.0, burst);
        bucket.RefilledAt = now;
    }

    /// <summary>Once a minute, drops the buckets that are full and in no use: they are what a new bucket would be.</summary>
    private void Sweep()
    {
        var due = Interlocked.Read(ref nextSweep);
        var now = time.GetTimestamp();
        if (now < due || Interlocked.CompareExchange(ref nextSweep, now + (long)(time.TimestampFrequency * 60), due) != due)
        {
            return;
        }
        foreach (var (address, bucket) in buckets)
        {
            lock (bucket)
            {
                Refill(bucket);
                if (bucket.Permits >= burst && bucket.Taken == 0)
                {
                    buckets.TryRemove(KeyValuePair.Create(address, bucket));
                }
            }
        }
    }

    internal sealed class Bucket(double permits, long refilledAt)
    {
        public double Permits { get; set; } = permits;
        public long RefilledAt { get; set; } = refilledAt;
        public int Taken { get; set; }
    }

    /// <summary>A permit taken: settle it once, giving it back when the work it paid for was legitimate.</summary>
    internal sealed class Permit
    {
        private readonly AddressBudgets budgets;
        private readonly Bucket bucket;
        private int settled;

        internal Permit(AddressBudgets budgets, Bucket bucket) => (this.budgets, this.bucket) = (budgets, bucket);

        public void Settle(bool giveBack)
        {
            if (Interlocked.Exchange(ref settled, 1) == 0)
            {
                budgets.Settle(bucket, giveBack);
            }
        }
    }
}
