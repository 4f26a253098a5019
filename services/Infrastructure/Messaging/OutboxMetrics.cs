using Coordination.Hosting;
using System.Diagnostics.Metrics;

namespace Coordination.Messaging;

/// <summary>Outbox throughput and lag, for dashboards and alerts.</summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "Coordination.Outbox";

    /// <summary>Lag buckets, 10 ms to 30 s: a healthy relay publishes within the gather window and a poll interval.</summary>
    public static readonly IReadOnlyList<double> LagBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
    private readonly Counter<long> published;
    private readonly Counter<long> failed;
    private readonly Histogram<double> lag;
    private readonly KeyValuePair<string, object?> service;

    public OutboxMetrics(IMeterFactory meters, ServiceIdentity identity)
    {
        var meter = meters.Create(MeterName);
        service = new("service", identity.Name);
        published = meter.CreateCounter<long>("coordination.outbox.published", description: "Events handed to the broker");
        failed = meter.CreateCounter<long>("coordination.outbox.publish_failures", description: "Failed publish attempts (the event stays queued)");
        lag = meter.CreateHistogram("coordination.outbox.lag", unit: "s", description: "Time from commit to publish", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LagBuckets });
    }

    public void Published(string type, TimeSpan delay)
    {
        published.Add(1, service, new("event", type));
        lag.Record(delay.TotalSeconds, service, new("event", type));
    }

    public void Failed(string type) => failed.Add(1, service, new("event", type));
}
