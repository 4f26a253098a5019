namespace Coordination.Messaging;

/// <summary>Where events go. Bound from the <c>Messaging</c> section.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>amqp://user:password@host:port/vhost; empty means the in-process bus, which only Development or
    /// <see cref="Transport"/> <c>InProcess</c> accept.</summary>
    public string RabbitMqUri { get; set; } = "";

    /// <summary>
    /// <c>InProcess</c> asks, explicitly, for the in-memory bus outside Development (a service alone, whose events
    /// never leave its process: benchmarks, tests); <c>RabbitMq</c> requires <see cref="RabbitMqUri"/>. Empty: RabbitMQ
    /// when the URI is set; otherwise the in-memory bus in Development and a refused start-up anywhere else, so that a
    /// deployment that lost its broker address does not quietly keep its events to itself.
    /// </summary>
    public string Transport { get; set; } = "";

    /// <summary>Prefix for every exchange and queue name, so several suites (or test runs) can share one broker.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>
    /// The broker user each service publishes as (<c>Messaging:PublisherUsers:personnel</c>, …). When set, consumers
    /// accept an event only if the broker vouches (AMQP <c>user_id</c>) that its owner's user published it; it must
    /// then name every owner in the event catalog, this service's own user included.
    /// </summary>
    public Dictionary<string, string> PublisherUsers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// On RabbitMQ without <see cref="PublisherUsers"/>, consumers cannot tell who published an event: a service then
    /// refuses to start unless this says, explicitly, that it may accept events from any publisher (one broker user
    /// shared by every service: the tests, the multi-process local run). Never set in a deployment.
    /// </summary>
    public bool AcceptAnyPublisher { get; set; }

    public bool UsesRabbitMq => RabbitMqUri.Length > 0;

    /// <summary>Why this choice of transport cannot start, or null when it can.</summary>
    public string? TransportProblem(bool development) => Transport.ToLowerInvariant() switch
    {
        "" when !UsesRabbitMq && !development =>
            "Messaging:RabbitMqUri is empty: outside Development a service needs its broker. Set Messaging:RabbitMqUri, " +
            "or Messaging:Transport=InProcess for the in-process bus (events never leave this process).",
        "" => null,
        "rabbitmq" when !UsesRabbitMq => "Messaging:Transport is RabbitMq but Messaging:RabbitMqUri is empty.",
        "inprocess" when UsesRabbitMq => "Messaging:Transport is InProcess but Messaging:RabbitMqUri is set: choose one.",
        "rabbitmq" or "inprocess" => null,
        _ => $"Messaging:Transport is '{Transport}': use RabbitMq or InProcess (or leave it empty).",
    };

    /// <summary>The user this service connects to the broker as (RabbitMQ's <c>guest</c> when the URI names none).</summary>
    public string BrokerUser =>
        new Uri(RabbitMqUri).UserInfo.Split(':')[0] is { Length: > 0 } user ? Uri.UnescapeDataString(user) : "guest";
}

/// <summary>How the outbox relay behaves. Bound from the <c>Outbox</c> section.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often the relay looks for events when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the relay waits after a commit wakes it before it claims events, so that the events of commits close
    /// together go out in one pass. Adds at most this much to each event's delay; zero relays every commit at once.
    /// </summary>
    public TimeSpan GatherWindow { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Events published per pass.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long one publish may take before it counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait between two attempts of one event (the wait doubles from one second up to this).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a relay pass holds the rows it claimed before another replica may take them.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long published events, processed-message ids and request records are kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(14);
}
