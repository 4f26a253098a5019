using System.Text.Json;
using Coordination.Auth;
using Coordination.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Coordination.Tests.Infrastructure;

/// <summary>
/// A stand-in for the mission's identity provider on 127.0.0.1: OIDC metadata at
/// <c>/.well-known/openid-configuration</c> and its public keys at <c>/jwks</c>, which a test can change to rotate keys.
/// It signs its tokens as itself (its address is its issuer).
/// </summary>
public sealed class TestAuthority : IAsyncDisposable
{
    private readonly WebApplication app;
    private volatile DevelopmentKey[] published;

    private TestAuthority(WebApplication app, DevelopmentKey[] keys)
    {
        this.app = app;
        published = keys;
    }

    /// <summary>The authority's address, which is also its issuer (<c>Auth:Authority</c>).</summary>
    public string Address => app.Urls.Single().TrimEnd('/');

    public string JwksUri => $"{Address}/jwks";

    public static async Task<TestAuthority> StartAsync(params DevelopmentKey[] keys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var authority = new TestAuthority(app, keys);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = authority.Address,
            ["jwks_uri"] = authority.JwksUri,
            ["id_token_signing_alg_values_supported"] = new[] { "ES256" },
        }));
        app.MapGet("/jwks", () =>
            Results.Text(JsonSerializer.Serialize(new { keys = authority.published.Select(k => k.PublicJwk()) }), "application/json"));
        await app.StartAsync();
        return authority;
    }

    /// <summary>From now on the key set holds exactly these keys.</summary>
    public void Publish(params DevelopmentKey[] keys) => published = keys;

    /// <summary>A token signed with <paramref name="key"/>, issued by this authority (or by <paramref name="issuer"/>).</summary>
    public string Token(DevelopmentKey key, string subject, string nation, string role, string? issuer = null) =>
        new DevelopmentIssuer(key, new AuthOptions { Issuer = issuer ?? Address }, TimeProvider.System).Issue(subject, nation, role);

    /// <summary>Settings that make a host take its keys from this authority, and nothing else.</summary>
    public Dictionary<string, string?> Settings(bool metadata = true) => new()
    {
        ["Auth:PublicKeys"] = "",
        [metadata ? "Auth:Authority" : "Auth:JwksUri"] = metadata ? Address : JwksUri,
        // Without metadata nothing names the issuer but the setting; with it, the metadata's issuer is trusted as well.
        ["Auth:Issuer"] = metadata ? new AuthOptions().Issuer : Address,
        ["Auth:RequireHttpsMetadata"] = "false",
        ["Auth:KeyRefreshInterval"] = "00:00:01",
    };

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
