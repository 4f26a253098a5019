using Coordination.Auth;
using Coordination.Gateway;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Xunit;

namespace Coordination.Tests.Gateway;

/// <summary>
/// In production the hosts fetch the issuer's public keys: from its OIDC metadata (<c>Auth:Authority</c>) or its
/// JWKS address (<c>Auth:JwksUri</c>), here a small authority on 127.0.0.1. A key the issuer starts using is picked
/// up without a restart.
/// </summary>
public sealed class IssuerKeyTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Keys_come_from_the_issuer_and_a_new_key_id_is_picked_up_without_a_restart(bool metadata)
    {
        var (current, next) = (DevelopmentKey.Create(), DevelopmentKey.Create());
        await using var authority = await TestAuthority.StartAsync(current);
        await using var suite = await StartBehindGateway(authority.Settings(metadata));
        var contingents = (string token) => suite.ViaGateway<ContingentService.ContingentServiceClient>(token).ListContingentsAsync(new ListContingentsRequest()).ResponseAsync;

        Assert.NotNull(await contingents(authority.Token(current, "ops-1", "HTI", Roles.MissionAdmin)));
        var early = await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => contingents(authority.Token(next, "ops-1", "HTI", Roles.MissionAdmin)));
        Assert.Equal("The bearer token's signature does not match a known key of the issuer.", early.Status.Detail);

        authority.Publish(current, next);
        await Eventually.Get(() => RpcAssert.StatusOf(() => contingents(authority.Token(next, "ops-1", "HTI", Roles.MissionAdmin))),
            status => status == StatusCode.OK, TimeSpan.FromSeconds(15), "the new key to be accepted");
        Assert.NotNull(await suite.Client<ContingentService.ContingentServiceClient>("personnel", authority.Token(next, "ops-2", "HTI", Roles.MissionAdmin))
            .ListContingentsAsync(new ListContingentsRequest()));
        Assert.NotNull(await contingents(authority.Token(current, "ops-1", "HTI", Roles.MissionAdmin)));
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => contingents(TestTokens.For("HTI", Roles.MissionAdmin)));
    }

    [Fact]
    public async Task The_same_subject_under_two_issuers_does_not_share_request_ids()
    {
        var key = DevelopmentKey.Create();
        await using var authority = await TestAuthority.StartAsync(key);
        await using var suite = await StartBehindGateway(authority.Settings());
        // Both issuers are trusted with the authority's keys: the configured one (Auth:Issuer) and the authority itself.
        var fromConfigured = authority.Token(key, "liaison", "HTI", Roles.MissionAdmin, issuer: new AuthOptions().Issuer);
        var fromAuthority = authority.Token(key, "liaison", "HTI", Roles.MissionAdmin);
        var requestId = Guid.NewGuid().ToString("N");

        var first = await Create(suite, fromConfigured, requestId, "Kenya FPU of the first issuer");
        var second = await Create(suite, fromAuthority, requestId, "Kenya FPU of the second issuer");
        var replayed = await Create(suite, fromAuthority, requestId, "Kenya FPU of the second issuer");

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(second.Id, replayed.Id);
    }

    private static async Task<SuiteHost> StartBehindGateway(Dictionary<string, string?> settings)
    {
        var suite = await SuiteHost.StartAsync(["personnel"], settingsFor: _ => settings);
        try
        {
            await suite.StartGatewayAsync(settings);
            return suite;
        }
        catch
        {
            await suite.DisposeAsync();
            throw;
        }
    }

    private static Task<Contingent> Create(SuiteHost suite, string token, string requestId, string name) =>
        suite.ViaGateway<ContingentService.ContingentServiceClient>(token).CreateContingentAsync(new CreateContingentRequest
        {
            RequestId = requestId,
            NationCode = "KEN",
            Name = name,
            UnitType = UnitType.FormedPoliceUnit,
            OfficerCount = 120,
            TourMonths = 6,
        }).ResponseAsync;
}
