using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Coordination.Auth;
using Coordination.Gateway;
using Coordination.Hosting;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Coordination.Tests.Personnel;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Coordination.Tests.Gateway;

/// <summary>
/// Tokens are ES256, signed by an issuer whose private key no host holds: personnel and the gateway in front of it
/// are given only the issuer's public key set, and refuse anything that is not signed with one of its keys.
/// </summary>
public sealed class TokenTests(PersonnelFixture fixture) : IClassFixture<PersonnelFixture>
{
    private const string BadSignature = "The bearer token's signature does not match a known key of the issuer.";

    private SuiteHost Suite => fixture.Suite;

    [Fact]
    public async Task A_token_from_the_issuer_is_accepted_by_the_gateway_and_the_service_which_hold_only_its_public_key()
    {
        var token = TestTokens.For("KEN", Roles.Contributor);

        Assert.NotNull(await Contingents(token).ListContingentsAsync(new ListContingentsRequest()));
        Assert.NotNull(await Suite.Client<ContingentService.ContingentServiceClient>("personnel", token).ListContingentsAsync(new ListContingentsRequest()));
        Assert.DoesNotContain("\"d\"", TestTokens.PublicKeys, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_HS256_token_is_refused_whether_signed_with_a_shared_secret_or_with_the_public_key_as_secret()
    {
        var claims = TestTokens.Claims("hmac", "KEN", Roles.MissionAdmin);
        var shared = TestTokens.Sign(claims, Hmac(RandomNumberGenerator.GetBytes(32)));
        var confused = TestTokens.Sign(claims, Hmac(Encoding.UTF8.GetBytes(TestTokens.PublicKeys)));

        foreach (var token in new[] { shared, confused })
        {
            await RefusedBecause(token, "The bearer token is signed with 'HS256', which is not accepted; accepted: ES256.");
        }
    }

    [Fact]
    public async Task An_unsigned_token_with_alg_none_is_refused()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new Dictionary<string, object>(TestTokens.Claims("nobody", "KEN", Roles.MissionAdmin))
        {
            ["iss"] = new AuthOptions().Issuer,
            ["aud"] = new AuthOptions().Audience,
            ["exp"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(),
        }));

        await RefusedBecause($"{header}.{payload}.", "The bearer token is signed with 'none', which is not accepted; accepted: ES256.");
    }

    [Fact]
    public async Task A_token_signed_by_an_unknown_EC_key_is_refused_with_or_without_the_trusted_key_id()
    {
        var unknown = TestTokens.Sign(TestTokens.Claims("stranger", "KEN", Roles.MissionAdmin), DevelopmentKey.Create().Credentials());

        await RefusedBecause(unknown, BadSignature);
        await RefusedBecause(TestTokens.Forged("KEN", Roles.MissionAdmin), BadSignature);
    }

