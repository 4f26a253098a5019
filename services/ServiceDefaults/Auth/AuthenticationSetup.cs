using Coordination.Validation;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.Auth;

public static class AuthenticationSetup
{
    /// <summary>
    /// JWT bearer validation shared by the gateway and every service: an asymmetric signature checked against the
    /// issuer's public keys, issuer, audience and lifetime checked, and a token without a subject, a known role and
    /// a real nation refused. Nothing here can sign a token.
    /// </summary>
    public static IServiceCollection AddCoordinationAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        // Checked when the host starts (ValidateOnStart), not when services are registered, so the migrate step
        // runs without keys.
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>>(new AuthOptionsValidation(configuration));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AuthOptions>>().Value);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<AuthOptions>(UseIssuerKeys);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            // A challenge outside gRPC (HTTP 401, WWW-Authenticate) names no reason either: the detail goes to the log.
            jwt.IncludeErrorDetails = false;
            jwt.Events = new JwtBearerEvents { OnTokenValidated = RequireSuiteClaims, OnChallenge = AnswerUnauthenticated };
        });
        services.AddAuthorization();
        return services;
    }

    private static void UseIssuerKeys(JwtBearerOptions jwt, AuthOptions options)
    {
        jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
        jwt.RefreshInterval = options.KeyRefreshInterval;
        jwt.AutomaticRefreshInterval = options.KeyCacheLifetime;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            // Only these: an HS256 token (signed with anything) or an unsigned one (alg none) is refused.
            ValidAlgorithms = options.AcceptedAlgorithms(),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            NameClaimType = ClaimNames.Subject,
            RoleClaimType = ClaimNames.Role,
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        // Exactly one source by now: the options are validated when the host starts.
        switch (options.KeySources.FirstOrDefault(KeySource.PublicKeys))
        {
            case KeySource.Authority:
                jwt.Authority = options.Authority;
                break;
            case KeySource.JwksUri:
                jwt.ConfigurationManager = JwksConfiguration.Manager(options);
                break;
            default:
                jwt.TokenValidationParameters.IssuerSigningKeys = PublicKeySet.Parse(options.PublicKeys);
                break;
        }
    }

    private static Task RequireSuiteClaims(TokenValidatedContext context)
    {
        var subject = context.Principal?.FindFirst(ClaimNames.Subject)?.Value ?? "";
        var role = context.Principal?.FindFirst(ClaimNames.Role)?.Value ?? "";
        var nation = context.Principal?.FindFirst(ClaimNames.Nation)?.Value ?? "";
        if (string.IsNullOrWhiteSpace(subject))
        {
            context.Fail(new TokenClaimRefusedException("the token has no subject (sub) claim."));
        }
        else if (!Roles.All.Contains(role))
        {
            context.Fail(new TokenClaimRefusedException($"the token's role claim {Fields.Quote(role)} is not one of: {string.Join(", ", Roles.Everyone)}."));
        }
        else if (!Nations.IsKnown(nation))
        {
            context.Fail(new TokenClaimRefusedException($"the token's nation claim {Fields.Quote(nation)} is not an ISO 3166-1 alpha-3 code."));
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// gRPC clients read the status from trailers, not from an HTTP 401: answer in gRPC terms, with a short true reason
    /// (<see cref="TokenRefusals"/>) and nothing about the keys (their ids and types go to the log only).
    /// </summary>
    private static async Task AnswerUnauthenticated(JwtBearerChallengeContext context)
    {
        var failure = context.AuthenticateFailure;
        if (failure is not null)
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuthenticationSetup))
                .LogInformation("Bearer token refused on {Path} from {Address}: {Reason}",
                    context.Request.Path.Value, context.HttpContext.Connection.RemoteIpAddress, failure.Message);
        }
        if (!GrpcResponses.IsGrpc(context.Request))
        {
            return;
        }
        context.HandleResponse();
        var message = TokenRefusals.Reason(failure, context.Options.TokenValidationParameters,
            TokenRefusals.Presented(context.Request.Headers.Authorization.ToString()));
        await GrpcResponses.WriteStatusAsync(context.Response, Grpc.Core.StatusCode.Unauthenticated, message);
    }

    private sealed class AuthOptionsValidation(IConfiguration configuration) : IValidateOptions<AuthOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuthOptions options)
        {
            var problems = options.Problems().ToList();
            if (!string.IsNullOrEmpty(configuration[$"{AuthOptions.Section}:SigningKey"]))
            {
                problems.Add("Auth:SigningKey (a key shared by every host) is no longer accepted: hosts hold only the issuer's public keys.");
            }
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
