using Coordination.Auth;
using Coordination.Tests.CrossService;
using Coordination.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Coordination.Tests.Personnel;

/// <summary>
/// Personnel with the services it hears from (diplomacy's mandates and agreements, logistics' sites), behind the real
/// gateway, on PostgreSQL and RabbitMQ, under the Gang Suppression Force's mandate (ceiling 5,550).
/// </summary>
public sealed class PersonnelFlowFixture : IAsyncLifetime
{
    public const string Resolution = "S/RES/2793 (2025)";

    public SuiteHost Suite { get; private set; } = null!;

    public string Admin { get; } = TestTokens.For("HTI", Roles.MissionAdmin);

    /// <summary>The warnings the services logged.</summary>
    public CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync()
    {
        Suite = await SuiteHost.StartAsync(["personnel", "diplomacy", "logistics"]);
        // Added to the running host: the hosts set up their own log providers when they are built.
        Suite.Service("personnel").Services.GetRequiredService<ILoggerFactory>().AddProvider(Logs);
        await Suite.StartGatewayAsync(SuiteHost.UnlimitedPartners());
        await Calls.AdoptAsync(Suite, TestTokens.For("HTI", Roles.Diplomat), Resolution, Calls.Day(2025, 10, 3), Calls.Day(2026, 10, 2), 5_550);
        await Calls.PersonnelKnowsMandateAsync(Suite, Admin, Resolution);
    }

    public async Task DisposeAsync() => await Suite.DisposeAsync();

    public PersonnelDesk Desk(string token) => new(Suite, token);
}
