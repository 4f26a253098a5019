using k8s.Models;
using Xunit;

namespace Coordination.Tests.Deployment;

/// <summary>Every overlay renders with kubectl kustomize, and every object it renders is one Kubernetes (or Dapr) knows.</summary>
public sealed class OverlayRenderingTests
{
    public static TheoryData<string> Overlays => new(Suite.Overlays);

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_overlay_renders_and_every_object_loads_in_strict_mode(string overlay)
    {
        var manifests = Manifests.Of(overlay);

        Assert.NotEmpty(manifests.Objects);
        Assert.Equal(Suite.Deployables.Order(), manifests.Applications.Select(a => a.Name).Order());
        Assert.Equal(Suite.Deployables.Order(), manifests.All<V1Service>().Select(s => s.Metadata.Name).Intersect(Suite.Deployables).Order());
        Assert.All(manifests.Objects, o => Assert.False(string.IsNullOrEmpty(o.Metadata.Name), $"{o.Kind} without a name"));
    }

    [Fact]
    public void Development_brings_its_broker_and_one_database_per_service_on_persistent_volumes()
    {
        var manifests = Manifests.Of("development");

        var stateful = manifests.All<V1StatefulSet>().ToDictionary(s => s.Metadata.Name);
        Assert.Equal(["diplomacy-postgres", "finance-postgres", "logistics-postgres", "personnel-postgres", "rabbitmq"], stateful.Keys.Order());
        Assert.All(stateful.Values, s => Assert.Contains(s.Spec.VolumeClaimTemplates, c => s.Spec.Template.Spec.Containers.Any(k => k.VolumeMounts.Any(m => m.Name == c.Metadata.Name))));
        Assert.All(stateful.Keys, name => Assert.Contains(manifests.All<V1Service>(), s => s.Metadata.Name == name));
    }

    [Fact]
    public void Production_brings_no_broker_or_database_of_its_own()
    {
        Assert.Empty(Manifests.Of("production").All<V1StatefulSet>());
    }

    [Theory]
    [InlineData("readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true")]
    [InlineData("allowedSecrets:", "allowSecrets:")]
    [InlineData("terminationGracePeriodSeconds: 45", "terminationGracePeriod: 45")]
    public void A_misspelled_field_fails_the_strict_load(string field, string misspelled)
    {
        var yaml = Manifests.Yaml("production");
        Assert.Contains(field, yaml, StringComparison.Ordinal);

        var error = Record.Exception(() => Manifests.Load("production", yaml.Replace(field, misspelled, StringComparison.Ordinal)));

        Assert.NotNull(error);
        Assert.Contains(misspelled.Split(':')[0], error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_kind_fails_the_load()
    {
        var yaml = Manifests.Yaml("production") + "---\napiVersion: example.org/v1\nkind: Gadget\nmetadata:\n  name: gadget\n";

        Assert.ThrowsAny<Exception>(() => Manifests.Load("production", yaml));
    }
}
