using k8s.Models;

namespace Coordination.Tests.Deployment;

/// <summary>Kubernetes label selector semantics: matchLabels and matchExpressions, all of them.</summary>
public static class Selectors
{
    public static bool Matches(this V1LabelSelector? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is null)
        {
            return false;
        }
        var byLabels = selector.MatchLabels?.All(l => labels.TryGetValue(l.Key, out var value) && value == l.Value) ?? true;
        var byExpressions = selector.MatchExpressions?.All(e => Matches(e, labels)) ?? true;
        return byLabels && byExpressions;
    }

    private static bool Matches(V1LabelSelectorRequirement requirement, IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(requirement.Key, out var value);
        return requirement.OperatorProperty switch
        {
            "In" => present && requirement.Values.Contains(value!),
            "NotIn" => !present || !requirement.Values.Contains(value!),
            "Exists" => present,
            "DoesNotExist" => !present,
            var other => throw new NotSupportedException($"Label selector operator '{other}'."),
        };
    }
}
