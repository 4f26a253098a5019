using Coordination.Hosting;
using System.Diagnostics.Metrics;
using Coordination.Events;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Coordination.Messaging;

/// <summary>
/// Runs before every consumer: an integration event that its owner did not publish is refused before anything reads
/// it. It is logged, counted, and thrown out as <see cref="PublisherRefusedException"/>, which the retry policy does
/// not retry, so MassTransit parks it at once in the endpoint's error queue with the reason in its headers.
/// </summary>
public sealed partial class OwnerOnlyFilter<T>(PublisherCheck check, RefusedEvents refused, ILogger<PublisherCheck> logger)
    : IFilter<ConsumeContext<T>>
    where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (context.Message is IntegrationEvent && check.Judge(context, typeof(T)) is { } refusal)
        {
            refused.Count(refusal);
            LogRefused(logger, refusal.Event, context.MessageId, refusal.Owner, refusal.Publisher, context.ReceiveContext.InputAddress);
            throw new PublisherRefusedException(refusal);
        }
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("ownerOnly");

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Refused {EventType} {MessageId}: it belongs to {Owner} but was published by {Publisher}; parked in the error queue of {Endpoint}, not applied")]
    private static partial void LogRefused(ILogger logger, string eventType, Guid? messageId, string owner, string publisher, Uri endpoint);
}

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
