using System.Text.RegularExpressions;
using Coordination.Events;
using static Coordination.Tests.Deployment.BrokerUsers;

namespace Coordination.Tests.Deployment;

/// <summary>
/// Each service connects to the broker as a user of its own, which may write only its own exchanges: its events' and
/// its consumers'. It may declare and read the event exchanges it consumes, and nothing of another service's.
/// </summary>
public static class BrokerPolicies
{
    private const string EventExchange = "Coordination.Events:";
    private const string AcceptAnyPublisher = "Messaging__AcceptAnyPublisher";

    /// <summary>Every service names the same broker user for each owner of events, and no two owners share one.</summary>
    public static IEnumerable<string> PublisherUsersConfigured(Manifests manifests)
    {
        var first = Suite.Services[0];
        var reference = PublisherUsersSeenBy(manifests, first);
        foreach (var service in Suite.Services)
        {
            foreach (var (owner, user) in PublisherUsersSeenBy(manifests, service))
            {
                if (user is null)
                {
                    yield return $"Deployment/{service}: does not know which broker user {owner} publishes as ({Setting(owner)})";
                }
                else if (user != reference[owner])
                {
                    yield return $"Deployment/{service}: says {owner} publishes as '{user}', Deployment/{first} says '{reference[owner]}'";
                }
            }
        }
        foreach (var shared in reference.Where(u => u.Value is not null).GroupBy(u => u.Value).Where(g => g.Count() > 1))
        {
            yield return $"{string.Join(" and ", shared.Select(s => s.Key))} publish as the same broker user '{shared.Key}'";
        }
    }

    /// <summary>No container of a service is told to accept events from any publisher: a deployment names the users.</summary>
    public static IEnumerable<string> NoServiceAcceptsAnyPublisher(Manifests manifests)
    {
        foreach (var service in Suite.Services)
        {
            foreach (var container in manifests.Workload(service).AllContainers)
            {
                if (ContainerEnvironment.Of(manifests, container).ContainsKey(AcceptAnyPublisher))
                {
                    yield return $"Deployment/{service}/{container.Name}: sets {AcceptAnyPublisher}, so its consumers would apply events from any publisher";
                }
            }
        }
    }

    /// <summary>The in-cluster broker creates each service's user with the password from that service's own Secret.</summary>
    public static IEnumerable<string> BrokerCreatesEachUser(Manifests manifests)
    {
        if (Broker(manifests) is not { } broker)
        {
            yield break;
        }
        var passwords = (broker.Pod.Volumes ?? []).SelectMany(v => v.Projected?.Sources ?? [])
            .Select(s => s.Secret).OfType<k8s.Models.V1SecretProjection>()
            .SelectMany(s => (s.Items ?? []).Select(i => (Secret: s.Name, i.Key, User: i.Path)))
            .ToList();
        foreach (var (service, user) in PublisherUsersSeenBy(manifests, Suite.Services[0]))
        {
            var sources = passwords.Where(p => p.User == user).ToList();
            if (sources is not [var source] || source.Secret != $"{service}-rabbitmq" || source.Key != "password")
            {
                yield return $"{broker}: the password of {service}'s user '{user}' must come from Secret '{service}-rabbitmq' key 'password' alone; it comes from " +
                    (sources.Count == 0 ? "nowhere" : string.Join(", ", sources.Select(s => $"'{s.Secret}' key '{s.Key}'")));
            }
        }
        var container = broker.Containers.First();
        if (container.Lifecycle?.PostStart?.Exec?.Command is not { } command || !command.Any(c => c.EndsWith("broker-users.sh", StringComparison.Ordinal)))
        {
            yield return $"{broker}/{container.Name}: does not run broker-users.sh when it starts, so no service has a user";
        }
    }

    /// <summary>
    /// Each service's user has one set of permissions: write on its own event exchanges and queues only; configure on
    /// those and the event exchanges it consumes; read on its queues and the event exchanges it consumes.
    /// </summary>
    public static IEnumerable<string> PermissionsFitOwnership(Manifests manifests)
    {
        var (vhosts, permissions) = Definitions(manifests);
        var users = PublisherUsersSeenBy(manifests, Suite.Services[0]);
        foreach (var stranger in permissions.Where(p => !users.Values.Contains(p.User)))
        {
            yield return $"{DefinitionsFile}: grants user '{stranger.User}', which is no service's";
        }
        foreach (var (service, user) in users)
        {
            var granted = permissions.Where(p => p.User == user).ToList();
            if (granted is not [var permission])
            {
                yield return $"{DefinitionsFile}: {service}'s user '{user}' has {granted.Count} sets of permissions, expected 1";
                continue;
            }
            if (!vhosts.Contains(permission.Vhost))
            {
                yield return $"{DefinitionsFile}: {service}'s permissions are in vhost '{permission.Vhost}', which it does not declare";
            }
            foreach (var problem in Misfits(service, permission))
            {
                yield return $"{DefinitionsFile}: '{user}' {problem}";
            }
        }
    }

    private static IEnumerable<string> Misfits(string service, BrokerPermission permission)
    {
        var consumed = EventsConsumedBy(service).ToHashSet();
        var names = QueuesOf(service).Select(q => (Name: q, Why: "its own queue", Configure: true, Write: true, Read: true))
            .Concat(Suite.Services.Where(s => s != service).SelectMany(QueuesOf)
                .Select(q => (Name: q, Why: "another service's queue", Configure: false, Write: false, Read: false)))
            .Concat(EventCatalog.All.Select(e =>
            {
                var owns = EventCatalog.OwnerOf(e) == service;
                var why = owns ? "it owns it" : consumed.Contains(e) ? $"{EventCatalog.OwnerOf(e)} owns it, {service} consumes it" : $"{EventCatalog.OwnerOf(e)} owns it";
                return (Name: EventExchange + e.Name, Why: why, Configure: owns || consumed.Contains(e), Write: owns, Read: consumed.Contains(e));
            }))
            .Append((Name: EventExchange + nameof(IntegrationEvent), Why: "no event is published to the base type", Configure: false, Write: false, Read: false));
        foreach (var (name, why, configure, write, read) in names)
        {
            foreach (var (kind, pattern, expected) in new[] { ("configure", permission.Configure, configure), ("write", permission.Write, write), ("read", permission.Read, read) })
            {
                if (Regex.IsMatch(name, pattern) != expected)
                {
                    yield return $"{(expected ? "may not" : "may")} {kind} '{name}' ({why})";
                }
            }
        }
    }
}
