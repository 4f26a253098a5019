using Coordination.Validation;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.Auth;

public static class AuthenticationSetup
{
    /// <summary>JWT bearer validation shared by the gateway and every service: issuer, audience, lifetime and
    /// signature checked, and a token without a known role and a real nation refused.</summary>
    public static IServiceCollection AddCoordinationAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        // The key is checked when the host starts (ValidateOnStart), not when services are registered, so the
        // migrate step runs without one.
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section))
            .Validate(o => o.HasUsableKey(), "Auth:SigningKey must be set to at least 32 bytes (base64): set Auth__SigningKey or the secret that provides it.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AuthOptions>>().Value);
        services.AddSingleton<TokenIssuer>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<AuthOptions>((jwt, options) =>
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                IssuerSigningKey = options.CreateKey(),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                NameClaimType = ClaimNames.Subject,
                RoleClaimType = ClaimNames.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            });
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    var role = context.Principal?.FindFirst(ClaimNames.Role)?.Value ?? "";
                    var nation = context.Principal?.FindFirst(ClaimNames.Nation)?.Value ?? "";
                    if (!Roles.All.Contains(role))
                    {
                        context.Fail($"The token's role claim '{role}' is not one of: {string.Join(", ", Roles.All)}.");
                    }
                    else if (!Nations.IsKnown(nation))
                    {
                        context.Fail($"The token's nation claim '{nation}' is not an ISO 3166-1 alpha-3 code.");
                    }
                    return Task.CompletedTask;
                },
                OnChallenge = async context =>
                {
                    // gRPC clients read the status from trailers, not from an HTTP 401: answer in gRPC terms.
                    if (GrpcResponses.IsGrpc(context.Request))
                    {
                        context.HandleResponse();
                        var reason = context.AuthenticateFailure?.Message ?? context.ErrorDescription;
                        await GrpcResponses.WriteStatusAsync(context.Response, Grpc.Core.StatusCode.Unauthenticated,
                            string.IsNullOrEmpty(reason) ? "A valid bearer token is required." : $"The bearer token was refused: {reason}");
                    }
                },
            };
        });
        services.AddAuthorization();
        return services;
    }
}

/// <summary>Writes a trailers-only gRPC response from middleware, where no gRPC handler runs.</summary>
public static class GrpcResponses
{
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    public static Task WriteStatusAsync(HttpResponse response, Grpc.Core.StatusCode code, string message)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        return Task.CompletedTask;
    }
}
