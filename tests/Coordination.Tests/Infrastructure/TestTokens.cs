using Coordination.Auth;

namespace Coordination.Tests.Infrastructure;

/// <summary>Tokens signed with the key every test host is configured with.</summary>
public static class TestTokens
{
    public const string SigningKey = "dGVzdC1zaWduaW5nLWtleS1mb3ItdGhlLWNvb3JkaW5hdGlvbi1zdWl0ZQ==";

    private static readonly TokenIssuer Issuer = new(new AuthOptions { SigningKey = SigningKey }, TimeProvider.System);

    public static string For(string nation, string role, string? subject = null) =>
        Issuer.Issue(subject ?? $"test-{nation.ToLowerInvariant()}-{role}-{Guid.NewGuid():N}", nation, role);

    /// <summary>A valid token that expires after <paramref name="lifetime"/>.</summary>
    public static string Lasting(string nation, string role, TimeSpan lifetime) =>
        Issuer.Issue($"test-{nation.ToLowerInvariant()}-{role}-{Guid.NewGuid():N}", nation, role, lifetime);

    /// <summary>A token signed with another key, as an attacker would forge it.</summary>
    public static string Forged(string nation, string role) =>
        new TokenIssuer(new AuthOptions { SigningKey = Convert.ToBase64String(new byte[32]) }, TimeProvider.System).Issue("forger", nation, role);

    public static string Expired(string nation, string role) =>
        new TokenIssuer(new AuthOptions { SigningKey = SigningKey }, new PastTime()).Issue("late", nation, role, TimeSpan.FromMinutes(5));

    private sealed class PastTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow.AddHours(-2);
    }
}
