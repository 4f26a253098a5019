using System.Globalization;
using System.Threading.RateLimiting;
using Coordination.Auth;
using Coordination.Contracts;

namespace Coordination.Gateway;

/// <summary>Open streaming calls a partner may hold. Bound from <c>Gateway:Streams</c>.</summary>
public sealed class StreamLimitOptions
{
    /// <summary>Streaming calls (either direction) open at once per partner: a contributor's nation, or a subject.</summary>
    public int PerPartner { get; set; } = 4;
}

/// <summary>
/// A partner holds at most <see cref="StreamLimitOptions.PerPartner"/> streaming calls at once; one more is answered
/// RESOURCE_EXHAUSTED until one closes. Which calls stream is read from the public contracts' descriptors, so a
/// streaming RPC added to <c>protos/</c> is limited without a setting.
/// </summary>
public static class StreamLimits
{
    /// <summary>The gRPC paths (<c>/package.Service/Method</c>) of every RPC in the contracts that streams either way.</summary>
    public static readonly IReadOnlySet<string> StreamingPaths = PublicContract.Methods
        .Where(m => m.IsClientStreaming || m.IsServerStreaming)
        .Select(PublicContract.PathOf)
        .ToHashSet(StringComparer.Ordinal);

    public static IServiceCollection AddStreamLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Gateway:Streams").Get<StreamLimitOptions>() ?? new StreamLimitOptions();
        services.AddSingleton(options);
        services.AddKeyedSingleton(nameof(StreamLimits), (_, _) => PartitionedRateLimiter.Create<string, string>(partner =>
            RateLimitPartition.GetConcurrencyLimiter(partner, _ => new ConcurrencyLimiterOptions { PermitLimit = options.PerPartner, QueueLimit = 0 })));
        return services;
    }

    /// <summary>Goes after authorization: the partner is known, and the lease is held for as long as the call is open.</summary>
    public static WebApplication UseStreamLimits(this WebApplication app)
    {
        var limiter = app.Services.GetRequiredKeyedService<PartitionedRateLimiter<string>>(nameof(StreamLimits));
        var options = app.Services.GetRequiredService<StreamLimitOptions>();
        app.Use(async (http, next) =>
        {
            // The contract path the call was routed by, exactly (a path in another case never gets this far).
            if (GatewayRoutes.ContractPathOf(http) is not { } path || !StreamingPaths.Contains(path))
            {
                await next(http);
                return;
            }
            var partner = PartnerRateLimits.PartnerOf(http);
            using var lease = limiter.AttemptAcquire(partner);
            if (!lease.IsAcquired)
            {
                await GrpcResponses.WriteStatusAsync(http.Response, Grpc.Core.StatusCode.ResourceExhausted, string.Create(CultureInfo.InvariantCulture,
                    $"Too many open streaming calls for {partner}: at most {options.PerPartner} at once; close one first."));
                return;
            }
            await next(http);
        });
        return app;
    }
}
