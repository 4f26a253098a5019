using Coordination.Hosting;
using System.Diagnostics.Metrics;

namespace Coordination.Messaging;

/// <summary>Outbox throughput and lag, for dashboards and alerts.</summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "Coordination.Outbox";
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
        lag = meter.CreateHistogram<double>("coordination.outbox.lag", unit: "s", description: "Time from commit to publish");
    }

    public void Published(string type, TimeSpan delay)
    {
        published.Add(1, service, new("event", type));
        lag.Record(delay.TotalSeconds, service, new("event", type));
    }

    public void Failed(string type) => failed.Add(1, service, new("event", type));
}
