using System.Globalization;
using Coordination.Auth;
using Microsoft.AspNetCore.Authentication;

namespace Coordination.Gateway;

/// <summary>Per-address budget of calls without a valid token. Bound from <c>Gateway:UnauthenticatedLimit</c>.</summary>
public sealed class UnauthenticatedLimitOptions
{
    /// <summary>Calls without a valid token an address may make before it is refused (and tokens checked at once).</summary>
    public int Burst { get; set; } = 30;

    /// <summary>Permits given back to each address every minute (up to <see cref="Burst"/>).</summary>
    public int PermitsPerMinute { get; set; } = 30;
}

/// <summary>
/// The gateway looks at tokens only on the calls it routes, and stops floods of missing, forged or expired tokens before
/// it looks at them. Each client address (<see cref="ClientAddresses.PartitionOf(HttpContext)"/>: an IPv6 address
/// counts as its /64) has <see cref="UnauthenticatedLimitOptions.Burst"/> permits. A routed call takes one before its
/// token is checked and gives it back when the token is valid, so only calls refused as UNAUTHENTICATED spend one, and
/// however many calls an address sends at once, no more of its tokens are checked at a time than it has permits. With
/// none left, a call is RESOURCE_EXHAUSTED without a look at its token (no signature check, no key fetch). The address
/// is the connection's: behind a proxy, enable forwarded headers (docs/operations.md).
/// </summary>
public static class UnauthenticatedLimits
{
    private const string AuthenticationMiddlewareSet = "__AuthenticationMiddlewareSet";

    public static IServiceCollection AddUnauthenticatedLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Gateway:UnauthenticatedLimit").Get<UnauthenticatedLimitOptions>() ?? new UnauthenticatedLimitOptions();
        services.AddSingleton(options);
        services.AddSingleton(sp => new AddressBudgets(options.Burst, options.PermitsPerMinute, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Authenticates the calls the gateway routes, within their address's budget; in place of <c>UseAuthentication</c>.</summary>
    public static WebApplication UseRoutedAuthentication(this WebApplication app)
    {
        var budgets = app.Services.GetRequiredService<AddressBudgets>();
        var options = app.Services.GetRequiredService<UnauthenticatedLimitOptions>();
        // What UseAuthentication marks: without it, WebApplication puts its own authentication in front of the
        // pipeline, and every token of every call would be checked before any budget is.
        ((IApplicationBuilder)app).Properties[AuthenticationMiddlewareSet] = true;
        app.Use(async (http, next) =>
        {
            if (GatewayRoutes.ContractPathOf(http) is null)
            {
                await next(http); // health, metrics, /dev/token and what is answered UNIMPLEMENTED need no token
                return;
            }
            var address = ClientAddresses.PartitionOf(http);
            if (budgets.TryTake(address, out var retryAfter) is not { } permit)
            {
                var quota = string.Create(CultureInfo.InvariantCulture, $"{options.Burst} calls without a valid bearer token, {options.PermitsPerMinute} more each minute");
                await QuotaRefusals.WriteAsync(http, $"address {address}", quota, retryAfter, options.Burst, string.Create(CultureInfo.InvariantCulture,
                    $"Too many calls without a valid bearer token from this address ({quota}); retry after {retryAfter.TotalSeconds:0.#} s with a valid token."));
                return;
            }
            var result = AuthenticateResult.NoResult();
            try
            {
                result = await http.AuthenticateAsync();
            }
            finally
            {
                permit.Settle(giveBack: result.Succeeded);
            }
            if (result.Succeeded)
            {
                http.User = result.Principal;
            }
            await next(http); // authorization challenges a call that did not authenticate: UNAUTHENTICATED
        });
        return app;
    }
}
