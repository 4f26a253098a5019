using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.Auth;

/// <summary>Signs tokens with the configured key. Used by the gateway's development endpoint and by tests;
/// production tokens come from the mission's identity provider.</summary>
public sealed class TokenIssuer(AuthOptions options, TimeProvider time)
{
    private readonly SigningCredentials credentials = new(options.CreateKey(), SecurityAlgorithms.HmacSha256);

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
