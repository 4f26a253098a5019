using System.Diagnostics;
using System.Globalization;

namespace Coordination.Bench;

/// <summary>Times one operation again and again, one call at a time, and reports its percentiles.</summary>
public static class Latencies
{
    public static async Task<Summary> MeasureAsync(int warmup, int samples, Func<int, Task> call)
    {
        for (var i = 0; i < warmup; i++)
        {
            await call(i);
        }
        var times = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call(warmup + i);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return new Summary(samples, At(times, 0.50), At(times, 0.95), At(times, 0.99), times[^1]);
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double At(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

public sealed record Summary(int Samples, double P50, double P95, double P99, double Max)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n={Samples,5}  p50 {P50,7:F2} ms  p95 {P95,7:F2} ms  p99 {P99,7:F2} ms  max {Max,7:F2} ms");
}
