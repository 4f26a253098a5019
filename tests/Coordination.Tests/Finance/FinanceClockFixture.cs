using Coordination.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Coordination.Tests.Finance;

/// <summary>
/// Finance behind the real gateway with a clock the tests set (ageing, accruals and the runway are by the service's
/// day), for a whole test class.
/// </summary>
public sealed class FinanceClockFixture : IAsyncLifetime
{
    public TestClock Clock { get; } = new(new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero));

    public SuiteHost Suite { get; private set; } = null!;

    public FinanceDesk Desk { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Suite = await StartAsync(Clock);
        Desk = new FinanceDesk(Suite);
    }

    public async Task DisposeAsync() => await Suite.DisposeAsync();

    /// <summary>Finance with <paramref name="clock"/> and a gateway whose partner budget is out of the way.</summary>
    public static async Task<SuiteHost> StartAsync(TestClock clock, IDictionary<string, string?>? settings = null)
    {
        var suite = await SuiteHost.StartAsync(["finance"],
            settingsFor: _ => settings ?? new Dictionary<string, string?>(),
            services: s => s.AddSingleton<TimeProvider>(clock));
        await suite.StartGatewayAsync(SuiteHost.UnlimitedPartners());
        return suite;
    }
}
