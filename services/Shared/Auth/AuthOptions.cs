using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.Auth;

/// <summary>How tokens are validated (and, for development, issued). Bound from the <c>Auth</c> section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Expected <c>iss</c> of every token.</summary>
    public string Issuer { get; set; } = "https://coordination.mission/issuer";

    /// <summary>Expected <c>aud</c> of every token.</summary>
    public string Audience { get; set; } = "coordination-api";

    /// <summary>HMAC-SHA256 key, base64, at least 32 bytes; from a secret, never from a committed file.</summary>
    public string SigningKey { get; set; } = "";

    public bool HasUsableKey() => KeyBytes().Length >= 32;

    public SymmetricSecurityKey CreateKey()
    {
        var bytes = KeyBytes();
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException(
                "Auth:SigningKey must be set to at least 32 bytes (base64). Set the Auth__SigningKey environment variable or the secret that provides it.");
        }
        return new SymmetricSecurityKey(bytes) { KeyId = "coordination-hs256" };
    }

    private byte[] KeyBytes()
    {
        try
        {
            return Convert.FromBase64String(SigningKey);
        }
        catch (FormatException)
        {
            return Encoding.UTF8.GetBytes(SigningKey);
        }
    }
}
