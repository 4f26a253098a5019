using System.Net;
using Coordination.Auth;
using Coordination.Finance.V1;
using Coordination.Gateway;
using Coordination.Hosting;
using Coordination.Secrets;
using Coordination.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Coordination.Tests.Dapr;

/// <summary>
/// A service with a Dapr sidecar reads its issuer's public keys, broker and database from the secret store, against an
/// in-process stand-in for the sidecar's gRPC secret API (<see cref="FakeDaprSidecar"/>), not the Dapr runtime.
/// </summary>
public sealed class DaprSecretTests
{
    private const string Store = "coordination-secrets";
    private static readonly DevelopmentKey SidecarKey = DevelopmentKey.Create();

    [Fact]
    public async Task With_a_fake_sidecar_serving_the_secret_API_finance_takes_its_public_keys_broker_and_database_from_the_store_after_waiting_for_it()
    {
        await using var sidecar = await FakeDaprSidecar.StartAsync(unavailableFirst: 3);
        var database = await TestDatabases.CreateAsync("dapr");
        sidecar.Add(Store, "coordination-token-keys", "jwks", SidecarKey.PublicKeys);
        sidecar.Add(Store, "finance-rabbitmq", "uri", await TestEnvironment.RabbitMqUriAsync());
        sidecar.Add(Store, "personnel-rabbitmq", "uri", "amqp://never-read");
        sidecar.Add(Store, "finance-database", "connection-string", database);
        sidecar.Add(Store, "personnel-database", "connection-string", "Host=never-read");

        var suite = await SuiteHost.StartAsync([]);
        try
        {
            var finance = await suite.StartServiceAsync("finance", new Dictionary<string, string?>
            {
                ["DAPR_GRPC_ENDPOINT"] = sidecar.Address.ToString(),
                // Nothing in plain configuration: all three must come from the sidecar.
                ["Auth:PublicKeys"] = "",
                ["Messaging:RabbitMqUri"] = "",
                ["ConnectionStrings:Database"] = "",
            });
            var token = new DevelopmentIssuer(SidecarKey, new AuthOptions(), TimeProvider.System).Issue("dapr-test", "HTI", Roles.FinanceOfficer);
            var periods = await suite.Client<BudgetService.BudgetServiceClient>("finance", token).ListBudgetPeriodsAsync(new ListBudgetPeriodsRequest());
            Assert.Empty(periods.Periods);
            await RpcAssert.FailsWith(Grpc.Core.StatusCode.Unauthenticated, () => suite.Client<BudgetService.BudgetServiceClient>("finance",
                TestTokens.For("HTI", Roles.FinanceOfficer)).ListBudgetPeriodsAsync(new ListBudgetPeriodsRequest()).ResponseAsync);

            using var http = new HttpClient();
            var ready = await http.GetAsync(new Uri(finance.HttpAddress(), "/healthz/ready"));
            var body = await ready.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("\"dapr-sidecar\"", body, StringComparison.Ordinal);
            Assert.Contains("\"masstransit-bus\",\"status\":\"Healthy\"", body, StringComparison.Ordinal);

            var asked = sidecar.Requests.Select(r => r.Secret).Distinct().Order().ToList();
            Assert.Equal(["coordination-token-keys", "finance-database", "finance-rabbitmq"], asked);
            Assert.All(sidecar.Requests, r => Assert.Equal(Store, r.Store));
            Assert.True(sidecar.Requests.Count >= 6, "the first three calls were refused and retried");
        }
        finally
        {
            await suite.DisposeAsync();
            await TestDatabases.DropAsync(database);
        }
    }

    [Fact]
    public async Task A_sidecar_that_never_answers_stops_the_start_with_a_message_naming_the_secret()
    {
        await using var sidecar = await FakeDaprSidecar.StartAsync(unavailableFirst: int.MaxValue);

        var e = Assert.ThrowsAny<Exception>(() => SuiteHost.Modules["finance"].Build(new Dictionary<string, string?>
        {
            ["DAPR_GRPC_ENDPOINT"] = sidecar.Address.ToString(),
            ["Dapr:StartupTimeout"] = "00:00:01",
        }));

        Assert.Contains("did not serve secret 'coordination-token-keys'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_without_the_expected_key_is_named_at_start()
    {
        await using var sidecar = await FakeDaprSidecar.StartAsync();
        sidecar.Add(Store, "coordination-token-keys", "key", SidecarKey.PublicKeys);

        var e = Assert.ThrowsAny<Exception>(() => SuiteHost.Modules["finance"].Build(new Dictionary<string, string?>
        {
            ["DAPR_GRPC_ENDPOINT"] = sidecar.Address.ToString(),
        }));

        Assert.Contains("'coordination-token-keys'", e.Message, StringComparison.Ordinal);
        Assert.Contains("no key 'jwks'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_that_fetches_keys_from_its_issuer_reads_no_keys_from_the_store()
    {
        var pinned = new ConfigurationBuilder().Build();
        var following = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Authority"] = "https://idp.mission" }).Build();

        Assert.Equal(["coordination-token-keys", "finance-rabbitmq", "finance-database"], DaprSecrets.ForService("finance", pinned).Select(b => b.Secret));
        Assert.Equal(["finance-rabbitmq", "finance-database"], DaprSecrets.ForService("finance", following).Select(b => b.Secret));
        Assert.Equal(["Auth:PublicKeys"], DaprSecrets.ForGateway(pinned).Select(b => b.Setting));
        Assert.Empty(DaprSecrets.ForGateway(following));
    }
}
