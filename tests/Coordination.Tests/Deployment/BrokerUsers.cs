using System.Text.Json;
using Coordination.Events;
using Coordination.Tests.Infrastructure;
using k8s.Models;
using MassTransit;

namespace Coordination.Tests.Deployment;

/// <summary>One user's permissions in a vhost, as RabbitMQ's definitions hold them (regular expressions on names).</summary>
public sealed record BrokerPermission(string User, string Vhost, string Configure, string Write, string Read);

/// <summary>
/// The broker users of an overlay: which user each service publishes as (its <c>Messaging__PublisherUsers__*</c>
/// settings) and, where the overlay runs its own broker, the definitions that broker imports
/// (<c>broker-definitions.json</c>, which an external broker imports too).
/// </summary>
public static class BrokerUsers
{
    public const string DefinitionsFile = "broker-definitions.json";

    public static string Setting(string service) => $"Messaging__PublisherUsers__{service}";

    /// <summary>The broker user each owner of events publishes as, according to a service's settings.</summary>
    public static IReadOnlyDictionary<string, string?> PublisherUsersSeenBy(Manifests manifests, string service)
    {
        var env = ContainerEnvironment.Of(manifests, manifests.Workload(service).Containers.First());
        return Suite.Services.ToDictionary(owner => owner, owner => env.GetValueOrDefault(Setting(owner))?.Value);
    }

    /// <summary>The in-cluster broker's StatefulSet, when the overlay has one.</summary>
    public static Workload? Broker(Manifests manifests) => manifests.Workloads.SingleOrDefault(w => w.Kind == "StatefulSet" && w.Name == "rabbitmq");

    /// <summary>The vhosts and permissions the in-cluster broker imports, from the ConfigMap it mounts.</summary>
    public static (IReadOnlyList<string> Vhosts, IReadOnlyList<BrokerPermission> Permissions) Definitions(Manifests manifests)
    {
        var broker = Broker(manifests) ?? throw new InvalidOperationException($"{manifests.Overlay} runs no broker of its own.");
        var mapName = (broker.Pod.Volumes ?? []).Select(v => v.ConfigMap?.Name).OfType<string>()
            .Single(name => manifests.All<V1ConfigMap>().Any(c => c.Metadata.Name == name && c.Data?.ContainsKey(DefinitionsFile) == true));
        using var json = JsonDocument.Parse(manifests.All<V1ConfigMap>().Single(c => c.Metadata.Name == mapName).Data[DefinitionsFile]);
        var vhosts = json.RootElement.GetProperty("vhosts").EnumerateArray().Select(v => v.GetProperty("name").GetString()!).ToList();
        var permissions = json.RootElement.GetProperty("permissions").EnumerateArray().Select(p => new BrokerPermission(
            Text(p, "user"), Text(p, "vhost"), Text(p, "configure"), Text(p, "write"), Text(p, "read"))).ToList();
        return (vhosts, permissions);
    }

    /// <summary>The events a service consumes: those of its consumer classes (every one of which it registers).</summary>
    public static IEnumerable<Type> EventsConsumedBy(string service) =>
        ConsumersOf(service).SelectMany(c => c.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(i => i.GetGenericArguments()[0])
            .Where(t => t.IsSubclassOf(typeof(IntegrationEvent)))
            .Distinct();

    /// <summary>The queues (and exchanges of the same name) a service's consumers declare, with their error and skipped queues.</summary>
    public static IEnumerable<string> QueuesOf(string service)
    {
        var formatter = new KebabCaseEndpointNameFormatter(service, false);
        var consumer = typeof(IEndpointNameFormatter).GetMethod(nameof(IEndpointNameFormatter.Consumer))!;
        return ConsumersOf(service)
            .Select(c => (string)consumer.MakeGenericMethod(c).Invoke(formatter, null)!)
            .SelectMany(queue => new[] { queue, $"{queue}_error", $"{queue}_skipped" });
    }

    private static IEnumerable<Type> ConsumersOf(string service) =>
        SuiteHost.Modules[service].Add.Method.DeclaringType!.Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)));

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()
        ?? throw new InvalidDataException($"{DefinitionsFile}: '{property}' is null.");
}
