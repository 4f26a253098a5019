using Coordination.Contracts;
using Coordination.Local;
using Coordination.Tests.Infrastructure;
using k8s.Models;
using Xunit;

namespace Coordination.Tests.Deployment;

/// <summary>
/// Every service's Kubernetes objects come from one definition (<c>deploy/k8s/per-service/</c>), written out by
/// <c>deploy/k8s/generate</c> for each service of <c>deploy/k8s/services</c>; the committed files are what it writes.
/// </summary>
public sealed class PerServiceManifestTests : IDisposable
{
    private static readonly string K8s = Repository.Path("deploy", "k8s");

    private readonly string scratch = Directory.CreateTempSubdirectory("coordination-k8s-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public void The_deployed_services_are_those_of_the_contract_and_of_the_local_suite()
    {
        Assert.Equal(PublicContract.Services.Order(), Suite.Services.Order());
        Assert.Equal(LocalSuite.Modules.Select(m => m.Name).Order(), Suite.Services.Order());
    }

    [Fact]
    public void The_committed_manifests_are_what_generate_writes()
    {
        var (exitCode, output) = PerServiceManifests.Generate(K8s, check: true);

        Assert.True(exitCode == 0, $"deploy/k8s/generate --check failed ({exitCode}):\n{output}");
    }

    [Fact]
    public void A_generated_file_edited_by_hand_fails_the_check()
    {
        var copy = PerServiceManifests.Copy(K8s, scratch);
        File.AppendAllText(Path.Combine(copy, "base", "services.yaml"), "# edited by hand\n");

        var (exitCode, output) = PerServiceManifests.Generate(copy, check: true);

        Assert.Equal(1, exitCode);
        Assert.Contains("base/services.yaml", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_service_is_one_line_in_the_list_and_its_database_address_and_gets_everything_another_service_gets()
    {
        var copy = PerServiceManifests.Copy(K8s, scratch);
        File.AppendAllText(Path.Combine(copy, "services"), "operations\n");
        File.AppendAllText(Path.Combine(copy, "overlays", "production", "external-servers.env"), "operations-database=192.0.2.15/32\n");

        var (exitCode, output) = PerServiceManifests.Generate(copy);

        Assert.True(exitCode == 0, output);
        foreach (var overlay in Suite.Overlays)
        {
            var manifests = Manifests.Load(overlay, Manifests.Render(Path.Combine(copy, "overlays", overlay)));
            var objects = manifests.Objects.Select(o => $"{o.Kind}/{o.Metadata.Name}").ToHashSet();
            var personnels = objects.Where(o => o.Contains("personnel", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(personnels);
            Assert.All(personnels, o => Assert.Contains(o.Replace("personnel", "operations", StringComparison.Ordinal), objects));

            var settings = manifests.All<V1ConfigMap>().SelectMany(c => c.Data.Keys).ToHashSet();
            Assert.Contains("Messaging__PublisherUsers__operations", settings);
            Assert.Contains("Gateway__Backends__Operations", settings);
        }
        var development = Manifests.Load("development", Manifests.Render(Path.Combine(copy, "overlays", "development")));
        Assert.Contains(BrokerUsers.Broker(development)!.Pod.Volumes.SelectMany(v => v.Projected?.Sources ?? []),
            s => s.Secret?.Name == "operations-rabbitmq" && s.Secret.Items.Single().Path == "coordination-operations");
        var production = Manifests.Load("production", Manifests.Render(Path.Combine(copy, "overlays", "production")));
        Assert.Contains("operations", production.All<DaprComponent>().Single().Scopes!);
        Assert.Equal("operations", production.Workload("operations").Annotations["dapr.io/app-id"]);
        Assert.Equal("192.0.2.15/32", production.Single<V1NetworkPolicy>("operations-egress").Spec.Egress[1].To.Single().IpBlock.Cidr);
    }
}
