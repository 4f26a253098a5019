using System.Net;
using Coordination.Tests.Infrastructure;
using k8s.Models;

namespace Coordination.Tests.Deployment;

/// <summary>Something that sends or receives traffic: a pod of the overlay, or a stand-in for something outside it.</summary>
public sealed record Peer(
    string Name,
    IPAddress Address,
    string? Namespace = null,
    IReadOnlyDictionary<string, string>? Labels = null,
    IReadOnlyList<V1ContainerPort>? Ports = null,
    bool InOverlay = false)
{
    public bool IsPod => Namespace is not null;

    public IReadOnlyDictionary<string, string> NamespaceLabels =>
        Namespace is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = Namespace };
}

/// <summary>One connection the network policies let through.</summary>
public sealed record Flow(string From, string To, int Port, string Protocol)
{
    public override string ToString() => $"{From} -> {To}:{Port}/{Protocol}";
}

/// <summary>
/// The connections an overlay's NetworkPolicies allow, computed the way Kubernetes evaluates them: a connection
/// passes when the sender's egress policies (if any select it) and the receiver's ingress policies (if any select
/// it) both allow it. Peers outside the overlay stand at fixed addresses; the production overlay's ipBlock
/// placeholders (192.0.2.0/24) are where its external servers are.
/// </summary>
public static class NetworkFlows
{
    public static readonly Peer[] Outside =
    [
        new("internet", IPAddress.Parse("203.0.113.7")),
        new("kube-dns", IPAddress.Parse("10.244.100.10"), "kube-system", new Dictionary<string, string> { ["k8s-app"] = "kube-dns" },
            [new V1ContainerPort { ContainerPort = 53, Protocol = "UDP" }, new V1ContainerPort { ContainerPort = 53, Protocol = "TCP" }]),
        new("dapr-control-plane", IPAddress.Parse("10.244.100.20"), "dapr-system", new Dictionary<string, string> { ["app"] = "dapr-operator" }),
        new("pod-in-another-namespace", IPAddress.Parse("10.244.100.30"), "elsewhere", new Dictionary<string, string> { ["app.kubernetes.io/name"] = "gateway" }),
        new("api-server", IPAddress.Parse("192.0.2.1")),
        new("external-rabbitmq", IPAddress.Parse("192.0.2.10")),
        .. Suite.Services.Select(s => new Peer($"external-{s}-database", ProductionServer($"{s}-database"))),
    ];

    /// <summary>Where the production overlay's <c>external-servers.env</c> puts a server (the first address of its CIDR).</summary>
    private static IPAddress ProductionServer(string name)
    {
        var line = File.ReadLines(Repository.Path("deploy", "k8s", "overlays", "production", "external-servers.env"))
            .SingleOrDefault(l => l.StartsWith(name + "=", StringComparison.Ordinal))
            ?? throw new InvalidDataException($"overlays/production/external-servers.env has no address for {name}.");
        return IPNetwork.Parse(line[(name.Length + 1)..]).BaseAddress;
    }

    /// <summary>Ports tried beyond those the pods declare and the policies name: a policy too broad shows up on them.</summary>
    public static readonly int[] ExtraPorts = [22, 80, 443, 3000, 9090, 15672];

    /// <summary>The overlay's pods (one per workload) followed by the outside peers.</summary>
    public static IReadOnlyList<Peer> Peers(Manifests manifests) =>
        manifests.Workloads
            .Select((w, i) => new Peer(w.Name, IPAddress.Parse($"10.244.0.{i + 1}"), ClusterPolicies.Namespace, w.Labels, w.Containers.SelectMany(c => c.Ports ?? []).ToList(), InOverlay: true))
            .Concat(Outside)
            .ToList();

