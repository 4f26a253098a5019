using Coordination.Gateway;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Coordination.Tests.Unit;

/// <summary>The gateway's services come from the contract, not from a list of its own; their addresses from settings.</summary>
public sealed class GatewayBackendsTests
{
    [Fact]
    public void Every_service_of_the_contract_has_a_backend_at_its_setting_in_any_case_or_at_its_Kubernetes_Service()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:Backends:Finance"] = "http://127.0.0.1:5001",
            ["Gateway:Backends:logistics"] = "http://127.0.0.1:5002",
        }).Build();

        var backends = GatewayRoutes.Backends(configuration);

        Assert.Equal(new Dictionary<string, string>
        {
            ["diplomacy"] = "http://diplomacy:8080",
            ["finance"] = "http://127.0.0.1:5001",
            ["logistics"] = "http://127.0.0.1:5002",
            ["personnel"] = "http://personnel:8080",
        }, backends);
    }
}
