using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.Auth;

/// <summary>
/// How tokens are validated. Bound from the <c>Auth</c> section. Hosts hold only public keys, from exactly one
/// source: the issuer's OIDC authority, its JWKS address, or a key set pinned in configuration.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Signature algorithms a host may accept: asymmetric only, never HMAC or <c>none</c>.</summary>
    public static readonly IReadOnlySet<string> AsymmetricAlgorithms = new HashSet<string>(StringComparer.Ordinal)
    {
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
    };

    /// <summary>Expected <c>iss</c> of every token (an authority's own issuer is accepted too).</summary>
    public string Issuer { get; set; } = "https://coordination.mission/issuer";

    /// <summary>Expected <c>aud</c> of every token.</summary>
    public string Audience { get; set; } = "coordination-api";

    /// <summary>OIDC authority: keys from <c>{Authority}/.well-known/openid-configuration</c> → <c>jwks_uri</c>.</summary>
    public string Authority { get; set; } = "";

    /// <summary>The issuer's JWKS address, for an issuer without OIDC metadata.</summary>
    public string JwksUri { get; set; } = "";

    /// <summary>A JWKS document (JSON) of the issuer's public keys, each with a <c>kid</c>: keys pinned by the operator.</summary>
    public string PublicKeys { get; set; } = "";

    /// <summary>Accepted <c>alg</c> values, comma-separated (ES256 unless the issuer signs otherwise).</summary>
    public string Algorithms { get; set; } = SecurityAlgorithms.EcdsaSha256;

    /// <summary>Metadata and JWKS only over HTTPS; off only for a development authority on loopback.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Shortest time between two fetches of the keys caused by a token with an unknown <c>kid</c>.</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long fetched keys are used before they are fetched again (a removed key stops working by then).</summary>
    public TimeSpan KeyCacheLifetime { get; set; } = TimeSpan.FromHours(1);

    public IReadOnlyList<string> AcceptedAlgorithms() =>
        Algorithms.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The settings as configured, read before the host is built (which secrets it needs depends on them).</summary>
    public static AuthOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<AuthOptions>() ?? new AuthOptions();

    /// <summary>The sources of keys these settings name, in the order above; a host starts only with exactly one.</summary>
    public IReadOnlyList<KeySource> KeySources =>
    [
        .. new[] { (KeySource.Authority, Authority), (KeySource.JwksUri, JwksUri), (KeySource.PublicKeys, PublicKeys) }
            .Where(s => !string.IsNullOrWhiteSpace(s.Item2)).Select(s => s.Item1),
    ];

    /// <summary>True when keys are fetched from the issuer rather than pinned (nothing to read from a secret store).</summary>
    public bool FollowsIssuer => KeySources.Any(s => s != KeySource.PublicKeys);

    /// <summary>Why these settings cannot validate tokens; empty when they can.</summary>
    public IEnumerable<string> Problems()
    {
        if (KeySources.Count != 1)
        {
            yield return "Set exactly one of Auth:Authority (an OIDC authority), Auth:JwksUri (the issuer's JWKS address) or Auth:PublicKeys (a JWKS document of its public keys).";
        }
        foreach (var (name, address) in new[] { (nameof(Authority), Authority), (nameof(JwksUri), JwksUri) })
        {
            if (!string.IsNullOrWhiteSpace(address)
                && (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && (RequireHttpsMetadata || uri.Scheme != Uri.UriSchemeHttp))))
            {
                yield return $"Auth:{name} must be an https:// address (http:// only with Auth:RequireHttpsMetadata=false).";
            }
        }
        if (!string.IsNullOrWhiteSpace(PublicKeys))
        {
            foreach (var problem in PublicKeySet.Problems(PublicKeys))
            {
                yield return $"Auth:PublicKeys {problem}";
            }
        }
        var algorithms = AcceptedAlgorithms();
        if (algorithms.Count == 0 || algorithms.Any(a => !AsymmetricAlgorithms.Contains(a)))
        {
            yield return $"Auth:Algorithms must name only asymmetric algorithms ({string.Join(", ", AsymmetricAlgorithms)}).";
        }
    }
}

/// <summary>Where a host takes the issuer's public keys from.</summary>
public enum KeySource
{
    /// <summary>The OIDC metadata of <see cref="AuthOptions.Authority"/>.</summary>
    Authority,

    /// <summary>The JWKS document at <see cref="AuthOptions.JwksUri"/>.</summary>
    JwksUri,

    /// <summary>The keys pinned in <see cref="AuthOptions.PublicKeys"/>.</summary>
    PublicKeys,
}
