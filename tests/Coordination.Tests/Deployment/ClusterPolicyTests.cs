using Xunit;

namespace Coordination.Tests.Deployment;

/// <summary>The namespace, availability and Dapr rules of each overlay.</summary>
public sealed class ClusterPolicyTests
{
    public static TheoryData<string> Overlays => new(Suite.Overlays);

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Everything_lives_in_a_namespace_that_enforces_the_restricted_pod_security_standard(string overlay) =>
        PolicyAssert.Holds(ClusterPolicies.RestrictedNamespace(Manifests.Of(overlay)));

    [Fact]
    public void Production_runs_every_deployment_with_replicas_a_disruption_budget_an_autoscaler_and_node_spread() =>
        PolicyAssert.Holds(ClusterPolicies.HighAvailability(Manifests.Of("production")));

    [Fact]
    public void Development_runs_one_replica_of_everything() =>
        PolicyAssert.Holds(ClusterPolicies.SingleReplica(Manifests.Of("development")));

    [Fact]
    public void Production_gives_every_host_a_dapr_sidecar_speaking_grpc_with_its_own_configuration() =>
        PolicyAssert.Holds(ClusterPolicies.DaprSidecars(Manifests.Of("production")));

    [Fact]
    public void Development_runs_without_dapr() =>
        PolicyAssert.Holds(ClusterPolicies.NoDapr(Manifests.Of("development")));
}
