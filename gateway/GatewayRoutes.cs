using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Coordination.Gateway;

/// <summary>Where each service listens. Bound from <c>Gateway:Backends</c>; the defaults are the Kubernetes Service names.</summary>
public sealed class BackendOptions
{
    public string Personnel { get; set; } = "http://personnel:8080";
    public string Logistics { get; set; } = "http://logistics:8080";
    public string Finance { get; set; } = "http://finance:8080";
    public string Diplomacy { get; set; } = "http://diplomacy:8080";
}

/// <summary>
/// One route per service, matched on the gRPC path (<c>/coordination.personnel.v1.ContingentService/CreateContingent</c>),
/// each requiring a valid token and counted against the caller's rate limit. Backends are called over cleartext
/// HTTP/2 with exactly that version: gRPC cannot fall back to HTTP/1.1.
/// </summary>
public static class GatewayRoutes
{
    public static IReverseProxyBuilder AddServiceRoutes(this IReverseProxyBuilder proxy, IConfiguration configuration)
    {
        var backends = configuration.GetSection("Gateway:Backends").Get<BackendOptions>() ?? new BackendOptions();
        (string Service, string Address)[] services =
        [
            ("personnel", backends.Personnel),
            ("logistics", backends.Logistics),
            ("finance", backends.Finance),
            ("diplomacy", backends.Diplomacy),
        ];

        var routes = services.Select(s => new RouteConfig
        {
            RouteId = s.Service,
            ClusterId = s.Service,
            AuthorizationPolicy = GatewaySetup.PartnerPolicy,
            RateLimiterPolicy = PartnerRateLimits.Policy,
            Match = new RouteMatch { Path = $"/coordination.{s.Service}.v1.{{service}}/{{method}}" },
        }).ToArray();

        var clusters = services.Select(s => new ClusterConfig
        {
            ClusterId = s.Service,
            HttpRequest = new ForwarderRequestConfig { Version = new Version(2, 0), VersionPolicy = HttpVersionPolicy.RequestVersionExact },
            Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = s.Address } },
        }).ToArray();

        return proxy.LoadFromMemory(routes, clusters);
    }
}
