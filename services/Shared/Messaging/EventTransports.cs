using System.Collections.Concurrent;
using System.Reflection;
using MassTransit;

namespace Coordination.Messaging;

/// <summary>Where the outbox relay hands events over.</summary>
public interface IEventTransport
{
    Task PublishAsync(object message, Type type, Guid messageId, CancellationToken ct);
}

/// <summary>Publishes on this service's MassTransit bus (RabbitMQ, or the in-memory bus of a lone service).</summary>
public sealed class BusEventTransport(IBus bus) : IEventTransport
{
    public Task PublishAsync(object message, Type type, Guid messageId, CancellationToken ct) =>
        TypedPublish.For(type)(bus, message, messageId, ct);
}

/// <summary>
/// The in-process bus of the local run: several service hosts in one process, each with its own in-memory
/// MassTransit bus; an event is published on every attached bus, and each delivers it to its own consumers.
/// </summary>
public sealed class InProcessEventHub
{
    private readonly ConcurrentDictionary<string, IBus> buses = new();

    public IDisposable Attach(string service, IBus bus)
    {
        buses[service] = bus;
        return new Detach(() => buses.TryRemove(service, out _));
    }

    public Task PublishAsync(object message, Type type, Guid messageId, CancellationToken ct) =>
        Task.WhenAll(buses.Values.Select(bus => TypedPublish.For(type)(bus, message, messageId, ct)));

    private sealed class Detach(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}

public sealed class HubEventTransport(InProcessEventHub hub) : IEventTransport
{
    public Task PublishAsync(object message, Type type, Guid messageId, CancellationToken ct) =>
        hub.PublishAsync(message, type, messageId, ct);
}

/// <summary>Publishes an event as its own type (so it reaches that type's exchange) with a fixed message id.</summary>
internal static class TypedPublish
{
    private static readonly ConcurrentDictionary<Type, Func<IPublishEndpoint, object, Guid, CancellationToken, Task>> Cache = new();
    private static readonly MethodInfo Generic = typeof(TypedPublish).GetMethod(nameof(Publish), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static Func<IPublishEndpoint, object, Guid, CancellationToken, Task> For(Type type) =>
        Cache.GetOrAdd(type, t => Generic.MakeGenericMethod(t).CreateDelegate<Func<IPublishEndpoint, object, Guid, CancellationToken, Task>>());

    private static Task Publish<T>(IPublishEndpoint endpoint, object message, Guid messageId, CancellationToken ct) where T : class =>
        endpoint.Publish((T)message, context => context.MessageId = messageId, ct);
}
