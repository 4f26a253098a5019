using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Coordination.Telemetry;

public static class TelemetrySetup
{
    /// <summary>
    /// Traces and metrics for gRPC and HTTP (a service adds its bus and outbox: <c>AddServiceMessaging</c>); Prometheus at <c>/metrics</c>; OTLP export
    /// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Logs are JSON lines outside Development.
    /// </summary>
    public static WebApplicationBuilder AddServiceTelemetry(this WebApplicationBuilder builder, string service)
    {
        builder.Logging.ClearProviders();
        // Endpoint wiring is noise at Information; configuration can still turn it on.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        if (builder.Environment.IsDevelopment() && builder.Configuration["Logging:Format"] != "json")
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
                o.UseUtcTimestamp = true;
            });
        }
        else
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService($"coordination-{service}", serviceNamespace: "coordination"))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/healthz") && !http.Request.Path.StartsWithSegments("/metrics"))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        builder.Services.ConfigureOpenTelemetryMeterProvider((services, metrics) => metrics.AddView(OwnMetersOnly(services.GetRequiredService<IMeterFactory>())));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>
    /// A host reports the meters its own container created, not those of other hosts in the process (the local run and
    /// the tests host several): a meter provider listens to every meter of a name in the process, so without this each
    /// host's <c>/metrics</c> showed every service's outbox and HTTP series. Meters of no container (static ones, such
    /// as the runtime's and MassTransit's) stay as they are.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OwnMetersOnly(IMeterFactory own) => instrument =>
        instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, own) ? MetricStreamConfiguration.Drop : null;
}
