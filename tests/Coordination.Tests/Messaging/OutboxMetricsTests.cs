using Coordination.Events;
using Coordination.Hosting;
using Coordination.Persistence;
using Coordination.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.Messaging.OwnBrokerUserTests;

namespace Coordination.Tests.Messaging;

/// <summary>
/// The outbox's metrics as Prometheus scrapes them: lag in buckets fine enough for a healthy relay, and each host
/// reporting its own service only, also with several hosts in one process (the local run, these tests).
/// </summary>
public sealed class OutboxMetricsTests
{
    [Fact]
    public async Task Each_host_reports_only_its_own_outbox_series_with_lag_buckets_from_10_ms_to_30_s()
    {
        await using var suite = await SuiteHost.StartAsync(["personnel", "finance"]);
        var personnel = suite.Service("personnel");
        var finance = suite.Service("finance");
        await PublishAsync(personnel);
        await PublishAsync(finance);

        await Eventually.Get(() => Prometheus.CounterAsync(personnel, "coordination_outbox_published_total", ("service", "personnel")), n => n >= 1,
            what: "personnel's outbox to publish");
        await Eventually.Get(() => Prometheus.CounterAsync(finance, "coordination_outbox_published_total", ("service", "finance")), n => n >= 1,
            what: "finance's outbox to publish");

        var personnelMetrics = await MetricsAsync(personnel);
        var financeMetrics = await MetricsAsync(finance);
        Assert.Equal(["personnel"], OutboxServices(personnelMetrics));
        Assert.Equal(["finance"], OutboxServices(financeMetrics));

        var buckets = personnelMetrics.Where(l => l.StartsWith("coordination_outbox_lag_seconds_bucket{", StringComparison.Ordinal))
            .Select(l => Label(l, "le")).Distinct().ToList();
        Assert.Equal(["0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "30", "+Inf"], buckets);
    }

    private static async Task PublishAsync(WebApplication host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        db.Publish(Pledged("JAM", 10));
        await db.SaveChangesAsync();
    }

    private static async Task<string[]> MetricsAsync(WebApplication host)
    {
        using var http = new HttpClient();
        return (await http.GetStringAsync(new Uri(host.HttpAddress(), "/metrics"))).Split('\n');
    }

    /// <summary>The services named by the outbox series in a scrape.</summary>
    private static List<string> OutboxServices(IEnumerable<string> metrics) =>
        metrics.Where(l => l.StartsWith("coordination_outbox_", StringComparison.Ordinal) && l.Contains("service=", StringComparison.Ordinal))
            .Select(l => Label(l, "service")).Distinct().Order().ToList();

    private static string Label(string line, string name)
    {
        var start = line.IndexOf($"{name}=\"", StringComparison.Ordinal) + name.Length + 2;
        return line[start..line.IndexOf('"', start)];
    }
}
