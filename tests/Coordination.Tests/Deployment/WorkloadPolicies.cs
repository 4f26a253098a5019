using k8s.Models;

namespace Coordination.Tests.Deployment;

/// <summary>
/// What every pod of the suite must be: probed over gRPC, locked down, sized, token-less, reachable through its
/// Service, migrated before it starts. Each policy lists its violations; none means it holds.
/// </summary>
public static class WorkloadPolicies
{
    /// <summary>The non-root 'app' user of the aspnet base image (ContainerUser in the project files).</summary>
    public const long AppUser = 1654;

    /// <summary>preStop 5 s + in-flight calls 30 s + the outbox's last pass 5 s, with room.</summary>
    public const long GracePeriodSeconds = 45;

    /// <summary>The sidecar wait (30 s) and a migration-free start must fit in the startup probe's budget.</summary>
    public const int StartupBudgetSeconds = 60;

    public static IEnumerable<string> Probes(Manifests manifests)
    {
        foreach (var app in manifests.Applications)
        {
            foreach (var container in app.Containers)
            {
                var where = $"{app}/{container.Name}";
                var ports = (container.Ports ?? []).Select(p => p.ContainerPort).ToHashSet();
                foreach (var (kind, probe, service) in new[]
                {
                    ("startupProbe", container.StartupProbe, "liveness"),
                    ("readinessProbe", container.ReadinessProbe, ""),
                    ("livenessProbe", container.LivenessProbe, "liveness"),
                })
                {
                    if (probe?.Grpc is not { } grpc)
                    {
                        yield return $"{where}: {kind} is not a native grpc probe";
                        continue;
                    }
                    if ((grpc.Service ?? "") != service)
                    {
                        yield return $"{where}: {kind} asks gRPC health for service '{grpc.Service}', expected '{service}'";
                    }
                    if (!ports.Contains(grpc.Port))
                    {
                        yield return $"{where}: {kind} probes port {grpc.Port}, which the container does not declare ({string.Join(", ", ports)})";
                    }
                }
                if (container.StartupProbe is { } startup && (startup.PeriodSeconds ?? 10) * (startup.FailureThreshold ?? 3) < StartupBudgetSeconds)
                {
                    yield return $"{where}: startupProbe gives up before {StartupBudgetSeconds} s";
                }
            }
        }
        foreach (var infrastructure in manifests.Workloads.Except(manifests.Applications))
        {
            foreach (var container in infrastructure.Containers.Where(c => c.ReadinessProbe is null || c.LivenessProbe is null))
            {
                yield return $"{infrastructure}/{container.Name}: needs both a readiness and a liveness probe";
            }
        }
    }

    public static IEnumerable<string> Security(Manifests manifests)
    {
        foreach (var workload in manifests.Workloads)
        {
            var pod = workload.Pod;
            if (pod.HostNetwork == true || pod.HostPID == true || pod.HostIPC == true)
            {
                yield return $"{workload}: shares a host namespace";
            }
            foreach (var volume in (pod.Volumes ?? []).Where(v => v.HostPath is not null))
            {
                yield return $"{workload}: mounts host path volume '{volume.Name}'";
            }
            var isApplication = manifests.Applications.Contains(workload);
            if (isApplication && pod.TerminationGracePeriodSeconds != GracePeriodSeconds)
            {
                yield return $"{workload}: terminationGracePeriodSeconds is {pod.TerminationGracePeriodSeconds}, expected {GracePeriodSeconds}";
            }
            foreach (var container in workload.AllContainers)
            {
                var where = $"{workload}/{container.Name}";
                var context = container.SecurityContext;
                if ((context?.RunAsNonRoot ?? pod.SecurityContext?.RunAsNonRoot) != true)
                {
                    yield return $"{where}: runAsNonRoot is not true";
                }
                if (context?.ReadOnlyRootFilesystem != true)
                {
                    yield return $"{where}: readOnlyRootFilesystem is not true";
                }
                if (context?.AllowPrivilegeEscalation != false)
                {
                    yield return $"{where}: allowPrivilegeEscalation is not false";
                }
                if (context?.Capabilities?.Drop?.Contains("ALL") != true || context.Capabilities.Add is { Count: > 0 })
                {
                    yield return $"{where}: capabilities must drop ALL and add none";
                }
                if ((context?.SeccompProfile ?? pod.SecurityContext?.SeccompProfile)?.Type is not ("RuntimeDefault" or "Localhost"))
                {
                    yield return $"{where}: seccompProfile is not RuntimeDefault";
                }
                if (isApplication)
                {
                    var user = context?.RunAsUser ?? pod.SecurityContext?.RunAsUser;
                    if (user != AppUser)
                    {
                        yield return $"{where}: runs as user {user?.ToString() ?? "(image default)"}, expected {AppUser}";
                    }
                    var tmp = (container.VolumeMounts ?? []).SingleOrDefault(m => m.MountPath == "/tmp");
                    if (tmp is null || (pod.Volumes ?? []).SingleOrDefault(v => v.Name == tmp.Name)?.EmptyDir is null)
                    {
                        yield return $"{where}: has a read-only root filesystem but no emptyDir at /tmp for .NET to write to";
                    }
                }
            }
        }
    }

