using Xunit;

namespace Coordination.Tests.Deployment;

public static class PolicyAssert
{
    /// <summary>Fails with every violation listed, one a line.</summary>
    public static void Holds(IEnumerable<string> violations)
    {
        var list = violations.ToList();
        Assert.True(list.Count == 0, $"{list.Count} violation(s):\n  " + string.Join("\n  ", list));
    }

    /// <summary>The policy notices what was broken on purpose.</summary>
    public static void Reports(IEnumerable<string> violations, string expected)
    {
        var list = violations.ToList();
        Assert.True(list.Any(v => v.Contains(expected, StringComparison.Ordinal)),
            $"Expected a violation containing '{expected}', got {list.Count}:\n  " + string.Join("\n  ", list));
    }
}
