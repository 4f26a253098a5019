using Coordination.Hosting;
using System.Diagnostics.Metrics;

namespace Coordination.Messaging;

/// <summary>Events refused because their owner did not publish them, for dashboards and alerts.</summary>
public sealed class RefusedEvents(ServiceIdentity identity)
{
    public const string MeterName = "Coordination.Messaging";

    // One meter for the process, never disposed. Every host's exporter listens to every meter of this name in the
    // process (the local run and the tests host several services in one), and a meter disposed with one stopping host
    // would end the series in the exporters of all the others.
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Refused = Meter.CreateCounter<long>(
        "coordination.events.refused", description: "Events refused because a service other than their owner published them");

    private readonly KeyValuePair<string, object?> service = new("service", identity.Name);

    public void Count(Refusal refusal) => Refused.Add(1, service, new("event", refusal.Event), new("publisher", refusal.PublisherLabel));
}
