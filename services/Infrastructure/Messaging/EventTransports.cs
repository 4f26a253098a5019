using Coordination.Hosting;
using System.Collections.Concurrent;
using System.Reflection;
using MassTransit;

namespace Coordination.Messaging;

/// <summary>Where the outbox relay hands events over.</summary>
public interface IEventTransport
{
    Task PublishAsync(object message, Type type, Guid messageId, CancellationToken ct);
}

/// <summary>
/// Publishes on this service's MassTransit bus (RabbitMQ, or the in-memory bus of a lone service). On RabbitMQ each
/// event carries the AMQP user_id of the user this service connects as, which the broker checks, so consumers know
/// who published it (<see cref="PublisherCheck"/>).
/// </summary>
public sealed class BusEventTransport(IBus bus, MessagingOptions options) : IEventTransport
{
    private readonly Action<PublishContext> stamp = options.UsesRabbitMq ? StampUserId(options.BrokerUser) : _ => { };

    public Task PublishAsync(object message, Type type, Guid messageId, CancellationToken ct) =>
        TypedPublish.For(type)(bus, message, messageId, stamp, ct);

    private static Action<PublishContext> StampUserId(string user) => context =>
    {
        if (context.TryGetPayload(out RabbitMqSendContext? rabbit))
        {
            rabbit.BasicProperties.UserId = user;
        }
    };
}

/// <summary>
/// The in-process bus of the local run: several service hosts in one process, each with its own in-memory
/// MassTransit bus; an event is published on every attached bus, and each delivers it to its own consumers, stamped
/// with the service that published it (<see cref="PublisherCheck.HubPublisherHeader"/>).
/// </summary>
public sealed class InProcessEventHub
{
    private readonly ConcurrentDictionary<string, IBus> buses = new();

    public IDisposable Attach(string service, IBus bus)
    {
        buses[service] = bus;
        return new Detach(() => buses.TryRemove(service, out _));
    }

    public Task PublishAsync(string publisher, object message, Type type, Guid messageId, CancellationToken ct) =>
        Task.WhenAll(buses.Values.Select(bus => TypedPublish.For(type)(
            bus, message, messageId, context => context.Headers.Set(PublisherCheck.HubPublisherHeader, publisher), ct)));

    private sealed class Detach(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}

public sealed class HubEventTransport(InProcessEventHub hub, ServiceIdentity identity) : IEventTransport
{
    public Task PublishAsync(object message, Type type, Guid messageId, CancellationToken ct) =>
        hub.PublishAsync(identity.Name, message, type, messageId, ct);
}

/// <summary>
/// Publishes an event as its own type (so it reaches that type's exchange) with a fixed message id and whatever the
/// transport stamps on it.
/// </summary>
internal static class TypedPublish
{
    private static readonly ConcurrentDictionary<Type, Func<IPublishEndpoint, object, Guid, Action<PublishContext>, CancellationToken, Task>> Cache = new();
    private static readonly MethodInfo Generic = typeof(TypedPublish).GetMethod(nameof(Publish), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static Func<IPublishEndpoint, object, Guid, Action<PublishContext>, CancellationToken, Task> For(Type type) =>
        Cache.GetOrAdd(type, t => Generic.MakeGenericMethod(t).CreateDelegate<Func<IPublishEndpoint, object, Guid, Action<PublishContext>, CancellationToken, Task>>());

    private static Task Publish<T>(IPublishEndpoint endpoint, object message, Guid messageId, Action<PublishContext> stamp, CancellationToken ct)
        where T : class =>
        endpoint.Publish((T)message, context =>
        {
            context.MessageId = messageId;
            stamp(context);
        }, ct);
}
