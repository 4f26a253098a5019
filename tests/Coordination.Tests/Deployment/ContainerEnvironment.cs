using k8s.Models;

namespace Coordination.Tests.Deployment;

/// <summary>Where one environment variable of a container comes from.</summary>
public sealed record EnvSource(string Name, string? Value, V1SecretKeySelector? Secret, string Origin)
{
    public bool IsSecretReference => Secret is not null;
}

/// <summary>A container's environment as the kubelet would assemble it: envFrom ConfigMaps first, then env.</summary>
public static class ContainerEnvironment
{
    public static IReadOnlyDictionary<string, EnvSource> Of(Manifests manifests, V1Container container, ICollection<string>? problems = null)
    {
        var result = new Dictionary<string, EnvSource>();
        foreach (var from in container.EnvFrom ?? [])
        {
            if (from.ConfigMapRef is { } reference)
            {
                var map = manifests.All<V1ConfigMap>().SingleOrDefault(c => c.Metadata.Name == reference.Name);
                if (map is null)
                {
                    problems?.Add($"container {container.Name} reads ConfigMap '{reference.Name}', which the overlay does not have");
                    continue;
                }
                foreach (var (key, value) in map.Data ?? new Dictionary<string, string>())
                {
                    result[(from.Prefix ?? "") + key] = new EnvSource(key, value, null, $"ConfigMap {reference.Name}");
                }
            }
            if (from.SecretRef is { } secret)
            {
                problems?.Add($"container {container.Name} takes every key of Secret '{secret.Name}' (envFrom); name each one with secretKeyRef");
            }
        }
        foreach (var env in container.Env ?? [])
        {
            result[env.Name] = new EnvSource(env.Name, env.Value, env.ValueFrom?.SecretKeyRef, env.ValueFrom?.SecretKeyRef is null ? "env" : "Secret reference");
        }
        return result;
    }
}
