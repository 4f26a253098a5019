using System.Globalization;
using Coordination.Auth;
using Coordination.Hosting;

namespace Coordination.Gateway;

/// <summary>Where the development issuer is hosted (Development only) and its token endpoint mapped.</summary>
public static class DevelopmentTokens
{
    /// <summary>
    /// In Development, with <c>DevelopmentIssuer:PrivateKey</c> set, the gateway hosts the development issuer. In any
    /// other environment that setting stops the start: a production gateway holds no private key.
    /// </summary>
    public static WebApplicationBuilder AddDevelopmentIssuer(this WebApplicationBuilder builder)
    {
        if (builder.Configuration[DevelopmentIssuer.PrivateKeySetting] is not { Length: > 0 } privateKey)
        {
            return builder;
        }
        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{DevelopmentIssuer.PrivateKeySetting} is set but the gateway runs in {builder.Environment.EnvironmentName}: only a Development gateway may hold the development issuer's key. Remove the setting.");
        }
        var key = DevelopmentKey.Parse(privateKey);
        builder.Services.AddSingleton(sp => new DevelopmentIssuer(key, sp.GetRequiredService<AuthOptions>(), sp.GetRequiredService<TimeProvider>()));
        return builder;
    }

    /// <summary>GET /dev/token: a signed token for any nation and role, so a newcomer can call the API at once.</summary>
    public static void MapDevelopmentTokens(this WebApplication app)
    {
        if (app.Services.GetService<DevelopmentIssuer>() is null)
        {
            app.Logger.LogWarning("No /dev/token: {Setting} is not set", DevelopmentIssuer.PrivateKeySetting);
            return;
        }
        app.MapGet("/dev/token", (string? nation, string? role, string? sub, DevelopmentIssuer issuer) =>
        {
            nation ??= "KEN";
            role ??= Roles.Contributor;
            if (!Validation.Nations.IsKnown(nation))
            {
                return Refused($"nation {Validation.Fields.Quote(nation)} is not an ISO 3166-1 alpha-3 code, e.g. KEN");
            }
            if (!Roles.All.Contains(role))
            {
                return Refused($"role {Validation.Fields.Quote(role)} is not one of: {string.Join(", ", Roles.Everyone)}");
            }
            var subject = sub ?? string.Create(CultureInfo.InvariantCulture, $"dev-{nation.ToLowerInvariant()}-{role}");
            return Results.Text(issuer.Issue(subject, nation, role), "text/plain");
        }).AllowAnonymous().OnHttpPortOnly();
    }

    /// <summary>400 with the reason as plain text, never a JSON string: <c>curl -sf</c> then fails instead of handing
    /// the reason on as if it were a token.</summary>
    private static IResult Refused(string reason) => Results.Text(reason + "\n", "text/plain", statusCode: StatusCodes.Status400BadRequest);
}
