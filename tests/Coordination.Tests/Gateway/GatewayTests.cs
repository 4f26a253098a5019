using System.Net;
using Coordination.Auth;
using Coordination.Hosting;
using Coordination.Logistics.V1;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Xunit;

namespace Coordination.Tests.Gateway;

/// <summary>The real gateway in front of real service hosts: one address, tokens checked, limits per partner.</summary>
public sealed class GatewayTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>
{
    private SuiteHost Suite => fixture.Suite;

    [Fact]
    public async Task A_partner_reaches_every_service_through_the_one_address_with_its_token()
    {
        var kenya = TestTokens.For("KEN", Roles.Contributor);
        var created = await Suite.ViaGateway<ContingentService.ContingentServiceClient>(kenya).CreateContingentAsync(new CreateContingentRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            NationCode = "KEN",
            Name = "Kenya FPU via gateway",
            UnitType = UnitType.FormedPoliceUnit,
            OfficerCount = 120,
            TourMonths = 6,
        });

        var direct = await Suite.Client<ContingentService.ContingentServiceClient>("personnel", kenya)
            .GetContingentAsync(new GetContingentRequest { Id = created.Id });
        Assert.Equal(created, direct);
        Assert.NotNull(await Suite.ViaGateway<SiteService.SiteServiceClient>(kenya).ListSitesAsync(new ListSitesRequest()));
        Assert.NotNull(await Suite.ViaGateway<Coordination.Finance.V1.BudgetService.BudgetServiceClient>(kenya)
            .ListBudgetPeriodsAsync(new Coordination.Finance.V1.ListBudgetPeriodsRequest()));
        Assert.NotNull(await Suite.ViaGateway<Coordination.Diplomacy.V1.MandateService.MandateServiceClient>(kenya)
            .ListMandatesAsync(new Coordination.Diplomacy.V1.ListMandatesRequest()));
    }

    [Fact]
    public async Task A_call_without_a_valid_token_is_unauthenticated_at_the_gateway()
    {
        var e = await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => Suite.ViaGateway<SiteService.SiteServiceClient>(null).ListSitesAsync(new ListSitesRequest()).ResponseAsync);
        Assert.Contains("bearer token", e.Status.Detail, StringComparison.OrdinalIgnoreCase);

        await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => Suite.ViaGateway<SiteService.SiteServiceClient>(TestTokens.Forged("KEN", Roles.MissionAdmin)).ListSitesAsync(new ListSitesRequest()).ResponseAsync);
    }

    [Fact]
    public async Task A_token_with_a_role_the_suite_does_not_know_is_refused()
    {
        var token = TestTokens.Sign(TestTokens.Claims("someone", "KEN", "general"), TestTokens.Key.Credentials());

        var e = await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => Suite.ViaGateway<SiteService.SiteServiceClient>(token).ListSitesAsync(new ListSitesRequest()).ResponseAsync);
        Assert.Contains("role claim 'general'", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reflection_at_the_gateway_lists_and_describes_the_whole_public_contract_without_a_token()
    {
        var reflection = Suite.ViaGateway<Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient>(null);
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var listed = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { FileContainingSymbol = "coordination.personnel.v1.ContingentService" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto
            .Select(b => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(b)).ToList();
        await call.RequestStream.CompleteAsync();

        // Every service of protos/, as compiled into the gateway, and reflection itself; nothing of the hosts' own.
        var contract = Coordination.Contracts.PublicContract.GrpcServices.Select(s => s.FullName).ToList();
        Assert.Equal(contract.Append("grpc.reflection.v1alpha.ServerReflection").Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Contains("coordination.finance.v1.BudgetService", listed);
        Assert.DoesNotContain("grpc.health.v1.Health", listed);
        var contingents = Assert.Single(files, f => f.Name == "coordination/personnel/v1/contingents.proto");
        Assert.Contains(contingents.Service.Single(s => s.Name == "ContingentService").Method, m => m.Name == "ListContingents");
        Assert.Contains(files, f => f.Name == "coordination/common/v1/date.proto"); // with what it imports, for describe
    }

    [Theory]
    [InlineData(Grpc.Net.Client.Web.GrpcWebMode.GrpcWeb)]
    [InlineData(Grpc.Net.Client.Web.GrpcWebMode.GrpcWebText)]
    public async Task A_browser_partner_calls_with_grpc_web_over_http_1_1_on_the_gateways_http_port(Grpc.Net.Client.Web.GrpcWebMode mode)
    {
        using var channel = GrpcChannel.ForAddress(Suite.Gateway!.HttpAddress(), new GrpcChannelOptions
        {
            HttpHandler = new Grpc.Net.Client.Web.GrpcWebHandler(mode, new HttpClientHandler()),
            HttpVersion = HttpVersion.Version11,
        });
        var kenya = new SiteService.SiteServiceClient(channel.CreateCallInvoker().WithBearer(TestTokens.For("KEN", Roles.Contributor)));

        Assert.NotNull((await kenya.ListSitesAsync(new ListSitesRequest())).Page);
        // Refused by the gateway (no token) and by a service (a bad field): both reach the browser with their details.
        await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => new SiteService.SiteServiceClient(channel).ListSitesAsync(new ListSitesRequest()).ResponseAsync);
        await RpcAssert.InvalidFields(() => kenya.GetSiteAsync(new GetSiteRequest { Id = "not an id" }).ResponseAsync, "id");
    }

    [Fact]
    public async Task A_path_that_is_not_a_public_service_is_not_routed()
    {
        var channel = GrpcChannel.ForAddress(Suite.Gateway!.GrpcAddress());
        var marshaller = Marshallers.Create((Google.Protobuf.WellKnownTypes.Empty m) => Google.Protobuf.MessageExtensions.ToByteArray(m),
            bytes => Google.Protobuf.WellKnownTypes.Empty.Parser.ParseFrom(bytes));
        var method = new Method<Google.Protobuf.WellKnownTypes.Empty, Google.Protobuf.WellKnownTypes.Empty>(
            MethodType.Unary, "coordination.personnel.v1.InternalService", "ListEverything", marshaller, marshaller);
        var headers = Bearer.Headers(TestTokens.For("KEN", Roles.MissionAdmin));

        var e = await Assert.ThrowsAsync<RpcException>(() =>
            channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(headers), new Google.Protobuf.WellKnownTypes.Empty()).ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
    }

    [Fact]
    public async Task A_partner_over_its_rate_limit_gets_resource_exhausted_while_other_partners_are_served()
    {
        var strict = await Suite.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:PermitsPerSecond"] = "1",
            ["Gateway:RateLimit:Burst"] = "2",
        });
        var kenya = Suite.ViaGateway<SiteService.SiteServiceClient>(TestTokens.For("KEN", Roles.Contributor), strict);
        var kenyaAgain = Suite.ViaGateway<SiteService.SiteServiceClient>(TestTokens.For("KEN", Roles.Contributor, "another-kenyan-client"), strict);

        var outcomes = new List<StatusCode>();
        RpcException? refusal = null;
        for (var i = 0; i < 6; i++)
        {
            try
            {
                await (i % 2 == 0 ? kenya : kenyaAgain).ListSitesAsync(new ListSitesRequest());
                outcomes.Add(StatusCode.OK);
            }
            catch (RpcException e)
            {
                outcomes.Add(e.StatusCode);
                Assert.Contains("nation KEN", e.Status.Detail, StringComparison.Ordinal);
                refusal ??= e;
            }
        }
        // The refusal says how long until Kenya's bucket has a permit again (under a second at 1 per second), and whose
        // budget it is, in details a client can act on, and in the Retry-After header.
        Assert.NotNull(refusal);
        var status = refusal.GetRpcStatus()!;
        var delay = status.GetDetail<Google.Rpc.RetryInfo>().RetryDelay.ToTimeSpan();
        Assert.InRange(delay, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        var violation = Assert.Single(status.GetDetail<Google.Rpc.QuotaFailure>().Violations);
        Assert.Equal(("nation KEN", "1 requests per second, bursts of 2"), (violation.Subject, violation.Description));
        Assert.Equal("1", refusal.Trailers.GetValue("retry-after"));

        Assert.Contains(StatusCode.ResourceExhausted, outcomes);
        Assert.True(outcomes.Count(o => o == StatusCode.OK) is >= 2 and <= 4, string.Join(", ", outcomes));
        Assert.All(outcomes, o => Assert.True(o is StatusCode.OK or StatusCode.ResourceExhausted));
        var jamaica = Suite.ViaGateway<SiteService.SiteServiceClient>(TestTokens.For("JAM", Roles.Contributor), strict);
        Assert.NotNull(await jamaica.ListSitesAsync(new ListSitesRequest()));
    }

    [Fact]
    public async Task A_client_that_is_not_grpc_over_its_rate_limit_gets_429_with_retry_after_and_rate_limit_headers()
    {
        var strict = await Suite.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:PermitsPerSecond"] = "1",
            ["Gateway:RateLimit:Burst"] = "1",
        });
        using var http = new HttpClient();
        HttpRequestMessage Call()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(strict.HttpAddress(), "/coordination.logistics.v1.SiteService/ListSites"))
            {
                Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.For("JAM", Roles.Contributor));
            return request;
        }

        // Ten at once: they meet the limiter together, whatever the first proxied call then costs (a new gateway's
        // first call to a service can take longer than the budget takes to refill).
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => http.SendAsync(Call())));
        using var refused = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(answers.Count(a => a.StatusCode != HttpStatusCode.TooManyRequests) is >= 1 and <= 2, string.Join(", ", answers.Select(a => a.StatusCode)));

        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(("1", "0", "1"), (refused.Headers.GetValues("RateLimit-Limit").Single(), refused.Headers.GetValues("RateLimit-Remaining").Single(),
            refused.Headers.GetValues("RateLimit-Reset").Single()));
        Assert.StartsWith("Rate limit exceeded for nation JAM: 1 requests per second, bursts of 1; retry after 0.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_tokens_are_issued_only_by_a_gateway_running_in_Development()
    {
        using var http = new HttpClient();
        var production = await http.GetAsync(new Uri(Suite.Gateway!.HttpAddress(), "/dev/token?nation=KEN&role=contributor"));
        Assert.Equal(HttpStatusCode.NotFound, production.StatusCode);

        var development = await Suite.StartGatewayAsync(environment: "Development");
        var token = await http.GetStringAsync(new Uri(development.HttpAddress(), "/dev/token?nation=KEN&role=contributor"));
        var sites = await Suite.ViaGateway<SiteService.SiteServiceClient>(token, development).ListSitesAsync(new ListSitesRequest());
        Assert.NotNull(sites);
        // A refusal is plain text, not a JSON string that a shell would keep as the token.
        foreach (var (query, reason) in new[] { ("nation=XXX&role=contributor", "nation 'XXX' is not an ISO 3166-1 alpha-3 code, e.g. KEN"),
                                                 ("nation=KEN&role=king", "role 'king' is not one of: ") })
        {
            var refused = await http.GetAsync(new Uri(development.HttpAddress(), $"/dev/token?{query}"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("text/plain", refused.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith(reason, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Metrics_and_health_over_HTTP_answer_on_the_HTTP_port_only_not_on_the_gRPC_port_partners_reach()
    {
        // The gRPC port speaks HTTP/2 with prior knowledge: a plain GET over it is what a partner could send.
        using var h2c = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var http = new HttpClient();
        foreach (var host in SuiteHost.Modules.Keys.Select(Suite.Service).Prepend(Suite.Gateway!))
        {
            foreach (var path in new[] { "/metrics", "/healthz/ready", "/healthz/live" })
            {
                var overGrpcPort = await h2c.GetAsync(new Uri(host.GrpcAddress(), path));
                Assert.Equal(HttpStatusCode.NotFound, overGrpcPort.StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(host.HttpAddress(), path))).StatusCode);
            }
        }
    }

    [Fact]
    public async Task Gateway_and_services_report_health_over_HTTP_and_gRPC_and_serve_metrics()
    {
        using var http = new HttpClient();
        var ready = await http.GetAsync(new Uri(Suite.Gateway!.HttpAddress(), "/healthz/ready"));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"routes\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A request's duration is recorded as its response completes, which may be just after the client read it.
        var metrics = await Eventually.Get(() => http.GetStringAsync(new Uri(Suite.Gateway!.HttpAddress(), "/metrics")),
            body => body.Contains("http_server_request_duration", StringComparison.Ordinal), what: "the gateway's request metrics");
        Assert.Contains("http_server_request_duration", metrics, StringComparison.Ordinal);

        foreach (var service in SuiteHost.Modules.Keys)
        {
            var host = Suite.Service(service);
            var body = await http.GetStringAsync(new Uri(host.HttpAddress(), "/healthz/ready"));
            Assert.Contains("\"database\"", body, StringComparison.Ordinal);
            Assert.Contains("\"masstransit-bus\"", body, StringComparison.Ordinal);
            Assert.Contains("\"status\":\"Healthy\"", body, StringComparison.Ordinal);

            var health = new Grpc.Health.V1.Health.HealthClient(GrpcChannel.ForAddress(host.GrpcAddress()));
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = "liveness" })).Status);
        }
        var gatewayHealth = new Grpc.Health.V1.Health.HealthClient(GrpcChannel.ForAddress(Suite.Gateway!.GrpcAddress()));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await gatewayHealth.CheckAsync(new HealthCheckRequest())).Status);
    }
}
