using Coordination.Hosting;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Coordination.Health;

/// <summary>
/// Liveness says the process works; readiness says it can serve (its database answers and, when RabbitMQ is
/// configured, the bus is connected: MassTransit tags its check "ready"). Both are served over HTTP
/// (<c>/healthz/live</c>, <c>/healthz/ready</c>) and over gRPC health (service "" = ready, "liveness" = live).
/// </summary>
public static class HealthSetup
{
    public const string Live = "live";
    public const string Ready = "ready";

    public static WebApplicationBuilder AddServiceHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck("process", () => HealthCheckResult.Healthy(), tags: [Live]);
        builder.Services.AddGrpcHealthChecks(o =>
        {
            o.Services.Map("", r => r.Tags.Contains(Ready));
            o.Services.Map("liveness", r => r.Tags.Contains(Live));
        });
        return builder;
    }

    public static WebApplication MapServiceHealth(this WebApplication app)
    {
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = r => r.Tags.Contains(Live), ResponseWriter = WriteJson })
            .AllowAnonymous().OnHttpPortOnly();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = r => r.Tags.Contains(Ready), ResponseWriter = WriteJson })
            .AllowAnonymous().OnHttpPortOnly();
        return app;
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
