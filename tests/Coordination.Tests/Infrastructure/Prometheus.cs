using System.Globalization;
using Coordination.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Coordination.Tests.Infrastructure;

/// <summary>Reads a host's metrics as Prometheus scrapes them, from its <c>/metrics</c> endpoint.</summary>
public static class Prometheus
{
    /// <summary>The sum of a counter's series that carry all the given labels (0 when there is none yet).</summary>
    public static async Task<double> CounterAsync(WebApplication host, string counter, params (string Name, string Value)[] labels)
    {
        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri(host.HttpAddress(), "/metrics"));
        return text.Split('\n')
            .Where(line => line.StartsWith(counter + "{", StringComparison.Ordinal)
                && labels.All(l => line.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal)))
            .Sum(line => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
    }

    /// <summary>How many events a service has refused because a service other than their owner published them.</summary>
    public static Task<double> RefusedAsync(WebApplication host, string service, string eventType, string publisher) =>
        CounterAsync(host, "coordination_events_refused_total", ("service", service), ("event", eventType), ("publisher", publisher));
}

