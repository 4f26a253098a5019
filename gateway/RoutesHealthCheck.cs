using Coordination.Contracts;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace Coordination.Gateway;

/// <summary>Ready once every service's route has a destination to send calls to.</summary>
public sealed class RoutesHealthCheck(IProxyStateLookup proxy) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var missing = PublicContract.Services
            .Where(s => !proxy.TryGetCluster(s, out var cluster) || cluster.Destinations.IsEmpty)
            .ToList();
        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy($"Routes to {string.Join(", ", PublicContract.Services)}")
            : HealthCheckResult.Unhealthy($"No destination for: {string.Join(", ", missing)}"));
    }
}
