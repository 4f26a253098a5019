using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Coordination.Hosting;

/// <summary>
/// Health over HTTP, metrics and the development token are for operators and their tools: they answer on the HTTP port
/// only, never on the gRPC port, which on the gateway is the one partners reach. The two ports speak different
/// protocols (<see cref="HostingOptions.ConfigureKestrel"/>: HTTP/2 only for gRPC, HTTP/1.1 only for the rest), so a
/// request over HTTP/2 for such an endpoint came in on the gRPC port and is answered 404, as if nothing were there.
/// </summary>
public static class OperatorEndpoints
{
    private sealed class HttpPortOnly;

    private static readonly HttpPortOnly Marker = new();

    /// <summary>Serves the endpoint on the HTTP port only.</summary>
    public static TBuilder OnHttpPortOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Marker);

    /// <summary>Answers 404 to a request that reached an HTTP-port endpoint over the gRPC port; first in the pipeline.</summary>
    public static IApplicationBuilder UseOperatorEndpointsOnHttpPortOnly(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<HttpPortOnly>() is not null && HttpProtocol.IsHttp2(http.Request.Protocol))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(http);
        });
}
