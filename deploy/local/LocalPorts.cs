using System.Net;
using System.Net.Sockets;

namespace Coordination.Local;

/// <summary>The ports of a local run, checked before anything starts so a taken one is named by its option.</summary>
public static class LocalPorts
{
    public const string HowToMove = "Stop what holds it, or move this run: --grpc-port N --http-port N --service-ports N (see --help).";

    /// <exception cref="LocalStartException">A port is already taken; the message names the option that moves it.</exception>
    public static void RefuseTaken(LocalOptions options)
    {
        var address = IPAddress.Parse(options.BindAddress);
        foreach (var (option, port) in options.Ports().Where(p => p.Port != 0))
        {
            var probe = new TcpListener(address, port);
            try
            {
                probe.Start();
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
            {
                var why = e.SocketErrorCode == SocketError.AccessDenied ? "may not be used by this user" : "is already in use (another local run?)";
                throw new LocalStartException($"{option}: port {port} on {options.BindAddress} {why}. {HowToMove}", e);
            }
            finally
            {
                probe.Stop();
            }
        }
    }

    /// <summary>A port nobody listens on now and not in <paramref name="chosen"/> (which it joins): for a service in its
    /// own process, whose address must be known before it starts.</summary>
    public static int Free(string bindAddress, ISet<int> chosen)
    {
        while (true)
        {
            var listener = new TcpListener(IPAddress.Parse(bindAddress), 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (chosen.Add(port))
            {
                return port;
            }
        }
    }
}
