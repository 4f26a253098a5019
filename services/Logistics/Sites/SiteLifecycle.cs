using Coordination.Contracts;
using Coordination.Errors;
using Coordination.Logistics.V1;

namespace Coordination.Logistics.Sites;

/// <summary>The one place that says which security status may follow which.</summary>
public static class SiteLifecycle
{
    private static readonly Dictionary<SiteStatus, SiteStatus[]> Next = new()
    {
        [SiteStatus.Contested] = [SiteStatus.Recaptured, SiteStatus.Lost],
        [SiteStatus.Recaptured] = [SiteStatus.Secured, SiteStatus.Contested, SiteStatus.Lost],
        [SiteStatus.Secured] = [SiteStatus.Contested, SiteStatus.Lost],
        [SiteStatus.Lost] = [SiteStatus.Contested, SiteStatus.Recaptured],
    };

    public static bool Allows(SiteStatus from, SiteStatus to) => Next[from].Contains(to);

    public static void EnsureAllowed(string siteId, SiteStatus from, SiteStatus to)
    {
        if (!Allows(from, to))
        {
            throw new PreconditionFailedException("SITE_STATUS_TRANSITION", $"sites/{siteId}",
                $"A site cannot move from {ProtoEnumNames.Of(from)} to {ProtoEnumNames.Of(to)}; from {ProtoEnumNames.Of(from)} it may move to: {string.Join(", ", Next[from].Select(s => ProtoEnumNames.Of(s)))}.");
        }
    }

    public static string Name(SiteStatus status) => status switch
    {
        SiteStatus.Contested => "CONTESTED",
        SiteStatus.Recaptured => "RECAPTURED",
        SiteStatus.Secured => "SECURED",
        SiteStatus.Lost => "LOST",
        _ => status.ToString().ToUpperInvariant(),
    };
}