    public static IEnumerable<string> Resources(Manifests manifests)
    {
        foreach (var workload in manifests.Workloads)
        {
            foreach (var container in workload.AllContainers)
            {
                var where = $"{workload}/{container.Name}";
                var requests = container.Resources?.Requests ?? new Dictionary<string, ResourceQuantity>();
                var limits = container.Resources?.Limits ?? new Dictionary<string, ResourceQuantity>();
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    if (!requests.TryGetValue(resource, out var request))
                    {
                        yield return $"{where}: no {resource} request";
                    }
                    if (!limits.TryGetValue(resource, out var limit))
                    {
                        yield return $"{where}: no {resource} limit";
                    }
                    else if (request is not null && request.ToDecimal() > limit.ToDecimal())
                    {
                        yield return $"{where}: {resource} request {request} exceeds its limit {limit}";
                    }
                }
            }
        }
    }

    /// <summary>No pod of ours carries a Kubernetes API token (the Dapr sidecar's own projected token aside).</summary>
    public static IEnumerable<string> ServiceAccounts(Manifests manifests)
    {
        foreach (var workload in manifests.Workloads)
        {
            var name = workload.Pod.ServiceAccountName;
            var account = manifests.All<V1ServiceAccount>().SingleOrDefault(a => a.Metadata.Name == name);
            if (name is null or "default" || account is null)
            {
                yield return $"{workload}: runs as service account '{name ?? "default"}', not one of its own in the overlay";
            }
            else if (account.AutomountServiceAccountToken != false)
            {
                yield return $"{workload}: service account '{name}' does not set automountServiceAccountToken: false";
            }
            if (workload.Pod.AutomountServiceAccountToken == true)
            {
                yield return $"{workload}: the pod mounts its service account token";
            }
            foreach (var container in workload.AllContainers.Where(c => (c.VolumeMounts ?? []).Any(m => m.MountPath.StartsWith("/var/run/secrets/kubernetes.io", StringComparison.Ordinal))))
            {
                yield return $"{workload}/{container.Name}: mounts a Kubernetes API token";
            }
        }
    }

    /// <summary>Every Service reaches a port its pods declare; every application's probes are on a port its Service targets.</summary>
    public static IEnumerable<string> ServicePorts(Manifests manifests)
    {
        foreach (var service in manifests.All<V1Service>())
        {
            var selected = manifests.Workloads.Where(w => service.Spec.Selector is { Count: > 0 } s && s.All(l => w.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
            if (selected.Count == 0)
            {
                yield return $"Service/{service.Metadata.Name}: selects no pods";
            }
            foreach (var port in service.Spec.Ports)
            {
                foreach (var workload in selected.Where(w => TargetContainerPort(port, w) is null))
                {
                    yield return $"Service/{service.Metadata.Name}: port {port.Name ?? port.Port.ToString()} targets '{port.TargetPort?.Value ?? port.Port.ToString()}', which {workload} does not declare";
                }
            }
        }
        foreach (var app in manifests.Applications)
        {
            var service = manifests.All<V1Service>().SingleOrDefault(s => s.Metadata.Name == app.Name);
            if (service is null)
            {
                yield return $"{app}: has no Service of its name";
                continue;
            }
            var targeted = service.Spec.Ports.Select(p => TargetContainerPort(p, app)).OfType<int>().ToHashSet();
            foreach (var container in app.Containers)
            {
                foreach (var probe in new[] { container.StartupProbe, container.ReadinessProbe, container.LivenessProbe }.Where(p => p?.Grpc is not null))
                {
                    if (!targeted.Contains(probe!.Grpc.Port))
                    {
                        yield return $"{app}/{container.Name}: probes port {probe.Grpc.Port}, which Service/{service.Metadata.Name} does not target";
                    }
                }
            }
        }
    }

    /// <summary>Each service's pods run its migration step, from the same image, before the service starts.</summary>
    public static IEnumerable<string> Migrations(Manifests manifests)
    {
        foreach (var app in manifests.Applications.Where(a => Suite.Services.Contains(a.Name)))
        {
            var main = app.Containers.First();
            var migrate = app.InitContainers.SingleOrDefault(c => c.Args is ["migrate"]);
            if (migrate is null)
            {
                yield return $"{app}: no init container runs the 'migrate' step";
                continue;
            }
            if (migrate.Image != main.Image || migrate.Command is { Count: > 0 })
            {
                yield return $"{app}/{migrate.Name}: must run the service's own image ({main.Image}) with its entrypoint";
            }
            var env = ContainerEnvironment.Of(manifests, migrate);
            if (!env.TryGetValue("ConnectionStrings__Database", out var database) || database.Secret?.Name != $"{app.Name}-database")
            {
                yield return $"{app}/{migrate.Name}: does not read ConnectionStrings__Database from Secret '{app.Name}-database'";
            }
        }
    }

    /// <summary>The container port a Service port lands on in a workload's pods, or null.</summary>
    public static int? TargetContainerPort(V1ServicePort port, Workload workload)
    {
        var target = port.TargetPort?.Value ?? port.Port.ToString();
        var declared = workload.Containers.SelectMany(c => c.Ports ?? []).ToList();
        return int.TryParse(target, out var number)
            ? declared.Any(p => p.ContainerPort == number) ? number : null
            : declared.FirstOrDefault(p => p.Name == target)?.ContainerPort;
    }
}
