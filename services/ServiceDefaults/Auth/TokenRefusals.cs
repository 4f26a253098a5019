using System.Globalization;
using Coordination.Validation;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.Auth;

/// <summary>
/// Why a bearer token was refused, in one short sentence the caller can act on: expired (and when), a signature no
/// key of the issuer made, the wrong audience or issuer. Never the library's wording, key ids or key types: those go
/// to the log.
/// </summary>
public static class TokenRefusals
{
    public const string Missing = "A bearer token is required.";
    public const string BadSignature = "The bearer token's signature does not match a known key of the issuer.";
    public const string NotAToken = "The bearer token is not a JSON Web Token (three base64url parts).";
    public const string NotValid = "The bearer token is not valid.";

    /// <summary>The reason for <paramref name="failure"/> (null: no token); <paramref name="presented"/> is the token as
    /// sent, read (never trusted) for what the library does not carry in its exception: the audience, the algorithm.</summary>
    public static string Reason(Exception? failure, TokenValidationParameters parameters, string? presented)
    {
        var token = Read(presented);
        return Unwrap(failure) switch
        {
            null => Missing,
            SecurityTokenExpiredException e => $"The bearer token expired at {Time(e.Expires)}; ask the issuer for a new one.",
            SecurityTokenNotYetValidException e => $"The bearer token is not valid before {Time(e.NotBefore)}.",
            SecurityTokenNoExpirationException => "The bearer token has no expiry (exp); the issuer must set one.",
            SecurityTokenInvalidAudienceException e =>
                $"The bearer token is for the wrong audience {Fields.Quote(e.InvalidAudience is { Length: > 0 } a ? a : string.Join(" ", token?.Audiences ?? []))}; this suite accepts {Fields.Quote(parameters.ValidAudience ?? "")}.",
            SecurityTokenInvalidIssuerException e =>
                $"The bearer token is from the wrong issuer {Fields.Quote(e.InvalidIssuer is { Length: > 0 } i ? i : token?.Issuer ?? "")}.",
            SecurityTokenInvalidAlgorithmException e => Algorithm(e.InvalidAlgorithm, parameters),
            // A key found under the token's kid but for another algorithm (HS256 "signed" with the public key): say so.
            SecurityTokenInvalidSignatureException when token is not null && parameters.ValidAlgorithms?.Contains(token.Alg) == false =>
                Algorithm(token.Alg, parameters),
            SecurityTokenInvalidSignatureException => BadSignature,
            SecurityTokenMalformedException => NotAToken,
            TokenClaimRefusedException refused => $"The bearer token was refused: {refused.Message}",
            _ when token is null && presented is { Length: > 0 } => NotAToken,
            _ => NotValid,
        };
    }

    /// <summary>The token of an <c>Authorization</c> header (<c>Bearer …</c>, any case), or null.</summary>
    public static string? Presented(string? authorization) =>
        authorization is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;

    private static string Algorithm(string? algorithm, TokenValidationParameters parameters) =>
        $"The bearer token is signed with {Fields.Quote(algorithm ?? "")}, which is not accepted; accepted: {string.Join(", ", parameters.ValidAlgorithms ?? [])}.";

    private static JsonWebToken? Read(string? presented)
    {
        try
        {
            return presented is { Length: > 0 } ? new JsonWebToken(presented) : null;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException)
        {
            return null;
        }
    }

    private static Exception? Unwrap(Exception? failure) =>
        failure is AggregateException { InnerExceptions: [var first, ..] } ? Unwrap(first) : failure;

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
