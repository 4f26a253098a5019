using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Coordination.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace Coordination.Gateway;

/// <summary>Per-partner request budgets. Bound from <c>Gateway:RateLimit</c>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests a partner may make per second, sustained.</summary>
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>Requests a partner may make in a burst above the sustained rate.</summary>
    public int Burst { get; set; } = 200;
}

public static class PartnerRateLimits
{
    public const string Policy = "per-partner";

    /// <summary>
    /// A token bucket per partner: a contributor's budget is its nation's (all of a government's clients share it);
    /// mission staff each have their own. Over budget, a call is refused with the delay until the bucket has a permit
    /// again (<see cref="QuotaRefusals"/>): RESOURCE_EXHAUSTED with RetryInfo and QuotaFailure, or 429 with Retry-After.
    /// </summary>
    public static IServiceCollection AddPartnerRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Gateway:RateLimit").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http => RateLimitPartition.Get(PartnerOf(http),
                _ => new SmoothTokenBucket(options.Burst, options.PermitsPerSecond, http.RequestServices.GetRequiredService<TimeProvider>())));
            limiter.OnRejected = async (context, _) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                var quota = $"{options.PermitsPerSecond} requests per second, bursts of {options.Burst}";
                var partner = PartnerOf(http);
                await QuotaRefusals.WriteAsync(http, partner, quota, retryAfter, options.Burst, string.Create(CultureInfo.InvariantCulture,
                    $"Rate limit exceeded for {partner}: {quota}; retry after {retryAfter.TotalSeconds:0.###} s."));
            };
        });
        return services;
    }

    /// <summary>Whose budget a call spends: a contributor's nation, or the subject of anyone else.</summary>
    public static string PartnerOf(HttpContext http)
    {
        var user = http.User;
        var role = user.FindFirstValue(ClaimNames.Role);
        if (role == Roles.Contributor && user.FindFirstValue(ClaimNames.Nation) is { } nation)
        {
            return $"nation {nation}";
        }
        return user.FindFirstValue(ClaimNames.Subject) is { Length: > 0 } subject
            ? $"subject {subject}"
            : $"address {ClientAddresses.PartitionOf(http)}";
    }
}
