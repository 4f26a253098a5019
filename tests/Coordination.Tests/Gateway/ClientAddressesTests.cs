using System.Net;
using Coordination.Gateway;
using Xunit;

namespace Coordination.Tests.Gateway;

/// <summary>The edge limits count an IPv6 client by its /64, which one host can pick new addresses in at will.</summary>
public sealed class ClientAddressesTests
{
    [Fact]
    public void Addresses_in_one_ipv6_64_share_a_budget_and_ipv4_addresses_do_not()
    {
        static string Of(string address) => ClientAddresses.PartitionOf(IPAddress.Parse(address));

        Assert.Equal(Of("2001:db8:1:2::1"), Of("2001:db8:1:2:ffff:eeee:dddd:cccc"));
        Assert.Equal("2001:db8:1:2::/64", Of("2001:db8:1:2:abcd::7"));
        Assert.NotEqual(Of("2001:db8:1:2::1"), Of("2001:db8:1:3::1"));
        Assert.Equal("192.0.2.7", Of("::ffff:192.0.2.7"));
        Assert.NotEqual(Of("192.0.2.7"), Of("192.0.2.8"));
        Assert.Equal("unknown", ClientAddresses.PartitionOf((IPAddress?)null));
    }
}
