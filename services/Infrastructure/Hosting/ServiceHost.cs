using Coordination.Auth;
using Coordination.Errors;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Secrets;
using Grpc.AspNetCore.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Coordination.Hosting;

/// <summary>What every service host has: the host defaults, and gRPC with error mapping, call bounds, the access table and replayed retries.</summary>
public static class ServiceHost
{
    /// <summary>The host of <paramref name="service"/>, whose RPCs <paramref name="access"/> authorizes.</summary>
    public static WebApplicationBuilder AddServiceHost(this WebApplicationBuilder builder, string service, AccessTable access)
    {
        builder.AddHostDefaults(service, DaprSecrets.ForService(service, builder.Configuration));
        builder.Services.AddSingleton(access);
        var limits = builder.AddMessageLimits();
        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<ErrorMappingInterceptor>();
            o.Interceptors.Add<CallBoundsInterceptor>();
            o.Interceptors.Add<AccessInterceptor>();
            o.Interceptors.Add<RequestReplayInterceptor>();
            o.MaxReceiveMessageSize = limits.Largest;
        }).Services.AddParsedRequests();
        builder.Services.AddGrpcReflection();
        builder.Services.AddScoped<RequestLog>();
        builder.Services.AddScoped<Writes>();
        builder.Services.AddScoped(_ => WriteGuards.None);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }

    public static WebApplication MapServiceHost(this WebApplication app)
    {
        app.UseOperatorEndpointsOnHttpPortOnly();
        app.UseAuthentication();
        app.UseAuthorization();
        // gRPC-Web (browsers, through the gateway's HTTP port): decoded here, so the frame checks see gRPC frames.
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.UseRequestFrameChecks();
        app.MapHostEndpoints();
        app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }

    /// <summary>Reads the <c>MessageLimits</c> section once, for gRPC's options and the frame checks.</summary>
    private static MessageLimits AddMessageLimits(this WebApplicationBuilder builder)
    {
        var limits = new MessageLimits(builder.Configuration.GetSection(MessageLimitOptions.Section).Get<MessageLimitOptions>() ?? new MessageLimitOptions());
        builder.Services.AddSingleton(limits);
        return limits;
    }

    /// <summary>
    /// Runs a service's process (its <c>Program.cs</c>). <c>migrate</c> as the first argument brings the schema up to
    /// date and exits (what the Kubernetes migration step runs): the host is built but neither mapped (mapping builds
    /// the bus) nor started, so nothing but the migration logs. Otherwise the service starts.
    /// </summary>
    public static Task<int> RunServiceAsync(this ServiceModule module, string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        module.Add(builder);
        return builder.Build().RunServiceAsync(args, module.Map);
    }

    /// <summary>
    /// Runs a built service host: <c>migrate</c> as the first argument migrates and exits; otherwise the configuration is
    /// validated, the host mapped (by <paramref name="map"/>, unless it already is) and started, migrating first when
    /// configured to. A refused start-up or migration is one log line saying why and exit code 1, not a stack trace.
    /// </summary>
    public static async Task<int> RunServiceAsync(this WebApplication app, string[] args, Action<WebApplication>? map = null)
    {
        await using (app)
        {
            try
            {
                if (args is ["migrate", ..])
                {
                    app.Logger.LogInformation("{Summary}", (await app.Services.MigrateDatabaseAsync()).Summary);
                    return 0;
                }
                // What the start would refuse, refused before anything else logs.
                app.Services.GetService<IStartupValidator>()?.Validate();
                map?.Invoke(app);
                if (app.Services.GetRequiredService<DatabaseOptions>().MigrateOnStartup)
                {
                    app.Logger.LogInformation("{Summary}", (await app.Services.MigrateDatabaseAsync()).Summary);
                }
                await app.RunAsync();
                return 0;
            }
            catch (Exception e) when (ReasonToRefuse(e) is { } reason)
            {
                app.Logger.LogCritical("{Reason}", reason);
                return 1;
            }
        }
    }

    /// <summary>What an operator can act on (a setting, the database), said in one line; null for a bug, whose stack counts.</summary>
    private static string? ReasonToRefuse(Exception e) => e switch
    {
        OptionsValidationException or MissingDatabaseException or StaleLocalDatabaseException => e.Message,
        NpgsqlException => $"PostgreSQL: {e.Message}",
        // EF wraps a connection failure ("likely due to a transient failure").
        { InnerException: { } inner } => ReasonToRefuse(inner),
        _ => null,
    };
}
