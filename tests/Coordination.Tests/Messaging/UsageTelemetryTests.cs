using Coordination.Tests.Infrastructure;
using MassTransit;
using MassTransit.UsageTracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Coordination.Tests.Messaging;

/// <summary>
/// MassTransit 8.5 reports usage telemetry to an outside host some minutes after the bus starts, unless told not to.
/// A government system must not phone home: every service's bus has it off.
/// </summary>
public sealed class UsageTelemetryTests
{
    [Fact]
    public async Task No_service_reports_usage_telemetry_to_masstransit()
    {
        await using var suite = await SuiteHost.StartAsync();

        Assert.All(SuiteHost.Modules.Keys, service =>
        {
            var services = suite.Service(service).Services;
            Assert.False(services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled, $"{service}: usage telemetry option");
            // What decides at start whether a report is scheduled (it reads MASSTRANSIT_USAGE_TELEMETRY too).
            var tracker = Assert.IsType<UsageTracker>(services.GetRequiredService<IUsageTracker>());
            Assert.False(tracker.Enabled, $"{service}: usage tracker");
        });
    }
}
