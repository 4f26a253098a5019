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
    /// mission staff each have their own. Over budget, gRPC callers get RESOURCE_EXHAUSTED.
    /// </summary>
    public static IServiceCollection AddPartnerRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Gateway:RateLimit").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http => RateLimitPartition.GetTokenBucketLimiter(PartnerOf(http),
                _ => Bucket(options.Burst, options.PermitsPerSecond, TimeSpan.FromSeconds(1))));
            limiter.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = "1";
                var message = $"Rate limit exceeded for {PartnerOf(http)}: {options.PermitsPerSecond} requests per second (bursts of {options.Burst}); retry after 1 s.";
                if (GrpcResponses.IsGrpc(http.Request))
                {
                    await GrpcResponses.WriteStatusAsync(http.Response, Grpc.Core.StatusCode.ResourceExhausted, message);
                }
                else
                {
                    http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    await http.Response.WriteAsync(message, ct);
                }
            };
        });
        return services;
    }

    /// <summary>A bucket of <paramref name="burst"/> permits, <paramref name="permits"/> given back every <paramref name="period"/>, no queue.</summary>
    public static TokenBucketRateLimiterOptions Bucket(int burst, int permits, TimeSpan period) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = permits,
        ReplenishmentPeriod = period,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

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
