using Coordination.Contracts;
using Coordination.Logistics.Contingents;
using Coordination.Logistics.V1;

namespace Coordination.Logistics.Planning;

/// <summary>
/// The rations and movement logistics plans for a deployed contingent: its officers fed from deployment to the
/// planned tour end (person-days of rations), moved in, and, once repatriated, fed to that day and moved home. Read
/// from the contingent as logistics knows it (<see cref="KnownContingent"/>), so personnel's events may arrive in any
/// order: a repatriation heard before the deployment closes the plan as soon as the deployment is heard.
/// </summary>
public static class SupportPlans
{
    /// <summary>The contingents that have a plan: those heard to have deployed.</summary>
    public static IQueryable<KnownContingent> Planned(this IQueryable<KnownContingent> contingents) =>
        contingents.Where(c => c.DeployedOn != null);

    /// <summary>The plan of a contingent that has deployed.</summary>
    public static V1.SupportPlan Of(KnownContingent c)
    {
        var starts = c.DeployedOn ?? throw new InvalidOperationException($"Contingent {c.Id} has not deployed; it has no support plan.");
        var ends = c.RepatriatedOn is { } home ? (home < starts ? starts : home) : c.PlannedTourEnd ?? starts;
        return new V1.SupportPlan
        {
            ContingentId = c.Id,
            NationCode = c.Nation,
            SiteId = c.SiteId,
            Officers = c.DeployedOfficers,
            StartsOn = starts.ToProto(),
            EndsOn = ends.ToProto(),
            RationDays = RationDaysFor(c.DeployedOfficers, starts, ends),
            InboundMovement = c.DeployedOfficers,
            OutboundMovement = c.RepatriatedOn is null ? 0 : c.RepatriatedOfficers,
            Status = c.RepatriatedOn is null ? SupportPlanStatus.Active : SupportPlanStatus.Closed,
        };
    }

    /// <summary>Officers × days, both ends included.</summary>
    public static long RationDaysFor(int officers, DateOnly from, DateOnly to) =>
        to < from ? 0 : (long)officers * (to.DayNumber - from.DayNumber + 1);
}
