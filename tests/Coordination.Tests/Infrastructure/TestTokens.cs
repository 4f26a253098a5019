using System.Security.Cryptography;
using Coordination.Auth;
using Coordination.Gateway;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.Tests.Infrastructure;

/// <summary>
/// Tokens from the tests' development issuer: an EC key pair made for this test run. The hosts are given only its
/// public half (<see cref="PublicKeys"/>); only a Development gateway also gets the private one, to serve /dev/token.
/// </summary>
public static class TestTokens
{
    public static readonly DevelopmentKey Key = DevelopmentKey.Create();

    private static readonly DevelopmentIssuer Issuer = new(Key, new AuthOptions(), TimeProvider.System);

    /// <summary>The JWKS every test host validates with (<c>Auth:PublicKeys</c>).</summary>
    public static string PublicKeys => Key.PublicKeys;

    public static string For(string nation, string role, string? subject = null) =>
        Issuer.Issue(subject ?? $"test-{nation.ToLowerInvariant()}-{role}-{Guid.NewGuid():N}", nation, role);

    /// <summary>A valid token that expires after <paramref name="lifetime"/>.</summary>
    public static string Lasting(string nation, string role, TimeSpan lifetime) =>
        Issuer.Issue($"test-{nation.ToLowerInvariant()}-{role}-{Guid.NewGuid():N}", nation, role, lifetime);

    /// <summary>A token signed with another EC key under the trusted key's id, as an attacker would forge it.</summary>
    public static string Forged(string nation, string role)
    {
        var attacker = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = Key.KeyId };
        return Sign(Claims("forger", nation, role), new SigningCredentials(attacker, SecurityAlgorithms.EcdsaSha256));
    }

    public static string Expired(string nation, string role) =>
        new DevelopmentIssuer(Key, new AuthOptions(), new PastTime()).Issue("late", nation, role, TimeSpan.FromMinutes(5));

    /// <summary>The claims of a suite token (the subject left out when null).</summary>
    public static Dictionary<string, object> Claims(string? subject, string nation, string role)
    {
        var claims = new Dictionary<string, object> { [ClaimNames.Nation] = nation, [ClaimNames.Role] = role };
        if (subject is not null)
        {
            claims[ClaimNames.Subject] = subject;
        }
        return claims;
    }

    /// <summary>A token with exactly these claims, for the suite's issuer and audience, valid for five minutes.</summary>
    public static string Sign(Dictionary<string, object> claims, SigningCredentials credentials, string? issuer = null, string? audience = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? new AuthOptions().Issuer,
            Audience = audience ?? new AuthOptions().Audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = claims,
            SigningCredentials = credentials,
        });

    private sealed class PastTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow.AddHours(-2);
    }
}
