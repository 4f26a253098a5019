using Coordination.Contracts;
using Coordination.Errors;
using Coordination.Finance.V1;

namespace Coordination.Finance.Contributions;

/// <summary>The one place that says which contribution status may follow which (OCHA FTS: pledge → commitment → paid).</summary>
public static class ContributionLifecycle
{
    private static readonly Dictionary<ContributionStatus, ContributionStatus[]> Next = new()
    {
        [ContributionStatus.Pledged] = [ContributionStatus.Committed, ContributionStatus.Cancelled, ContributionStatus.Suspended],
        [ContributionStatus.Committed] = [ContributionStatus.Paid, ContributionStatus.Cancelled, ContributionStatus.Suspended],
        [ContributionStatus.Paid] = [],
        [ContributionStatus.Cancelled] = [],
        [ContributionStatus.Suspended] = [],
    };

    public static void EnsureAllowed(Contribution contribution, ContributionStatus to)
    {
        var allowed = contribution.Status == ContributionStatus.Suspended
            ? [contribution.StatusBeforeSuspension!.Value, ContributionStatus.Cancelled]
            : Next[contribution.Status];
        if (!allowed.Contains(to))
        {
            throw new PreconditionFailedException("CONTRIBUTION_STATUS_TRANSITION", $"contributions/{contribution.Id}",
                $"A contribution cannot move from {ProtoEnumNames.Of(contribution.Status)} to {ProtoEnumNames.Of(to)}; from {ProtoEnumNames.Of(contribution.Status)} it may move to: {(allowed.Length == 0 ? "none" : string.Join(", ", allowed.Select(s => ProtoEnumNames.Of(s))))}.");
        }
    }

    public static string Name(ContributionStatus status) => status switch
    {
        ContributionStatus.Pledged => "PLEDGED",
        ContributionStatus.Committed => "COMMITTED",
        ContributionStatus.Paid => "PAID",
        ContributionStatus.Cancelled => "CANCELLED",
        ContributionStatus.Suspended => "SUSPENDED",
        _ => status.ToString().ToUpperInvariant(),
    };

    public static string Name(ContributionStatus? status) => status is { } s ? Name(s) : "";

    public static string Name(Channel channel) => channel switch
    {
        Channel.TrustFund => "TRUST_FUND",
        Channel.Bilateral => "BILATERAL",
        Channel.InKind => "IN_KIND",
        _ => channel.ToString().ToUpperInvariant(),
    };

    public static string Name(VersionChange change) => change switch
    {
        VersionChange.Recorded => "RECORDED",
        VersionChange.StatusChanged => "STATUS_CHANGED",
        VersionChange.Corrected => "CORRECTED",
        _ => change.ToString().ToUpperInvariant(),
    };
}
