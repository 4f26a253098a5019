using MassTransit;
using MassTransit.Context;
using MassTransit.Middleware;
using MassTransit.Transports;
using RabbitMQ.Client;

namespace Coordination.Messaging;

/// <summary>
/// Moves a delivery that failed (to the endpoint's <c>_error</c> queue) or that nothing consumed (<c>_skipped</c>) as
/// MassTransit does, but without its publisher's AMQP <c>user_id</c>: the broker refuses a publish whose user_id is
/// not the connection's own user, so a copied one would keep every event from being parked. The publisher's user
/// stays on the parked message in the <see cref="PublisherUserHeader"/> header.
/// </summary>
public static class ParkedDeliveries
{
    public const string PublisherUserHeader = "Coordination-Publisher-User";

    public static void ParkWithoutUserId(this IReceiveEndpointConfigurator endpoint)
    {
        endpoint.ConfigureError(pipe =>
        {
            pipe.UseFilter(new GenerateFaultFilter());
            pipe.UseFilter(new ErrorQueueFilter());
        });
        endpoint.ConfigureDeadLetter(pipe => pipe.UseFilter(new SkippedQueueFilter()));
    }

    private sealed class ErrorQueueFilter : IFilter<ExceptionReceiveContext>
    {
        public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
        {
            if (PublisherUser(context) is { } user)
            {
                context.ExceptionHeaders.Set(PublisherUserHeader, user);
            }
            await context.GetPayload<IErrorTransport>().Send(new FailedWithoutUserId(context));
            await next.Send(context);
        }

        public void Probe(ProbeContext context) => context.CreateFilterScope("moveFaultWithoutUserId");
    }

    private sealed class SkippedQueueFilter : IFilter<ReceiveContext>
    {
        public async Task Send(ReceiveContext context, IPipe<ReceiveContext> next)
        {
            await context.GetPayload<IDeadLetterTransport>().Send(new ReceivedWithoutUserId(context), "dead-letter");
            await next.Send(context);
        }

        public void Probe(ProbeContext context) => context.CreateFilterScope("deadLetterWithoutUserId");
    }

    private static string? PublisherUser(ReceiveContext context) =>
        context.TryGetPayload(out RabbitMqBasicConsumeContext? delivery) && delivery.Properties.IsUserIdPresent() ? delivery.Properties.UserId : null;

    /// <summary>What the move transports read of the RabbitMQ delivery, minus its user_id.</summary>
    private static bool TryWithoutUserId<TPayload>(ReceiveContext context, out TPayload payload)
        where TPayload : class
    {
        if (typeof(TPayload) == typeof(RabbitMqBasicConsumeContext)
            && context.TryGetPayload(out RabbitMqBasicConsumeContext? delivery) && delivery.Properties.IsUserIdPresent())
        {
            payload = (TPayload)(object)new DeliveryWithoutUserId(delivery);
            return true;
        }
        return context.TryGetPayload(out payload!);
    }

    private sealed class ReceivedWithoutUserId : ReceiveContextProxy
    {
        private readonly ReceiveContext received;

        public ReceivedWithoutUserId(ReceiveContext received) : base(received) => this.received = received;

        public override bool TryGetPayload<TPayload>(out TPayload payload) => TryWithoutUserId(received, out payload);
    }

    private sealed class FailedWithoutUserId : ReceiveContextProxy, ExceptionReceiveContext
    {
        private readonly ExceptionReceiveContext failed;

        public FailedWithoutUserId(ExceptionReceiveContext failed) : base(failed) => this.failed = failed;

        public Exception Exception => failed.Exception;
        public DateTime ExceptionTimestamp => failed.ExceptionTimestamp;
        public ExceptionInfo ExceptionInfo => failed.ExceptionInfo;
        public SendHeaders ExceptionHeaders => failed.ExceptionHeaders;

        public override bool TryGetPayload<TPayload>(out TPayload payload) => TryWithoutUserId(failed, out payload);
    }

    private sealed class DeliveryWithoutUserId(RabbitMqBasicConsumeContext delivery) : RabbitMqBasicConsumeContext
    {
        private readonly BasicProperties properties = WithoutUserId(delivery.Properties);

        public string Exchange => delivery.Exchange;
        public string ConsumerTag => delivery.ConsumerTag;
        public ulong DeliveryTag => delivery.DeliveryTag;
        public string? RoutingKey => delivery.RoutingKey;
        public IReadOnlyBasicProperties Properties => properties;

        private static BasicProperties WithoutUserId(IReadOnlyBasicProperties original)
        {
            var copy = new BasicProperties(original);
            copy.ClearUserId();
            return copy;
        }
    }
}
