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
