using Microsoft.IdentityModel.Tokens;

namespace Coordination.Auth;

/// <summary>
/// A JWKS document of an issuer's public signing keys. Only elliptic-curve and RSA public keys are accepted: a key
/// with private parts, or a symmetric one, means a secret has been handed to a host that must never hold one.
/// </summary>
public static class PublicKeySet
{
    public static IReadOnlyList<JsonWebKey> Parse(string json)
    {
        var problems = Problems(json).ToList();
        return problems.Count == 0 ? Keys(json) : throw new InvalidOperationException($"The public key set {string.Join("; ", problems)}");
    }

    /// <summary>Only the usable public keys of a fetched document: anything else in it is ignored, never trusted.</summary>
    public static IEnumerable<SecurityKey> UsableKeys(JsonWebKeySet set) =>
        set.Keys.Where(k => Problems(k).Count == 0);

    public static IEnumerable<string> Problems(string json)
    {
        IReadOnlyList<JsonWebKey> keys;
        try
        {
            keys = Keys(json);
        }
        catch (Exception e) when (e is ArgumentException or System.Text.Json.JsonException)
        {
            return ["is not a JWKS document ({\"keys\": [...]})."];
        }
        if (keys.Count == 0)
        {
            return ["holds no keys."];
        }
        return keys.SelectMany((key, i) => Problems(key).Select(p => $"key {i} ({(key.Kid is { Length: > 0 } kid ? kid : "no kid")}) {p}"));
    }

    private static IReadOnlyList<JsonWebKey> Keys(string json) => new JsonWebKeySet(json).Keys.ToList();

    private static List<string> Problems(JsonWebKey key)
    {
        var problems = new List<string>();
        if (key.Kty is not (JsonWebAlgorithmsKeyTypes.EllipticCurve or JsonWebAlgorithmsKeyTypes.RSA))
        {
            problems.Add($"has key type '{key.Kty}'; only EC and RSA public keys are accepted.");
        }
        if (key.HasPrivateKey || !string.IsNullOrEmpty(key.D) || !string.IsNullOrEmpty(key.K))
        {
            problems.Add("carries private or symmetric key material; give public keys only.");
        }
        if (string.IsNullOrEmpty(key.Kid))
        {
            problems.Add("has no kid; every key needs one so keys can be rotated.");
        }
        if (key.Use is { Length: > 0 } use && use != JsonWebKeyUseNames.Sig)
        {
            problems.Add($"is for use '{use}', not for signatures.");
        }
        return problems;
    }
}
