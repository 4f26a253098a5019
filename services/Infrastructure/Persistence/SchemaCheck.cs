using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Coordination.Persistence;

/// <summary>
/// Readiness fails while the schema lacks migrations (every query would fail), naming them. Once the schema is up to
/// date it stays so for this process (migrations only add), so from then on the check costs no database round-trip.
/// </summary>
public sealed class SchemaCheck<TContext>(IServiceScopeFactory scopes) : IHealthCheck
    where TContext : ServiceDbContext
{
    private volatile bool current;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (current)
        {
            return HealthCheckResult.Healthy("up to date");
        }
        await using var scope = scopes.CreateAsyncScope();
        var pending = await scope.ServiceProvider.GetRequiredService<TContext>().PendingSchemaAsync(cancellationToken);
        if (pending.Count > 0)
        {
            return HealthCheckResult.Unhealthy($"Schema not up to date, pending: {string.Join(", ", pending)}. Run the migrate step.");
        }
        current = true;
        return HealthCheckResult.Healthy("up to date");
    }
}
