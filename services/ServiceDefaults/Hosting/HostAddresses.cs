using Microsoft.AspNetCore.Builder;

namespace Coordination.Hosting;

/// <summary>Where a started host actually listens (ports may have been 0). Kestrel reports its endpoints in the
/// order <see cref="HostingOptions.ConfigureKestrel"/> binds them: gRPC first, then HTTP.</summary>
public static class HostAddresses
{
    public static Uri GrpcAddress(this WebApplication app) => new(app.Urls.First());

    public static Uri HttpAddress(this WebApplication app) => new(app.Urls.Skip(1).First());
}
