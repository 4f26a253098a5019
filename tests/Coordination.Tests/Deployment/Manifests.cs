using System.Collections.Concurrent;
using Coordination.Tests.Infrastructure;
using k8s;
using k8s.Models;

namespace Coordination.Tests.Deployment;

/// <summary>
/// The objects an overlay of <c>deploy/k8s</c> renders to (<c>kubectl kustomize</c>), loaded with the Kubernetes
/// client's models in strict mode: an unknown or misspelled field anywhere fails the load.
/// </summary>
public sealed class Manifests
{
    /// <summary>apiVersion/kind of the custom resources the overlays use; every other kind must be a built-in one.</summary>
    public static readonly IReadOnlyDictionary<string, Type> CustomResources = new Dictionary<string, Type>
    {
        ["dapr.io/v1alpha1/Component"] = typeof(DaprComponent),
        ["dapr.io/v1alpha1/Configuration"] = typeof(DaprConfiguration),
    };

    private static readonly ConcurrentDictionary<string, Lazy<string>> Rendered = new();

    public Manifests(string overlay, IReadOnlyList<IKubernetesObject<V1ObjectMeta>> objects)
    {
        Overlay = overlay;
        Objects = objects;
    }

    public string Overlay { get; }

    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects { get; }

    /// <summary>The overlay's objects, freshly loaded: callers may change them without affecting anyone else.</summary>
    public static Manifests Of(string overlay) => Load(overlay, Yaml(overlay));

    /// <summary>What <c>kubectl kustomize deploy/k8s/overlays/{overlay}</c> prints (rendered once per test run).</summary>
    public static string Yaml(string overlay) =>
        Rendered.GetOrAdd(overlay, o => new Lazy<string>(() => Render(Repository.Path("deploy", "k8s", "overlays", o)))).Value;

    public static Manifests Load(string overlay, string yaml)
    {
        var objects = KubernetesYaml.LoadAllFromString(yaml, new Dictionary<string, Type>(CustomResources), strict: true);
        return new Manifests(overlay, objects.Select(o => o as IKubernetesObject<V1ObjectMeta>
            ?? throw new InvalidDataException($"{o.GetType().Name} in {overlay} is not a Kubernetes object with metadata.")).ToList());
    }

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public T Single<T>(string name)
        where T : IKubernetesObject<V1ObjectMeta> =>
        All<T>().SingleOrDefault(o => o.Metadata.Name == name)
        ?? throw new InvalidOperationException($"{Overlay} has no {typeof(T).Name} named '{name}'.");

    /// <summary>Deployments and StatefulSets: what runs pods.</summary>
    public IEnumerable<Workload> Workloads =>
        All<V1Deployment>().Select(d => new Workload("Deployment", d.Metadata.Name, d.Spec.Selector, d.Spec.Replicas ?? 1, d.Spec.Template))
            .Concat(All<V1StatefulSet>().Select(s => new Workload("StatefulSet", s.Metadata.Name, s.Spec.Selector, s.Spec.Replicas ?? 1, s.Spec.Template)));

    /// <summary>The suite's own Deployments (the four services and the gateway), as opposed to infrastructure.</summary>
    public IEnumerable<Workload> Applications => Workloads.Where(w => w.Kind == "Deployment" && Suite.Deployables.Contains(w.Name));

    public Workload Workload(string name) =>
        Workloads.SingleOrDefault(w => w.Name == name) ?? throw new InvalidOperationException($"{Overlay} has no workload named '{name}'.");

    /// <summary>Runs <c>kubectl kustomize</c> on a folder; fails (never skips) when kubectl is not there.</summary>
    public static string Render(string folder)
    {
        var kubectl = FindKubectl() ?? throw new InvalidOperationException(
            "kubectl was not found (looked on PATH and at /usr/bin/kubectl). The deployment specifications render deploy/k8s " +
            "with `kubectl kustomize`: install kubectl 1.27 or later and run the tests again.");
        var (exitCode, output, errors) = Command.Run(kubectl, "kustomize", folder);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize {folder} failed ({exitCode}): {errors}");
        }
        return output;
    }

    private static string? FindKubectl()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(dir => Path.Combine(dir, "kubectl"))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>Something that runs pods from a template.</summary>
public sealed record Workload(string Kind, string Name, V1LabelSelector Selector, int Replicas, V1PodTemplateSpec Template)
{
    public V1PodSpec Pod => Template.Spec;

    public IReadOnlyDictionary<string, string> Labels => Copy(Template.Metadata?.Labels);

    public IReadOnlyDictionary<string, string> Annotations => Copy(Template.Metadata?.Annotations);

    public IEnumerable<V1Container> InitContainers => Pod.InitContainers ?? [];

    public IEnumerable<V1Container> Containers => Pod.Containers ?? [];

    public IEnumerable<V1Container> AllContainers => InitContainers.Concat(Containers);

    public bool DaprEnabled => Annotations.TryGetValue("dapr.io/enabled", out var enabled) && enabled == "true";

    public override string ToString() => $"{Kind}/{Name}";

    private static Dictionary<string, string> Copy(IDictionary<string, string>? map) => map is null ? [] : new(map);
}

/// <summary>What the suite deploys.</summary>
public static class Suite
{
    /// <summary>The services of <c>deploy/k8s/services</c>, in its order: each gets the objects of <c>deploy/k8s/per-service/</c>.</summary>
    public static readonly string[] Services = PerServiceManifests.Services(Repository.Path("deploy", "k8s"));

    public const string Gateway = "gateway";

    public static readonly string[] Deployables = [.. Services, Gateway];

    public static readonly string[] Overlays = ["development", "production"];
}
