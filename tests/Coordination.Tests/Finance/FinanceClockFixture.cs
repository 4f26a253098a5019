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

/// <summary>
/// A specification class whose every test has a finance of its own (so its totals and its ledger hold only its own
/// records), behind the real gateway, with a clock the test sets, at noon on 2025-06-30 to begin with.
/// </summary>
public abstract class OwnFinanceTests : IAsyncLifetime
{
    protected TestClock Clock { get; } = new(new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero));

    protected SuiteHost Suite { get; private set; } = null!;

    protected FinanceDesk Desk { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Suite = await FinanceClockFixture.StartAsync(Clock);
        Desk = new FinanceDesk(Suite);
    }

    public Task DisposeAsync() => Suite.DisposeAsync().AsTask();
}
