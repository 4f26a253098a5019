using Coordination.Hosting;
using System.Diagnostics.Metrics;

namespace Coordination.Messaging;

/// <summary>Events refused because their owner did not publish them, for dashboards and alerts.</summary>
public sealed class RefusedEvents
{
    public const string MeterName = "Coordination.Messaging";

    private readonly Counter<long> refused;
    private readonly KeyValuePair<string, object?> service;

    // The host's own meter (its container's factory): each host reports its own refusals, also where several share a
    // process (TelemetrySetup keeps other hosts' meters out of its exporter).
    public RefusedEvents(IMeterFactory meters, ServiceIdentity identity)
    {
        refused = meters.Create(MeterName).CreateCounter<long>(
            "coordination.events.refused", description: "Events refused because a service other than their owner published them");
        service = new("service", identity.Name);
    }

    public void Count(Refusal refusal) => refused.Add(1, service, new("event", refusal.Event), new("publisher", refusal.PublisherLabel));
}
