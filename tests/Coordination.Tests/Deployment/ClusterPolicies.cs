using k8s.Models;

namespace Coordination.Tests.Deployment;

/// <summary>The namespace, availability and Dapr sidecar rules an overlay must keep.</summary>
public static class ClusterPolicies
{
    public const string Namespace = "coordination";

    public static IEnumerable<string> RestrictedNamespace(Manifests manifests)
    {
        var ns = manifests.All<V1Namespace>().SingleOrDefault(n => n.Metadata.Name == Namespace);
        if (ns is null)
        {
            yield return $"no Namespace '{Namespace}'";
            yield break;
        }
        foreach (var mode in new[] { "enforce", "audit", "warn" })
        {
            var label = $"pod-security.kubernetes.io/{mode}";
            if (ns.Metadata.Labels?.TryGetValue(label, out var level) != true || level != "restricted")
            {
                yield return $"Namespace/{Namespace}: {label} is not 'restricted'";
            }
        }
        foreach (var other in manifests.Objects.Where(o => o is not V1Namespace && o.Metadata.NamespaceProperty != Namespace))
        {
            yield return $"{other.Kind}/{other.Metadata.Name}: is in namespace '{other.Metadata.NamespaceProperty}', not '{Namespace}'";
        }
    }

    /// <summary>Two replicas or more, a disruption budget, an autoscaler on CPU and a spread across nodes for every Deployment.</summary>
    public static IEnumerable<string> HighAvailability(Manifests manifests)
    {
        foreach (var app in manifests.Applications)
        {
            if (app.Replicas < 2)
            {
                yield return $"{app}: {app.Replicas} replica(s); high availability needs 2 or more";
            }
            var budgets = manifests.All<V1PodDisruptionBudget>().Where(b => b.Spec.Selector.Matches(app.Labels)).ToList();
            if (budgets.Count != 1 || budgets[0].Spec.MinAvailable?.Value is not { } min || !int.TryParse(min, out var minimum) || minimum < 1)
            {
                yield return $"{app}: needs exactly one PodDisruptionBudget with minAvailable of 1 or more (found {budgets.Count})";
            }
            var scalers = manifests.All<V2HorizontalPodAutoscaler>()
                .Where(h => h.Spec.ScaleTargetRef is { Kind: "Deployment", ApiVersion: "apps/v1" } target && target.Name == app.Name).ToList();
            if (scalers.Count != 1)
            {
                yield return $"{app}: needs exactly one HorizontalPodAutoscaler (found {scalers.Count})";
            }
            else
            {
                var spec = scalers[0].Spec;
                if ((spec.MinReplicas ?? 1) < 2 || spec.MaxReplicas < (spec.MinReplicas ?? 1))
                {
                    yield return $"HorizontalPodAutoscaler/{scalers[0].Metadata.Name}: scales {spec.MinReplicas}..{spec.MaxReplicas}; needs 2 or more at least";
                }
                if (!(spec.Metrics ?? []).Any(m => m.Type == "Resource" && m.Resource?.Name == "cpu"))
                {
                    yield return $"HorizontalPodAutoscaler/{scalers[0].Metadata.Name}: does not scale on CPU";
                }
            }
            if (!(app.Pod.TopologySpreadConstraints ?? []).Any(t => t.TopologyKey == "kubernetes.io/hostname" && t.LabelSelector.Matches(app.Labels)))
            {
                yield return $"{app}: its replicas are not spread across nodes (kubernetes.io/hostname)";
            }
        }
    }

    /// <summary>A development cluster runs one of each and nothing scales it.</summary>
    public static IEnumerable<string> SingleReplica(Manifests manifests) =>
        manifests.Workloads.Where(w => w.Replicas != 1).Select(w => $"{w}: {w.Replicas} replicas; development runs one")
            .Concat(manifests.All<V2HorizontalPodAutoscaler>().Select(h => $"HorizontalPodAutoscaler/{h.Metadata.Name}: development does not autoscale"));

    /// <summary>Every application has a sidecar speaking gRPC to its gRPC port, configured by its own Dapr Configuration.</summary>
    public static IEnumerable<string> DaprSidecars(Manifests manifests)
    {
        foreach (var app in manifests.Applications)
        {
            var grpcPort = app.Containers.First().ReadinessProbe?.Grpc?.Port.ToString();
            var expected = new Dictionary<string, string?>
            {
                ["dapr.io/enabled"] = "true",
                ["dapr.io/app-id"] = app.Name,
                ["dapr.io/app-port"] = grpcPort,
                ["dapr.io/app-protocol"] = "grpc",
                ["dapr.io/config"] = $"{app.Name}-dapr",
                // The restricted Pod Security Standard applies to the injected sidecar as well.
                ["dapr.io/sidecar-seccomp-profile-type"] = "RuntimeDefault",
            };
            foreach (var (annotation, value) in expected.Where(e => app.Annotations.GetValueOrDefault(e.Key) != e.Value))
            {
                yield return $"{app}: annotation {annotation} is '{app.Annotations.GetValueOrDefault(annotation)}', expected '{value}'";
            }
            if (!manifests.All<DaprConfiguration>().Any(c => c.Metadata.Name == $"{app.Name}-dapr"))
            {
                yield return $"{app}: Dapr Configuration '{app.Name}-dapr' is not in the overlay";
            }
        }
    }

    public static IEnumerable<string> NoDapr(Manifests manifests) =>
        manifests.Workloads.Where(w => w.Annotations.Keys.Any(k => k.StartsWith("dapr.io/", StringComparison.Ordinal))).Select(w => $"{w}: has Dapr annotations")
            .Concat(manifests.All<DaprComponent>().Select(c => $"Component/{c.Metadata.Name}: Dapr is not part of this overlay"));
}
