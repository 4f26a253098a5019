using System.Collections.Frozen;
using Coordination.Events;
using MassTransit;

namespace Coordination.Messaging;

/// <summary>
/// Who may publish an event (its owner in the catalog, no other service) and who did, as something the publisher
/// cannot forge vouches for it: on RabbitMQ the AMQP <c>user_id</c>, which the broker refuses unless it is the
/// publishing connection's own user; on the local run's in-process hub, the service the hub published for.
/// Enforced when publisher identities are configured (<see cref="MessagingOptions.PublisherUsers"/>) or the hub
/// provides them. On RabbitMQ without them a service does not start, unless told to accept any publisher
/// (<see cref="MessagingOptions.AcceptAnyPublisher"/>); a lone service on the in-memory bus accepts what arrives.
/// </summary>
public sealed class PublisherCheck
{
    /// <summary>Header the in-process hub stamps with the publishing service (no broker, one process: nothing else can).</summary>
    public const string HubPublisherHeader = "Coordination-Publisher";

    private readonly FrozenDictionary<string, string>? usersByService;
    private readonly FrozenDictionary<string, string> servicesByUser;
    private readonly bool viaHub;

    private PublisherCheck(FrozenDictionary<string, string>? usersByService, bool viaHub)
    {
        this.usersByService = usersByService;
        this.viaHub = viaHub;
        servicesByUser = (usersByService ?? FrozenDictionary<string, string>.Empty)
            .ToFrozenDictionary(u => u.Value, u => u.Key, StringComparer.Ordinal);
    }

    public bool Enforced => usersByService is not null || viaHub;

    /// <summary>
    /// The check for a service on RabbitMQ: the publisher users must name every owner in the catalog, and this
    /// service's own must be the user it connects as, or it would publish events everyone refuses. Without them the
    /// service does not start, unless it is told to accept any publisher: it fails closed.
    /// </summary>
    public static PublisherCheck ForBroker(string service, MessagingOptions options)
    {
        if (options.PublisherUsers.Count == 0)
        {
            return options.AcceptAnyPublisher
                ? new PublisherCheck(null, viaHub: false)
                : throw new InvalidOperationException(
                    "Messaging:PublisherUsers is not set, so consumers could not tell who published an event: name each service's broker user "
                    + "(Messaging:PublisherUsers:<service>), or, where every service shares one broker user, set Messaging:AcceptAnyPublisher=true.");
        }
        var users = options.PublisherUsers.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        var missing = EventCatalog.Owners.Where(owner => !users.ContainsKey(owner)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Messaging:PublisherUsers names no broker user for {string.Join(", ", missing)}; it must name one for every service that owns events.");
        }
        if (users.TryGetValue(service, out var own) && own != options.BrokerUser)
        {
            throw new InvalidOperationException(
                $"Messaging:PublisherUsers:{service} is '{own}', but Messaging:RabbitMqUri connects as '{options.BrokerUser}': every event {service} publishes would be refused.");
        }
        return new PublisherCheck(users, viaHub: false);
    }

    public static PublisherCheck ForHub() => new(null, viaHub: true);

    public static PublisherCheck Off() => new(null, viaHub: false);

    /// <summary>Why a delivery of an event must not be applied, or null when it may (or the check is off).</summary>
    public Refusal? Judge(ConsumeContext context, Type eventType)
    {
        if (!Enforced)
        {
            return null;
        }
        var owner = EventCatalog.OwnerOf(eventType);
        var publisher = PublisherOf(context);
        var ownersIdentity = owner is null ? null : usersByService is null ? owner : usersByService[owner];
        return publisher.Identity is not null && publisher.Identity == ownersIdentity
            ? null
            : new Refusal(eventType.Name, owner ?? "no service (it has no owner in the catalog)", publisher.Description, publisher.Label);
    }

    /// <summary>Who published: the identity the transport vouches for, how to name it, and a bounded metric label.</summary>
    private (string? Identity, string Description, string Label) PublisherOf(ConsumeContext context)
    {
        if (usersByService is null)
        {
            var service = context.Headers.Get<string>(HubPublisherHeader);
            return service is null ? (null, "a publisher outside the hub", "unknown") : (service, service, service);
        }
        if (!context.ReceiveContext.TryGetPayload(out RabbitMqBasicConsumeContext? delivery) || !delivery.Properties.IsUserIdPresent()
            || delivery.Properties.UserId is not { Length: > 0 } user)
        {
            return (null, "a publisher that set no user_id", "unknown");
        }
        // Only users the broker authenticated reach this label, so its values are bounded by the broker's accounts.
        return servicesByUser.TryGetValue(user, out var owner)
            ? (user, $"{owner} (broker user '{user}')", owner)
            : (user, $"broker user '{user}'", user);
    }
}

/// <summary>An event whose publisher is not its owner: the event, whose it claims to be, who really published it.</summary>
public sealed record Refusal(string Event, string Owner, string Publisher, string PublisherLabel)
{
    public string Reason => $"{Event} belongs to {Owner} but was published by {Publisher}: refused, not applied";
}

/// <summary>Thrown for a refused event, so that MassTransit parks it in the endpoint's error queue with the reason.</summary>
public sealed class PublisherRefusedException(Refusal refusal) : Exception(refusal.Reason)
{
    public Refusal Refusal { get; } = refusal;
}