    [Fact]
    public async Task A_token_without_a_subject_is_refused()
    {
        var token = TestTokens.Sign(TestTokens.Claims(subject: null, "KEN", Roles.MissionAdmin), TestTokens.Key.Credentials());

        var e = await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => Contingents(token).ListContingentsAsync(new ListContingentsRequest()).ResponseAsync);
        Assert.Equal("The bearer token was refused: the token has no subject (sub) claim.", e.Status.Detail);
        await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => Suite.Client<ContingentService.ContingentServiceClient>("personnel", token).ListContingentsAsync(new ListContingentsRequest()).ResponseAsync);
    }

    [Fact]
    public async Task Unauthenticated_answers_give_a_short_true_reason_and_nothing_of_the_keys_or_the_library()
    {
        var expired = TestTokens.Expired("KEN", Roles.Contributor);
        var expiredAt = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(expired).ValidTo;
        var claims = TestTokens.Claims("x", "KEN", Roles.Contributor);
        var refused = new Dictionary<string, (string? Token, string Reason)>
        {
            ["none"] = (null, "A bearer token is required."),
            ["expired"] = (expired, $"The bearer token expired at {expiredAt:yyyy-MM-dd'T'HH:mm:ss'Z'}; ask the issuer for a new one."),
            ["forged"] = (TestTokens.Forged("KEN", Roles.Contributor), BadSignature),
            ["another key"] = (TestTokens.Sign(claims, DevelopmentKey.Create().Credentials()), BadSignature),
            ["wrong audience"] = (TestTokens.Sign(claims, TestTokens.Key.Credentials(), audience: "billing-api"),
                $"The bearer token is for the wrong audience 'billing-api'; this suite accepts '{new AuthOptions().Audience}'."),
            ["wrong issuer"] = (TestTokens.Sign(claims, TestTokens.Key.Credentials(), issuer: "https://idp.example.org"),
                "The bearer token is from the wrong issuer 'https://idp.example.org'."),
            ["garbage"] = ("not.a.token", "The bearer token is not a JSON Web Token (three base64url parts)."),
        };

        foreach (var (what, (token, reason)) in refused)
        {
            foreach (var client in new[] { Contingents(token), Suite.Client<ContingentService.ContingentServiceClient>("personnel", token) })
            {
                var e = await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => client.ListContingentsAsync(new ListContingentsRequest()).ResponseAsync);
                Assert.True(reason == e.Status.Detail, $"{what}: '{e.Status.Detail}'");
                Assert.DoesNotContain("IDX", e.Status.Detail, StringComparison.Ordinal);
                Assert.DoesNotContain("kid", e.Status.Detail, StringComparison.Ordinal);
                Assert.DoesNotContain(TestTokens.Key.KeyId, e.Status.Detail, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_refused_token_on_a_call_that_is_not_grpc_is_challenged_without_the_reason()
    {
        using var http = new HttpClient();
        foreach (var host in new[] { Suite.Gateway!, Suite.Service("personnel") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.GrpcAddress(), "/coordination.personnel.v1.ContingentService/ListContingents"))
            {
                Version = System.Net.HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                Content = new StringContent("{}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.Forged("KEN", Roles.MissionAdmin));

            using var response = await http.SendAsync(request);

            var challenge = string.Join(", ", response.Headers.WwwAuthenticate);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.StartsWith("Bearer", challenge, StringComparison.Ordinal);
            Assert.DoesNotContain("error_description", challenge, StringComparison.Ordinal);
            Assert.DoesNotContain("key", challenge, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_lowercase_bearer_scheme_is_accepted_through_the_gateway()
    {
        using var channel = GrpcChannel.ForAddress(Suite.Gateway!.GrpcAddress());
        var client = new ContingentService.ContingentServiceClient(channel);
        var token = TestTokens.For("KEN", Roles.Contributor);

        Assert.NotNull(await client.ListContingentsAsync(new ListContingentsRequest(), new Metadata { { "authorization", $"bearer {token}" } }));
        await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => client.ListContingentsAsync(new ListContingentsRequest(), new Metadata { { "authorization", $"Basic {token}" } }).ResponseAsync);
    }

    [Fact]
    public void A_host_refuses_to_start_with_a_private_key_a_shared_secret_or_no_public_key()
    {
        var cases = new Dictionary<string, (Dictionary<string, string?> Settings, string Message)>
        {
            ["private JWK"] = (new() { ["Auth:PublicKeys"] = $"{{\"keys\":[{TestTokens.Key.PrivateJwk}]}}" }, "carries private or symmetric key material"),
            ["symmetric JWK"] = (new() { ["Auth:PublicKeys"] = """{"keys":[{"kty":"oct","k":"c2VjcmV0","kid":"s"}]}""" }, "only EC and RSA public keys"),
            ["old shared key"] = (new() { ["Auth:SigningKey"] = Convert.ToBase64String(new byte[32]) }, "Auth:SigningKey"),
            ["nothing"] = (new() { ["Auth:PublicKeys"] = "" }, "Set exactly one of Auth:Authority"),
            ["HS256 allowed"] = (new() { ["Auth:Algorithms"] = "ES256,HS256" }, "only asymmetric algorithms"),
        };

        foreach (var (what, (settings, message)) in cases)
        {
            var e = Assert.ThrowsAny<Exception>(() => StartAlone(settings));
            Assert.True(e.Message.Contains(message, StringComparison.Ordinal), $"{what}: {e}");
        }
    }

    [Fact]
    public void Only_a_Development_gateway_may_hold_the_development_issuers_private_key()
    {
        var e = Assert.Throws<InvalidOperationException>(() => GatewaySetup.Module.Build(SuiteHost.HostSettings(new Dictionary<string, string?>
        {
            [DevelopmentIssuer.PrivateKeySetting] = TestTokens.Key.PrivateJwk,
        })));

        Assert.Contains("only a Development gateway", e.Message, StringComparison.Ordinal);
    }

    private ContingentService.ContingentServiceClient Contingents(string? token) => fixture.Client<ContingentService.ContingentServiceClient>(token);

    private async Task RefusedBecause(string token, string reason)
    {
        var viaGateway = await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => Contingents(token).ListContingentsAsync(new ListContingentsRequest()).ResponseAsync);
        Assert.Equal(reason, viaGateway.Status.Detail);
        var direct = await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => Suite.Client<ContingentService.ContingentServiceClient>("personnel", token).ListContingentsAsync(new ListContingentsRequest()).ResponseAsync);
        Assert.Equal(reason, direct.Status.Detail);
    }

    private static SigningCredentials Hmac(byte[] secret) => new(new SymmetricSecurityKey(secret) { KeyId = TestTokens.Key.KeyId }, SecurityAlgorithms.HmacSha256);

    /// <summary>Builds and starts a gateway (it validates tokens as the services do) with the tests' settings changed by <paramref name="settings"/>.</summary>
    private static void StartAlone(Dictionary<string, string?> settings)
    {
        using var app = GatewaySetup.Module.Build(SuiteHost.HostSettings(settings));
        app.StartAsync().GetAwaiter().GetResult();
        app.StopAsync().GetAwaiter().GetResult();
    }
}
