using System.Text;
using System.Text.Json;
using Coordination.Events;
using Coordination.Tests.Deployment;
using Coordination.Tests.Infrastructure;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Xunit;
using Deployables = Coordination.Tests.Deployment.Suite;

namespace Coordination.Tests.Messaging;

/// <summary>
/// Services on a vhost of their own, each connecting as a broker user of its own with the permissions that
/// deploy/k8s ships (broker-definitions.json, read from the rendered development overlay), and each knowing which
/// user every owner of events publishes as, as the Kubernetes configuration says. A service's permissions can be
/// replaced, to play a broker whose permissions were never applied.
/// </summary>
public abstract class BrokerUserSuite : IAsyncLifetime
{
    private readonly string[] services;
    private readonly IReadOnlyDictionary<string, BrokerPermission> overrides;

    protected BrokerUserSuite(string[] services, IReadOnlyDictionary<string, BrokerPermission>? overrides = null)
    {
        this.services = services;
        this.overrides = overrides ?? new Dictionary<string, BrokerPermission>();
    }

    public BrokerAccounts Accounts { get; private set; } = null!;

    public SuiteHost Suite { get; private set; } = null!;

    /// <summary>Each service's broker user on this run's vhost, and the address to connect as it.</summary>
    public Dictionary<string, (string User, string Uri)> Users { get; } = [];

    /// <summary>Full permissions in the vhost: what a service gets from a broker on which nobody applied the definitions.</summary>
    public static BrokerPermission Everything => new("", "", ".*", ".*", ".*");

    public async Task InitializeAsync()
    {
        var manifests = Manifests.Of("development");
        var (_, permissions) = BrokerUsers.Definitions(manifests);
        Accounts = await BrokerAccounts.CreateAsync();
        foreach (var (service, user) in BrokerUsers.PublisherUsersSeenBy(manifests, Deployables.Services[0]))
        {
            var shipped = permissions.Single(p => p.User == user);
            Users[service] = await Accounts.AddUserAsync(user!, overrides.GetValueOrDefault(service, shipped));
        }
        Suite = await SuiteHost.StartAsync(services, gateway: true, settingsFor: service =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Messaging:RabbitMqUri"] = Users[service].Uri,
                // The vhost keeps this run apart from every other; the names are production's.
                ["Messaging:Prefix"] = "",
            };
            foreach (var (owner, (user, _)) in Users)
            {
                settings[$"Messaging:PublisherUsers:{owner}"] = user;
            }
            return settings;
        });
    }

    public async Task DisposeAsync()
    {
        await Suite.DisposeAsync();
        await Accounts.DisposeAsync();
    }

    /// <summary>
    /// Publishes an event straight to its exchange as a service's broker user, as MassTransit would put it on the wire,
    /// with the AMQP user_id given; returns why the broker closed the channel, or null when it took the event.
    /// </summary>
    public async Task<ShutdownEventArgs?> PublishRawAsync(string asService, IntegrationEvent message, string? userId)
    {
        var factory = new ConnectionFactory { Uri = new Uri(Users[asService].Uri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var type = EventCatalog.NameOf(message.GetType());
        var envelope = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["messageId"] = message.EventId,
            ["messageType"] = new[] { $"urn:message:Coordination.Events:{type}" },
            ["sentTime"] = DateTime.UtcNow,
            ["message"] = JsonSerializer.SerializeToElement(message, message.GetType(), EventCatalog.JsonOptions),
        });
        var properties = new BasicProperties
        {
            MessageId = message.EventId.ToString(),
            ContentType = "application/vnd.masstransit+json",
            DeliveryMode = DeliveryModes.Persistent,
            UserId = userId,
        };
        try
        {
            // With publisher confirms this returns once the broker has taken the event.
            await channel.BasicPublishAsync($"Coordination.Events:{type}", "", false, properties, envelope);
            return null;
        }
        catch (Exception) when (channel.CloseReason is { } refused)
        {
            return refused;
        }
    }

    /// <summary>How many events a service has refused so far, by event and publisher, from its Prometheus endpoint.</summary>
    public Task<double> RefusedAsync(string service, string eventType, string publisher) =>
        Prometheus.RefusedAsync(Suite.Service(service), service, eventType, publisher);
}
