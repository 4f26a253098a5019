using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace Coordination.Hosting;

/// <summary>Where a host listens. Bound from the <c>Hosting</c> section.</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>Address to bind; loopback by default, <c>0.0.0.0</c> in a container.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Cleartext HTTP/2 port for gRPC (0 picks a free port).</summary>
    public int GrpcPort { get; set; } = 8080;

    /// <summary>HTTP/1.1 port for health, metrics and, on the gateway, development tokens (0 picks a free port).</summary>
    public int HttpPort { get; set; } = 8081;

    public static void ConfigureKestrel(WebApplicationBuilder builder) =>
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var options = context.Configuration.GetSection(Section).Get<HostingOptions>() ?? new HostingOptions();
            var address = options.BindAddress switch
            {
                "*" or "0.0.0.0" => IPAddress.Any,
                "::" => IPAddress.IPv6Any,
                var text => IPAddress.Parse(text),
            };
            // gRPC without TLS needs a port that speaks only HTTP/2 (prior knowledge); health checks and
            // Prometheus want HTTP/1.1, so they get their own port.
            kestrel.Listen(address, options.GrpcPort, l => l.Protocols = HttpProtocols.Http2);
            kestrel.Listen(address, options.HttpPort, l => l.Protocols = HttpProtocols.Http1);
        });
}
