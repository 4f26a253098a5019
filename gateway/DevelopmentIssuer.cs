using System.Security.Claims;
using Coordination.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.Gateway;

/// <summary>
/// Development only: the one place that holds a private key and signs tokens (ES256), for the local run, a
/// development cluster and the tests. Production tokens come from the mission's identity provider.
/// </summary>
public sealed class DevelopmentIssuer(DevelopmentKey key, AuthOptions options, TimeProvider time)
{
    /// <summary>The private JWK (<see cref="DevelopmentKey.PrivateJwk"/>); refused outside Development.</summary>
    public const string PrivateKeySetting = "DevelopmentIssuer:PrivateKey";

    private readonly SigningCredentials credentials = key.Credentials();

    public DevelopmentKey Key => key;

    public string Issue(string subject, string nation, string role, TimeSpan? lifetime = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            Subject = new ClaimsIdentity(
            [
                new Claim(ClaimNames.Subject, subject),
                new Claim(ClaimNames.Nation, nation),
                new Claim(ClaimNames.Role, role),
            ]),
            SigningCredentials = credentials,
        });
    }
}
