using Xunit;

namespace Coordination.Tests.Deployment;

/// <summary>
/// The network policies allow exactly these flows and nothing else: anyone -> gateway (8080, 8081); gateway ->
/// each service (8080); each service -> the broker (5672) and its own database (5432); every pod -> cluster DNS
/// (53); with Dapr, every pod -> the Dapr control plane and the API server.
/// </summary>
public sealed class NetworkPolicyTests
{
    [Theory]
    [InlineData("development", false)]
    [InlineData("production", true)]
    public void The_network_policies_allow_exactly_the_listed_flows(string overlay, bool externalServersAndDapr)
    {
        var manifests = Manifests.Of(overlay);

        var allowed = NetworkFlows.Allowed(manifests);

        var expected = Expected(manifests, externalServersAndDapr);
        PolicyAssert.Holds(expected.Except(allowed).Select(f => $"not allowed but should be: {f}")
            .Concat(allowed.Except(expected).Select(f => $"allowed but should not be: {f}")));
    }

    public static ISet<Flow> Expected(Manifests manifests, bool externalServersAndDapr)
    {
        var pods = manifests.Workloads.Select(w => w.Name).ToList();
        var broker = externalServersAndDapr ? "external-rabbitmq" : "rabbitmq";
        string Database(string service) => externalServersAndDapr ? $"external-{service}-database" : $"{service}-postgres";

        var flows = new HashSet<Flow>();
        foreach (var outside in NetworkFlows.Outside)
        {
            flows.Add(new(outside.Name, Suite.Gateway, 8080, "TCP"));
            flows.Add(new(outside.Name, Suite.Gateway, 8081, "TCP"));
        }
        foreach (var service in Suite.Services)
        {
            flows.Add(new(Suite.Gateway, service, 8080, "TCP"));
            flows.Add(new(service, broker, 5672, "TCP"));
            flows.Add(new(service, Database(service), 5432, "TCP"));
        }
        foreach (var pod in pods)
        {
            flows.Add(new(pod, "kube-dns", 53, "UDP"));
            flows.Add(new(pod, "kube-dns", 53, "TCP"));
            if (externalServersAndDapr)
            {
                foreach (var port in new[] { 6500, 50001, 50005, 50006 })
                {
                    flows.Add(new(pod, "dapr-control-plane", port, "TCP"));
                }
                flows.Add(new(pod, "api-server", 443, "TCP"));
                flows.Add(new(pod, "api-server", 6443, "TCP"));
            }
        }
        return flows;
    }
}
