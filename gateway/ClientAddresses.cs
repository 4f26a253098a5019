using System.Net;
using System.Net.Sockets;

namespace Coordination.Gateway;

/// <summary>Who a call comes from, as the edge limits count it when no token says.</summary>
public static class ClientAddresses
{
    /// <summary>
    /// The budget a client address spends: an IPv4 address is one client, but one IPv6 host is handed a whole /64 (and
    /// picks a new address in it at will), so an IPv6 address counts as its /64. IPv4 written as IPv6 (::ffff:a.b.c.d)
    /// is IPv4.
    /// </summary>
    public static string PartitionOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    public static string PartitionOf(HttpContext http) => PartitionOf(http.Connection.RemoteIpAddress);
}
