using Coordination.Auth;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Finance.Persistence;
using Coordination.Finance.V1;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.Messaging;

/// <summary>
/// The outbox: while diplomacy cannot reach the broker its writes still succeed and their events wait in its
/// database; once the broker is back every event is delivered, and each takes effect exactly once downstream.
/// </summary>
public sealed class OutboxOutageTests : IAsyncLifetime
{
    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat);
    private readonly string observer = TestTokens.For("CAN", Roles.Observer);
    private TcpProxy proxy = null!;
    private SuiteHost suite = null!;

    public async Task InitializeAsync()
    {
        var broker = new Uri(await TestEnvironment.RabbitMqUriAsync());
        proxy = new TcpProxy(broker.Host, broker.Port);
        var throughProxy = new UriBuilder(broker) { Port = proxy.Port }.Uri.ToString();
        suite = await SuiteHost.StartAsync(["personnel", "finance", "diplomacy"], gateway: true,
            settingsFor: service => service == "diplomacy"
                ? new Dictionary<string, string?> { ["Messaging:RabbitMqUri"] = throughProxy }
                : new Dictionary<string, string?>());
    }

    public async Task DisposeAsync()
    {
        proxy.Restore();
        await suite.DisposeAsync();
        await proxy.DisposeAsync();
    }

    [Fact]
    public async Task Events_written_while_the_broker_is_unreachable_are_delivered_once_it_returns_and_take_effect_exactly_once()
    {
        var mandates = suite.ViaGateway<MandateService.MandateServiceClient>(diplomat);

        proxy.Cut();
        var mandate = await AdoptAsync(suite, diplomat, "S/RES/2699 (2023)", Day(2023, 10, 2), Day(2024, 10, 1), 2_500);
        var renewals = new[] { ("S/RES/2751 (2024)", Day(2025, 10, 2)), ("S/RES/9001 (2025)", Day(2026, 10, 2)), ("S/RES/9002 (2026)", Day(2027, 10, 2)) };
        foreach (var (symbol, end) in renewals)
        {
            await mandates.ExtendMandateAsync(new ExtendMandateRequest
            {
                RequestId = NewId(),
                Id = mandate.Id,
                ResolutionSymbol = symbol,
                AdoptedOn = Day(end.Year - 1, 9, 30),
                PeriodEnd = end,
            });
        }

        // The writes committed; their four events wait in diplomacy's outbox, at least one publish attempt failed.
        await using (var scope = suite.Scope("diplomacy"))
        {
            var db = scope.ServiceProvider.GetRequiredService<DiplomacyDbContext>();
            var waiting = await Eventually.Get(
                () => db.OutboxMessages.AsNoTracking().Where(m => m.DispatchedAt == null).ToListAsync(),
                rows => rows.Count == 4 && rows.Any(r => r.Attempts > 0 && r.LastError != null),
                what: "a failed publish attempt to be recorded");
            Assert.All(waiting, row => Assert.Null(row.DispatchedAt));
        }
        var strength = await suite.ViaGateway<ForceStrengthService.ForceStrengthServiceClient>(observer).GetForceStrengthAsync(new GetForceStrengthRequest());
        Assert.Equal("", strength.MandateResolutionSymbol);

        proxy.Restore();

        var periods = await Eventually.Get(
            () => suite.ViaGateway<BudgetService.BudgetServiceClient>(observer).ListBudgetPeriodsAsync(new ListBudgetPeriodsRequest()).ResponseAsync,
            p => p.Periods.Count >= 4, timeout: TimeSpan.FromSeconds(60), what: "finance to receive the held events");
        await PersonnelKnowsMandateAsync(suite, observer, "S/RES/9002 (2026)");

        await using (var scope = suite.Scope("diplomacy"))
        {
            var db = scope.ServiceProvider.GetRequiredService<DiplomacyDbContext>();
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.DispatchedAt == null));
        }
        await using (var scope = suite.Scope("finance"))
        {
            var db = scope.ServiceProvider.GetRequiredService<FinanceDbContext>();
            Assert.Equal(4, await db.BudgetPeriods.CountAsync());
            Assert.Equal(4, await db.ProcessedMessages.CountAsync());
        }
        Assert.Equal(["S/RES/2699 (2023)", "S/RES/2751 (2024)", "S/RES/9001 (2025)", "S/RES/9002 (2026)"],
            periods.Periods.Select(p => p.ResolutionSymbol).Order());
    }
}
