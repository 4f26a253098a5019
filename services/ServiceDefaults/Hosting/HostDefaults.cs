using Coordination.Auth;
using Coordination.Health;
using Coordination.Secrets;
using Coordination.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Coordination.Hosting;

/// <summary>What every host has, the gateway and each service alike; each adds its own on top.</summary>
public static class HostDefaults
{
    /// <summary>
    /// Secrets (from the Dapr sidecar when one is configured), the host's name, the clock, Kestrel's two ports, logs and
    /// telemetry, token authentication, health.
    /// </summary>
    public static WebApplicationBuilder AddHostDefaults(this WebApplicationBuilder builder, string name, IReadOnlyList<SecretBinding> secrets)
    {
        builder.AddDaprSecrets(secrets);
        builder.Services.AddSingleton(new ServiceIdentity(name));
        builder.Services.TryAddSingleton(TimeProvider.System);
        HostingOptions.ConfigureKestrel(builder);
        builder.AddServiceTelemetry(name);
        builder.Services.AddCoordinationAuthentication(builder.Configuration);
        builder.AddServiceHealth();
        return builder;
    }

    /// <summary>The operator's endpoints every host serves on its HTTP port: health and metrics (gRPC health on both).</summary>
    public static WebApplication MapHostEndpoints(this WebApplication app)
    {
        app.MapServiceHealth();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous().OnHttpPortOnly();
        return app;
    }
}