    public static ISet<Flow> Allowed(Manifests manifests)
    {
        var peers = Peers(manifests);
        var policies = manifests.All<V1NetworkPolicy>().ToList();
        var ports = peers.SelectMany(p => p.Ports ?? []).Select(p => p.ContainerPort)
            .Concat(policies.SelectMany(p => (p.Spec.Ingress ?? []).SelectMany(r => r.Ports ?? []).Concat((p.Spec.Egress ?? []).SelectMany(r => r.Ports ?? [])))
                .Select(p => int.TryParse(p.Port?.Value, out var n) ? n : 0))
            .Concat(ExtraPorts)
            .Where(p => p > 0)
            .Distinct()
            .ToList();

        var allowed = new HashSet<Flow>();
        foreach (var from in peers)
        {
            // Traffic between two outside peers is not the overlay's to allow or deny.
            foreach (var to in peers.Where(p => p != from && (from.InOverlay || p.InOverlay)))
            {
                foreach (var port in ports)
                {
                    foreach (var protocol in new[] { "TCP", "UDP" })
                    {
                        if (Passes(policies, from, to, port, protocol, "Egress") && Passes(policies, from, to, port, protocol, "Ingress"))
                        {
                            allowed.Add(new Flow(from.Name, to.Name, port, protocol));
                        }
                    }
                }
            }
        }
        return allowed;
    }

    private static bool Passes(List<V1NetworkPolicy> policies, Peer from, Peer to, int port, string protocol, string direction)
    {
        var (subject, other) = direction == "Egress" ? (from, to) : (to, from);
        if (!subject.IsPod)
        {
            return true;
        }
        var selecting = policies
            .Where(p => p.Metadata.NamespaceProperty == subject.Namespace && p.Spec.PodSelector.Matches(subject.Labels ?? new Dictionary<string, string>()) && PolicyTypes(p).Contains(direction))
            .ToList();
        if (selecting.Count == 0)
        {
            return true;
        }
        return direction == "Egress"
            ? selecting.SelectMany(p => (p.Spec.Egress ?? []).Select(r => (p, peers: r.To, r.Ports))).Any(r => Admits(r.p, r.peers, other) && Admits(r.Ports, to, port, protocol))
            : selecting.SelectMany(p => (p.Spec.Ingress ?? []).Select(r => (p, peers: r.FromProperty, r.Ports))).Any(r => Admits(r.p, r.peers, other) && Admits(r.Ports, to, port, protocol));
    }

    private static IList<string> PolicyTypes(V1NetworkPolicy policy) =>
        policy.Spec.PolicyTypes is { Count: > 0 } types ? types : policy.Spec.Egress is { Count: > 0 } ? ["Ingress", "Egress"] : ["Ingress"];

    private static bool Admits(V1NetworkPolicy policy, IList<V1NetworkPolicyPeer>? peers, Peer peer) =>
        peers is null or [] || peers.Any(p => Admits(policy, p, peer));

    private static bool Admits(V1NetworkPolicy policy, V1NetworkPolicyPeer rule, Peer peer)
    {
        if (rule.IpBlock is { } block)
        {
            return IPNetwork.Parse(block.Cidr).Contains(peer.Address) && !(block.Except ?? []).Any(e => IPNetwork.Parse(e).Contains(peer.Address));
        }
        if (!peer.IsPod)
        {
            return false;
        }
        var inNamespace = rule.NamespaceSelector is null
            ? peer.Namespace == policy.Metadata.NamespaceProperty
            : rule.NamespaceSelector.Matches(peer.NamespaceLabels);
        return inNamespace && (rule.PodSelector is null || rule.PodSelector.Matches(peer.Labels ?? new Dictionary<string, string>()));
    }

    private static bool Admits(IList<V1NetworkPolicyPort>? ports, Peer receiver, int port, string protocol) =>
        ports is null or [] || ports.Any(p =>
        {
            if ((p.Protocol ?? "TCP") != protocol)
            {
                return false;
            }
            if (p.Port?.Value is not { } value)
            {
                return true;
            }
            if (int.TryParse(value, out var number))
            {
                return p.EndPort is { } end ? port >= number && port <= end : port == number;
            }
            return (receiver.Ports ?? []).Any(c => c.Name == value && c.ContainerPort == port && (c.Protocol ?? "TCP") == protocol);
        });
}
