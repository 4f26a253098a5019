using Xunit;

namespace Coordination.Tests.Infrastructure;

/// <summary>One host of one service behind the real gateway, for a whole test class (each test makes its own records).
/// Clients call through the gateway, as partners do.</summary>
public abstract class ServiceFixture(string service) : IAsyncLifetime
{
    public SuiteHost Suite { get; private set; } = null!;

    public string Service { get; } = service;

    public async Task InitializeAsync()
    {
        Suite = await SuiteHost.StartAsync([Service]);
        await Suite.StartGatewayAsync(SuiteHost.UnlimitedPartners());
    }

    public async Task DisposeAsync() => await Suite.DisposeAsync();

    public T Client<T>(string? token) where T : Grpc.Core.ClientBase<T> => Suite.ViaGateway<T>(token);
}

/// <summary>All four services and the gateway, for tests that cross services.</summary>
public sealed class FullSuiteFixture : IAsyncLifetime
{
    public SuiteHost Suite { get; private set; } = null!;

    public async Task InitializeAsync() => Suite = await SuiteHost.StartAsync(gateway: true);

    public async Task DisposeAsync() => await Suite.DisposeAsync();
}
