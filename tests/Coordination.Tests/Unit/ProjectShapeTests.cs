using System.Reflection;
using Xunit;

namespace Coordination.Tests.Unit;

/// <summary>Who needs what: the gateway is a host with the defaults, no database and no bus.</summary>
public sealed class ProjectShapeTests
{
    [Fact]
    public void The_gateway_references_neither_EF_Core_nor_MassTransit_nor_the_services_building_blocks()
    {
        var reached = References(typeof(Coordination.Gateway.GatewaySetup).Assembly);

        Assert.Contains("Coordination.ServiceDefaults", reached);
        Assert.Contains("Yarp.ReverseProxy", reached);
        Assert.DoesNotContain(reached, name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || name.StartsWith("MassTransit", StringComparison.Ordinal)
            || name.StartsWith("Npgsql", StringComparison.Ordinal)
            || name is "Coordination.Infrastructure" or "Coordination.Events");
    }

    [Fact]
    public void The_event_contracts_depend_on_nothing_of_ours_but_themselves()
    {
        var reached = References(typeof(Coordination.Events.IntegrationEvent).Assembly);

        Assert.DoesNotContain(reached, name => name.StartsWith("Coordination.", StringComparison.Ordinal) && name != "Coordination.Events");
        Assert.DoesNotContain(reached, name => name.StartsWith("MassTransit", StringComparison.Ordinal));
    }

    /// <summary>Every assembly reachable from <paramref name="root"/> through its references (those that load here).</summary>
    private static HashSet<string> References(Assembly root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { root.GetName().Name! };
        var pending = new Queue<Assembly>([root]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (!seen.Add(reference.Name!) || reference.Name!.StartsWith("System", StringComparison.Ordinal))
                {
                    continue;
                }
                try
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
                catch (FileNotFoundException)
                {
                    // A framework facade that is not deployed beside the tests: not one of ours.
                }
            }
        }
        return seen;
    }
}
