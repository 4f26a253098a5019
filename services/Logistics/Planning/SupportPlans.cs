using Coordination.Contracts;
using Coordination.Logistics.Contingents;
using Coordination.Logistics.Mandates;
using Coordination.Logistics.Persistence;
using Coordination.Logistics.V1;

namespace Coordination.Logistics.Planning;

/// <summary>
/// The rations and movement logistics plans for a contingent: its officers fed from deployment to the planned tour end
/// (person-days of rations), moved in, and, once repatriated, fed to that day and moved home. Read from the contingent
/// as logistics knows it (<see cref="KnownContingent"/>), so personnel's events may arrive in any order: a repatriation
/// heard before the deployment closes the plan as soon as the deployment is heard.
/// A relief in place (<see cref="ScheduledRotation"/>) changes both plans: the outgoing contingent is fed and moved out to
/// its departure day, and the incoming one is planned from its arrival before it deploys, so on the overlap days the
/// site's plans count both contingents' officers. A running plan ends at the latest with the mandate it serves
/// (<see cref="MandateCalendar"/>); a renewal moves that end, and an announced expiry marks the plans ending with it.
/// </summary>
public static class SupportPlans
{
    /// <summary>The contingents that have a plan: those heard to have deployed, and those a scheduled relief brings in.</summary>
    public static IQueryable<KnownContingent> Planned(this IQueryable<KnownContingent> contingents, LogisticsDbContext db) =>
        contingents.Where(c => c.DeployedOn != null || db.ScheduledRotations.Any(r => r.IncomingContingentId == c.Id));

    /// <summary>The plans of one site: of contingents deployed to it, or brought to it by a relief.</summary>
    public static IQueryable<KnownContingent> AtSite(this IQueryable<KnownContingent> contingents, LogisticsDbContext db, string siteId) =>
        contingents.Where(c => c.SiteId == siteId || db.ScheduledRotations.Any(r => r.IncomingContingentId == c.Id && r.SiteId == siteId));

    /// <summary>
    /// The plan of a planned contingent, with the reliefs scheduled for it (any others are ignored) and the mandate it
    /// serves: a plan still running cannot run past the mandate's end, so it ends there until a renewal moves the end.
    /// </summary>
    public static V1.SupportPlan Of(KnownContingent c, IReadOnlyCollection<ScheduledRotation> rotations, KnownMandate? mandate)
    {
        var relievedBy = rotations.FirstOrDefault(r => r.OutgoingContingentId == c.Id);
        var relieves = rotations.FirstOrDefault(r => r.IncomingContingentId == c.Id);
        var mandateEnd = c.RepatriatedOn is null ? mandate?.PeriodEnd : null;
        var plan = c.DeployedOn is null
            ? Arriving(c, relieves ?? throw new InvalidOperationException($"Contingent {c.Id} has neither deployed nor a relief to arrive for; it has no support plan."),
                mandateEnd)
            : Deployed(c, relievedBy, mandateEnd);
        if (mandateEnd is { } end)
        {
            plan.MandateResolutionSymbol = mandate!.ResolutionSymbol;
            plan.MandateEndsOn = end.ToProto();
            plan.EndsWithMandate = plan.EndsOn.Equals(end.ToProto());
            plan.MandateExpiringDaysBefore = plan.EndsWithMandate ? mandate.ExpiringNotice ?? 0 : 0;
        }
        if (relievedBy is not null)
        {
            plan.RelievedByContingentId = relievedBy.IncomingContingentId;
            Overlap(plan, relievedBy);
        }
        if (relieves is not null)
        {
            plan.RelievesContingentId = relieves.OutgoingContingentId;
            Overlap(plan, relieves);
        }
        return plan;
    }

    /// <summary>Officers × days, both ends included.</summary>
    public static long RationDaysFor(int officers, DateOnly from, DateOnly to) =>
        to < from ? 0 : (long)officers * (to.DayNumber - from.DayNumber + 1);

    private static V1.SupportPlan Deployed(KnownContingent c, ScheduledRotation? relievedBy, DateOnly? mandateEnd)
    {
        var starts = c.DeployedOn!.Value;
        // A relief replaces the planned tour end with the departure personnel scheduled; a repatriation is what happened.
        // Otherwise the tour runs its length up to the end of the mandate served now, so a renewal heard since the
        // deployment moves an end the old mandate had cut short; with no mandate known, personnel's planned end stands.
        var tourEnd = mandateEnd is null ? c.PlannedTourEnd : c.TourLengthEnd ?? c.PlannedTourEnd;
        var ends = c.RepatriatedOn is { } home ? (home < starts ? starts : home)
            : relievedBy is not null ? relievedBy.OutgoingDepartsOn
            : tourEnd ?? starts;
        ends = Within(ends, starts, mandateEnd);
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
            OutboundMovement = c.RepatriatedOn is not null ? c.RepatriatedOfficers : relievedBy is not null ? c.DeployedOfficers : 0,
            Status = c.RepatriatedOn is null ? SupportPlanStatus.Active : SupportPlanStatus.Closed,
        };
    }

    /// <summary>
    /// A relief not yet deployed: fed and housed at the site from its arrival for its tour's length (up to the mandate's
    /// end), the overlap included; its deployment, once heard, plans it from the day it went on duty. A rotation heard
    /// from an older personnel that did not give the tour's length is planned through the overlap only.
    /// </summary>
    private static V1.SupportPlan Arriving(KnownContingent c, ScheduledRotation relieves, DateOnly? mandateEnd)
    {
        var ends = Within(relieves.IncomingTourLengthEnd ?? relieves.OutgoingDepartsOn, relieves.IncomingArrivesOn, mandateEnd);
        return new V1.SupportPlan
        {
            ContingentId = c.Id,
            NationCode = c.Nation,
            SiteId = relieves.SiteId,
            Officers = relieves.IncomingOfficers,
            StartsOn = relieves.IncomingArrivesOn.ToProto(),
            EndsOn = ends.ToProto(),
            RationDays = RationDaysFor(relieves.IncomingOfficers, relieves.IncomingArrivesOn, ends),
            InboundMovement = relieves.IncomingOfficers,
            Status = SupportPlanStatus.Planned,
        };
    }

    /// <summary>The end of a running plan: not past the mandate's end (nor before its own start).</summary>
    private static DateOnly Within(DateOnly ends, DateOnly starts, DateOnly? mandateEnd) =>
        mandateEnd is { } end && ends > end ? (end < starts ? starts : end) : ends;

    private static void Overlap(V1.SupportPlan plan, ScheduledRotation r)
    {
        plan.OverlapStartsOn = r.IncomingArrivesOn.ToProto();
        plan.OverlapEndsOn = r.OutgoingDepartsOn.ToProto();
        plan.OverlapSiteOfficers = r.OutgoingOfficers + r.IncomingOfficers;
    }
}
