using System.Globalization;
using System.Threading.RateLimiting;
using Coordination.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Coordination.Gateway;

/// <summary>Per-address budget of calls without a valid token. Bound from <c>Gateway:UnauthenticatedLimit</c>.</summary>
public sealed class UnauthenticatedLimitOptions
{
    /// <summary>Calls without a valid token an address may make at once before it is refused.</summary>
    public int Burst { get; set; } = 30;

    /// <summary>Permits given back to each address every minute (up to <see cref="Burst"/>).</summary>
    public int PermitsPerMinute { get; set; } = 30;
}

/// <summary>
/// Floods of missing, forged or expired tokens are stopped before authentication: every call refused as
/// UNAUTHENTICATED spends one permit of its client address's bucket, and while the bucket is empty every call from
/// that address is answered RESOURCE_EXHAUSTED without looking at its token (no signature check, no key fetch).
/// The address is the connection's: behind a proxy, enable forwarded headers (docs/operations.md).
/// </summary>
public static class UnauthenticatedLimits
{
    public static IServiceCollection AddUnauthenticatedLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Gateway:UnauthenticatedLimit").Get<UnauthenticatedLimitOptions>() ?? new UnauthenticatedLimitOptions();
        services.AddSingleton(options);
        services.AddKeyedSingleton(nameof(UnauthenticatedLimits), (_, _) => PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.GetTokenBucketLimiter(address, _ => PartnerRateLimits.Bucket(options.Burst, options.PermitsPerMinute, TimeSpan.FromMinutes(1)))));
        return services;
    }

    /// <summary>Goes before authentication, so a refused address costs nothing more.</summary>
    public static WebApplication UseUnauthenticatedLimits(this WebApplication app)
    {
        var limiter = app.Services.GetRequiredKeyedService<PartitionedRateLimiter<string>>(nameof(UnauthenticatedLimits));
        var options = app.Services.GetRequiredService<UnauthenticatedLimitOptions>();
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>() is null)
            {
                await next(http);
                return;
            }
            var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            // Look without spending: only a call that turns out unauthenticated spends a permit.
            if (limiter.GetStatistics(address)?.CurrentAvailablePermits <= 0)
            {
                http.Response.Headers.RetryAfter = "60";
                await GrpcResponses.WriteStatusAsync(http.Response, Grpc.Core.StatusCode.ResourceExhausted, string.Create(CultureInfo.InvariantCulture,
                    $"Too many calls without a valid bearer token from this address (more than {options.Burst}, {options.PermitsPerMinute} more each minute); retry within a minute with a valid token."));
                return;
            }
            await next(http);
            if (http.User.Identity?.IsAuthenticated != true)
            {
                limiter.AttemptAcquire(address).Dispose();
            }
        });
        return app;
    }
}
