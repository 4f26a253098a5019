using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Validation;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Coordination.Gateway;

/// <summary>
/// One route per RPC of the public contract (<c>/coordination.personnel.v1.ContingentService/CreateContingent</c>, read
/// from <c>protos/</c>), to the service whose package holds it, each requiring a valid token and counted against the
/// caller's rate limit; nothing else is forwarded. Backends are called over cleartext HTTP/2 with exactly that version:
/// gRPC cannot fall back to HTTP/1.1.
/// </summary>
public static class GatewayRoutes
{
    public static IReverseProxyBuilder AddServiceRoutes(this IReverseProxyBuilder proxy, IConfiguration configuration)
    {
        var services = Backends(configuration);

        var routes = PublicContract.Methods.Select(m => new RouteConfig
        {
            RouteId = PublicContract.PathOf(m),
            ClusterId = PublicContract.ServiceOf(m),
            AuthorizationPolicy = GatewaySetup.PartnerPolicy,
            RateLimiterPolicy = PartnerRateLimits.Policy,
            Match = new RouteMatch { Path = PublicContract.PathOf(m) },
        }).ToArray();

        var clusters = services.Select(s => new ClusterConfig
        {
            ClusterId = s.Key,
            HttpRequest = new ForwarderRequestConfig { Version = new Version(2, 0), VersionPolicy = HttpVersionPolicy.RequestVersionExact },
            Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = s.Value } },
        }).ToArray();

        return proxy.LoadFromMemory(routes, clusters);
    }

    /// <summary>
    /// Where each service of the contract listens: <c>Gateway:Backends:&lt;service&gt;</c> (any case, e.g.
    /// <c>Gateway__Backends__Personnel</c>), by default its Kubernetes Service, <c>http://&lt;service&gt;:8080</c>. The
    /// services are those of <c>protos/</c>: a new service's contract is all the gateway needs to route to it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Backends(IConfiguration configuration)
    {
        var configured = configuration.GetSection("Gateway:Backends").GetChildren()
            .Where(c => !string.IsNullOrEmpty(c.Value))
            .ToDictionary(c => c.Key, c => c.Value!, StringComparer.OrdinalIgnoreCase);
        return PublicContract.Services.ToDictionary(s => s, s => configured.GetValueOrDefault(s) ?? $"http://{s}:8080");
    }

    /// <summary>
    /// The contract path a call was routed by, when the request's path is exactly it. Routing matches paths in any case,
    /// but a gRPC path is case-sensitive: <c>/Coordination.personnel…</c> is no RPC, and is answered UNIMPLEMENTED
    /// before anything else looks at it (<see cref="UseExactContractPaths"/>).
    /// </summary>
    public static string? ContractPathOf(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.Match.Path is { } path
        && string.Equals(path, http.Request.Path.Value, StringComparison.Ordinal)
            ? path
            : null;

    /// <summary>
    /// Answers every call that is not exactly an RPC of the contract, before its token is looked at: a routed path
    /// spelled in another case, or a path no route matches, is UNIMPLEMENTED to a gRPC client (404 to anyone else).
    /// </summary>
    public static WebApplication UseExactContractPaths(this WebApplication app)
    {
        app.Use((http, next) => http.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is not null && ContractPathOf(http) is null
            ? NoSuchMethodAsync(http)
            : next(http));
        return app;
    }

    /// <summary>What a call to a path the gateway serves nothing at gets (the fallback endpoint).</summary>
    public static Task NoSuchMethodAsync(HttpContext http)
    {
        if (!GrpcResponses.IsGrpc(http.Request))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return GrpcResponses.WriteStatusAsync(http.Response, Grpc.Core.StatusCode.Unimplemented,
            $"No RPC is served at {Fields.Quote(http.Request.Path.Value ?? "")}: gRPC paths are exact and case-sensitive (see protos/).");
    }
}
