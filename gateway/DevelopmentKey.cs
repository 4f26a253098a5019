using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.Gateway;

/// <summary>
/// The development issuer's EC P-256 key pair: the private key as a JWK (only the issuer holds it) and the public
/// key as the JWKS every validating host is given. Its <c>kid</c> is the RFC 7638 thumbprint of the public key.
/// </summary>
public sealed class DevelopmentKey
{
    private readonly ECParameters parameters;

    private DevelopmentKey(ECParameters parameters)
    {
        this.parameters = parameters;
        KeyId = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(
            $$"""{"crv":"P-256","kty":"EC","x":"{{X}}","y":"{{Y}}"}""")));
    }

    public string KeyId { get; }

    private string X => Base64UrlEncoder.Encode(parameters.Q.X);

    private string Y => Base64UrlEncoder.Encode(parameters.Q.Y);

    public static DevelopmentKey Create()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new DevelopmentKey(ec.ExportParameters(includePrivateParameters: true));
    }

    /// <summary>Reads a private JWK as <see cref="PrivateJwk"/> writes it.</summary>
    public static DevelopmentKey Parse(string privateJwk)
    {
        try
        {
            using var json = JsonDocument.Parse(privateJwk);
            var key = json.RootElement;
            if (key.GetProperty("kty").GetString() != "EC" || key.GetProperty("crv").GetString() != "P-256")
            {
                throw new FormatException("it is not an EC P-256 key.");
            }
            var parameters = new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = Bytes(key, "x"), Y = Bytes(key, "y") },
                D = Bytes(key, "d"),
            };
            parameters.Validate();
            return new DevelopmentKey(parameters);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or CryptographicException or InvalidOperationException)
        {
            throw new InvalidOperationException($"The development issuer's private key is not a private EC P-256 JWK: {e.Message}", e);
        }
    }

    /// <summary>The private key, as a JWK: for the development issuer only, never for a validating host.</summary>
    public string PrivateJwk => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["kty"] = "EC", ["crv"] = "P-256", ["x"] = X, ["y"] = Y, ["d"] = Base64UrlEncoder.Encode(parameters.D), ["kid"] = KeyId,
        ["alg"] = SecurityAlgorithms.EcdsaSha256, ["use"] = "sig",
    });

    /// <summary>The public key as a JWKS document: what the gateway and the services are given (<c>Auth:PublicKeys</c>).</summary>
    public string PublicKeys => JsonSerializer.Serialize(new { keys = new[] { PublicJwk() } });

    public Dictionary<string, string> PublicJwk() => new()
    {
        ["kty"] = "EC", ["crv"] = "P-256", ["x"] = X, ["y"] = Y, ["kid"] = KeyId, ["alg"] = SecurityAlgorithms.EcdsaSha256, ["use"] = "sig",
    };

    public SigningCredentials Credentials() =>
        new(new ECDsaSecurityKey(ECDsa.Create(parameters)) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256);

    private static byte[] Bytes(JsonElement key, string name) =>
        Base64UrlEncoder.DecodeBytes(key.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is empty."));
}
