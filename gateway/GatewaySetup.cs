using Coordination.Auth;
using Coordination.Health;
using Coordination.Hosting;
using Coordination.Secrets;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Coordination.Gateway;

public static class GatewaySetup
{
    public const string Name = "gateway";
    public const string PartnerPolicy = "partner";

    public static readonly ServiceModule Module = new(Name, b => b.AddGateway(), app => app.MapGateway());

    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        builder.AddHostDefaults(Name, DaprSecrets.ForGateway(builder.Configuration));
        builder.Services.AddAuthorizationBuilder().AddPolicy(PartnerPolicy, p => p.RequireAuthenticatedUser());
        builder.Services.AddPartnerRateLimits(builder.Configuration);
        builder.Services.AddUnauthenticatedLimits(builder.Configuration);
        builder.Services.AddStreamLimits(builder.Configuration);
        builder.AddDevelopmentIssuer();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<ContractReflection>(); // built once: its descriptors index is the whole contract
        builder.Services.AddHealthChecks().AddCheck<RoutesHealthCheck>("routes", tags: [HealthSetup.Ready]);
        builder.Services.AddReverseProxy().AddServiceRoutes(builder.Configuration);
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        // Before anything looks at a call: only the contract's exact paths are served, only they need a token, and an
        // address sending bad tokens is stopped before they are checked.
        app.UseOperatorEndpointsOnHttpPortOnly();
        app.UseExactContractPaths();
        app.UseRoutedAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseStreamLimits();
        app.MapHostEndpoints();
        app.MapGrpcService<ContractReflection>().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapDevelopmentTokens();
        }
        app.MapReverseProxy();
        app.MapFallback("{**path}", GatewayRoutes.NoSuchMethodAsync).AllowAnonymous();
        return app;
    }
}
