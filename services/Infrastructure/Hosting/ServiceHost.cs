using Coordination.Auth;
using Coordination.Errors;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Secrets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
    /// Runs a service host. <c>migrate</c> as the first argument applies the schema migrations and exits (what the
    /// Kubernetes migration job runs); otherwise the service starts, migrating first when configured to.
    /// </summary>
    public static async Task<int> RunServiceAsync(this WebApplication app, string[] args)
    {
        if (args.Length > 0 && args[0] == "migrate")
        {
            await app.Services.MigrateDatabaseAsync();
            app.Logger.LogInformation("Database schema is up to date");
            return 0;
        }
        if (app.Services.GetRequiredService<DatabaseOptions>().MigrateOnStartup)
        {
            await app.Services.MigrateDatabaseAsync();
        }
        await app.RunAsync();
        return 0;
    }
}
