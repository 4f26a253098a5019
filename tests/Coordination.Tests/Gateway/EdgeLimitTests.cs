using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Gateway;
using Coordination.Hosting;
using Coordination.Personnel.V1;
using Coordination.Tests.Boundaries;
using Coordination.Tests.Infrastructure;
using Coordination.Tests.Personnel;
using Coordination.Tests.Security;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Xunit;

namespace Coordination.Tests.Gateway;

/// <summary>
/// What the gateway refuses before a call costs the services anything: an address that keeps calling without a valid
/// token, and a partner holding more streaming calls open than its share.
/// </summary>
public sealed class EdgeLimitTests(PersonnelFixture fixture) : IClassFixture<PersonnelFixture>
{
    private SuiteHost Suite => fixture.Suite;

    [Fact]
    public async Task An_address_flooding_the_gateway_with_bad_tokens_is_refused_before_its_tokens_are_checked()
    {
        var gateway = await Suite.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["Gateway:UnauthenticatedLimit:Burst"] = "3",
            ["Gateway:UnauthenticatedLimit:PermitsPerMinute"] = "3",
        });
        var anonymous = Suite.ViaGateway<ContingentService.ContingentServiceClient>(null, gateway);
        var forged = Suite.ViaGateway<ContingentService.ContingentServiceClient>(TestTokens.Forged("KEN", Roles.MissionAdmin), gateway);

        var outcomes = new List<StatusCode>();
        for (var i = 0; i < 6; i++)
        {
            var client = i % 2 == 0 ? anonymous : forged;
            outcomes.Add(await RpcAssert.StatusOf(() => client.ListContingentsAsync(new ListContingentsRequest()).ResponseAsync));
        }

        Assert.Equal([StatusCode.Unauthenticated, StatusCode.Unauthenticated, StatusCode.Unauthenticated,
            StatusCode.ResourceExhausted, StatusCode.ResourceExhausted, StatusCode.ResourceExhausted], outcomes);
        // Refused without looking at the token: even a valid one from this address waits for the budget to refill.
        var valid = Suite.ViaGateway<ContingentService.ContingentServiceClient>(TestTokens.For("KEN", Roles.Contributor), gateway);
        var e = await RpcAssert.FailsWith(StatusCode.ResourceExhausted, () => valid.ListContingentsAsync(new ListContingentsRequest()).ResponseAsync);
        Assert.Contains("without a valid bearer token from this address", e.Status.Detail, StringComparison.Ordinal);
        // Another gateway keeps its own budget: the limit is the flooding address's at this gateway, nobody else's.
        Assert.NotNull(await Suite.ViaGateway<ContingentService.ContingentServiceClient>(TestTokens.For("KEN", Roles.Contributor)).ListContingentsAsync(new ListContingentsRequest()));
    }

    [Fact]
    public async Task Valid_calls_spend_nothing_of_the_addresss_budget_for_bad_tokens()
    {
        var gateway = await Suite.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["Gateway:UnauthenticatedLimit:Burst"] = "2",
            ["Gateway:UnauthenticatedLimit:PermitsPerMinute"] = "2",
        });
        var valid = Suite.ViaGateway<ContingentService.ContingentServiceClient>(TestTokens.For("KEN", Roles.Contributor), gateway);

        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull(await valid.ListContingentsAsync(new ListContingentsRequest()));
        }
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => Suite.ViaGateway<ContingentService.ContingentServiceClient>(null, gateway)
            .ListContingentsAsync(new ListContingentsRequest()).ResponseAsync);
    }

    [Fact]
    public async Task Bad_tokens_sent_at_once_from_one_address_get_no_more_token_checks_than_the_addresss_budget()
    {
        var gateway = await Suite.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["Gateway:UnauthenticatedLimit:Burst"] = "3",
            ["Gateway:UnauthenticatedLimit:PermitsPerMinute"] = "1",
        });
        var forged = Suite.ViaGateway<ContingentService.ContingentServiceClient>(TestTokens.Forged("KEN", Roles.MissionAdmin), gateway);

        // Forty calls on one connection at once: each takes a permit before its token is looked at.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(_ => RpcAssert.StatusOf(() => forged.ListContingentsAsync(new ListContingentsRequest()).ResponseAsync)));

        Assert.Equal(3, outcomes.Count(o => o == StatusCode.Unauthenticated));
        Assert.Equal(37, outcomes.Count(o => o == StatusCode.ResourceExhausted));
    }

    [Fact]
    public async Task The_gateway_looks_at_tokens_only_on_the_calls_it_routes()
    {
        var looks = 0;
        var gateway = await Suite.StartGatewayAsync(services: s => s.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            var received = jwt.Events.OnMessageReceived;
            jwt.Events.OnMessageReceived = context =>
            {
                Interlocked.Increment(ref looks);
                return received(context);
            };
        }));
        var forged = TestTokens.Forged("KEN", Roles.MissionAdmin);
        using var raw = new RawGrpc(gateway.GrpcAddress());
        using var http = new HttpClient();
        using var health = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway.HttpAddress(), "/healthz/live"));
        health.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", forged);

        Assert.True((await http.SendAsync(health)).IsSuccessStatusCode);
        Assert.Equal(StatusCode.OK, (await raw.CallAsync("/grpc.health.v1.Health/Check", forged, RawGrpc.Frame([]))).Code);
        Assert.Equal(StatusCode.Unimplemented, (await raw.CallAsync("/coordination.personnel.v1.ContingentService/Nothing", forged, RawGrpc.Frame([]))).Code);
        Assert.Equal(StatusCode.Unimplemented, (await raw.CallAsync("/Coordination.personnel.v1.ContingentService/ListContingents", forged, RawGrpc.Frame([]))).Code);
        Assert.Equal(0, Volatile.Read(ref looks));

        Assert.Equal(StatusCode.Unauthenticated, (await raw.CallAsync("/coordination.personnel.v1.ContingentService/ListContingents", forged, RawGrpc.Frame([]))).Code);
        Assert.Equal(1, Volatile.Read(ref looks));
    }

    [Fact]
    public async Task A_stream_opened_by_its_path_in_another_case_is_no_way_past_the_partners_share()
    {
        var gateway = await Suite.StartGatewayAsync(new Dictionary<string, string?> { ["Gateway:Streams:PerPartner"] = "1" });
        var token = TestTokens.For("KEN", Roles.Contributor);
        using var open = await OpenAsync(Strength(token, gateway));
        var stream = PublicContract.Methods.Single(m => m.Name == "StreamStrength");
        using var channel = GrpcChannel.ForAddress(gateway.GrpcAddress());

        foreach (var path in AccessMatrix.InOtherCases(stream))
        {
            var status = await AccessMatrix.CallAsync(channel.CreateCallInvoker(), stream, new StreamStrengthRequest { NationCode = "KEN" }, token, path);
            Assert.True(status.StatusCode == StatusCode.Unimplemented, $"{path}: {status.StatusCode} {status.Detail}");
        }
    }

    [Fact]
    public async Task A_partner_holding_its_share_of_open_streams_is_refused_another_until_one_closes()
    {
        var gateway = await Suite.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["Gateway:Streams:PerPartner"] = "2",
            ["Gateway:RateLimit:PermitsPerSecond"] = "1000",
            ["Gateway:RateLimit:Burst"] = "1000",
        });
        // Two clients of one government share its nation's share.
        var kenya = Strength(TestTokens.For("KEN", Roles.Contributor), gateway);
        var kenyaAgain = Strength(TestTokens.For("KEN", Roles.Contributor, "another-kenyan-client"), gateway);
        using var first = await OpenAsync(kenya);
        using var second = await OpenAsync(kenyaAgain);

        var refused = await Assert.ThrowsAsync<RpcException>(async () => { using var third = await OpenAsync(kenya); });
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("nation KEN", refused.Status.Detail, StringComparison.Ordinal);
        using var jamaica = await OpenAsync(Strength(TestTokens.For("JAM", Roles.Contributor), gateway), "JAM");
        Assert.NotNull(await kenya.GetStrengthReportAsync(new GetStrengthReportRequest { NationCode = "KEN" }));

        first.Dispose();
        using var reopened = await Eventually.Get(async () => await TryOpenAsync(kenyaAgain), call => call is not null, TimeSpan.FromSeconds(10), "a stream to close");
    }

    [Fact]
    public void The_streaming_calls_are_read_from_the_contracts()
    {
        Assert.Equal(["/coordination.personnel.v1.ForceStrengthService/StreamStrength", "/coordination.personnel.v1.OfficerService/ImportRoster"],
            StreamLimits.StreamingPaths.Order(StringComparer.Ordinal));
    }

    private ForceStrengthService.ForceStrengthServiceClient Strength(string token, Microsoft.AspNetCore.Builder.WebApplication gateway) =>
        Suite.ViaGateway<ForceStrengthService.ForceStrengthServiceClient>(token, gateway);

    /// <summary>A strength stream open through the gateway: its first report has arrived.</summary>
    private static async Task<AsyncServerStreamingCall<StrengthUpdate>> OpenAsync(ForceStrengthService.ForceStrengthServiceClient client, string nation = "KEN")
    {
        var call = client.StreamStrength(new StreamStrengthRequest { NationCode = nation });
        try
        {
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            return call;
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    private static async Task<AsyncServerStreamingCall<StrengthUpdate>?> TryOpenAsync(ForceStrengthService.ForceStrengthServiceClient client)
    {
        try
        {
            return await OpenAsync(client);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
        {
            return null;
        }
    }
}
