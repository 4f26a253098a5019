using Coordination.Hosting;
using Coordination.Tests.Infrastructure;
using Xunit;

namespace Coordination.Tests.Boundaries;

/// <summary>All four services behind a gateway with the partner rate limit out of the way, and a raw HTTP/2 client
/// for bodies no generated client would send.</summary>
public sealed class BoundaryFixture : IAsyncLifetime
{
    public SuiteHost Suite { get; private set; } = null!;

    public RawGrpc Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Suite = await SuiteHost.StartAsync();
        Gateway = new RawGrpc((await Suite.StartGatewayAsync(SuiteHost.UnlimitedPartners())).GrpcAddress());
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        await Suite.DisposeAsync();
    }

    public T Client<T>(string token) where T : Grpc.Core.ClientBase<T> => Suite.ViaGateway<T>(token);
}

/// <summary>The trust-boundary specifications share one suite and run one after another, so that counts of stored
/// rows see only the calls of the test that takes them.</summary>
[CollectionDefinition(Name)]
public sealed class BoundaryCollection : ICollectionFixture<BoundaryFixture>
{
    public const string Name = "boundaries";
}
