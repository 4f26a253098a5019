using Xunit;

namespace Coordination.Tests.Deployment;

/// <summary>What every pod of both overlays must be: probed, locked down, sized, token-less, reachable, migrated.</summary>
public sealed class ContainerPolicyTests
{
    public static TheoryData<string> Overlays => new(Suite.Overlays);

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_host_has_native_grpc_startup_readiness_and_liveness_probes_on_a_port_it_declares(string overlay) =>
        PolicyAssert.Holds(WorkloadPolicies.Probes(Manifests.Of(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_container_runs_non_root_on_a_read_only_filesystem_without_privileges_or_capabilities(string overlay) =>
        PolicyAssert.Holds(WorkloadPolicies.Security(Manifests.Of(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_container_init_containers_included_has_cpu_and_memory_requests_and_limits(string overlay) =>
        PolicyAssert.Holds(WorkloadPolicies.Resources(Manifests.Of(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void No_pod_runs_as_the_default_service_account_or_carries_a_kubernetes_api_token(string overlay) =>
        PolicyAssert.Holds(WorkloadPolicies.ServiceAccounts(Manifests.Of(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_service_targets_ports_its_pods_declare_and_the_port_their_probes_use(string overlay) =>
        PolicyAssert.Holds(WorkloadPolicies.ServicePorts(Manifests.Of(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_service_migrates_its_database_with_its_own_image_before_it_starts(string overlay) =>
        PolicyAssert.Holds(WorkloadPolicies.Migrations(Manifests.Of(overlay)));
}
