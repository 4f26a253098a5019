using Coordination.Contracts;
using Coordination.Auth;
using Coordination.Errors;
using Coordination.Personnel.Agreements;
using Coordination.Personnel.Mandates;
using Coordination.Personnel.Officers;
using Officer = Coordination.Personnel.Officers.Officer;
using Coordination.Personnel.V1;
using Coordination.Persistence;

namespace Coordination.Personnel.Contingents;

/// <summary>What deploying a contingent is judged against, read by the caller in the deployment's transaction.</summary>
public sealed record DeploymentConditions(MandateView? Mandate, int OfficersInMissionArea, IReadOnlyList<StatusOfForcesPeriod> StatusOfForces, IReadOnlyList<Officer> Roster);

/// <summary>A nation's group of officers, from the mission's request to its return home.</summary>
public sealed class Contingent : IKeyed
{
    public const int MaxOfficers = 5_500;

    public string Id { get; private init; } = Ids.New();
    public string Nation { get; private init; } = "";
    public string Name { get; private init; } = "";
    public UnitType UnitType { get; private init; }
    /// <summary>The declared count until officers are assigned, then the roster's size: what deploys and counts.</summary>
    public int OfficerCount { get; private set; }
    public int DeclaredOfficers { get; private init; }
    public int AssignedOfficers { get; private set; }
    public int TourMonths { get; private init; }
    public string SiteId { get; private set; } = "";
    public ContingentStatus Status { get; private set; }
    public DateOnly? DeployedOn { get; private set; }
    public DateOnly? PlannedTourEnd { get; private set; }
    public bool TourEndCappedByMandate { get; private set; }
    /// <summary>The officer commanding it; empty when not recorded.</summary>
    public string Commander { get; private set; } = "";
    /// <summary>The home unit it is drawn from (e.g. the national police unit); empty when not recorded.</summary>
    public string HomeUnit { get; private set; } = "";
    public int Revision { get; private set; }
    public Audit Audit { get; private init; } = null!;

    private Contingent()
    {
    }

    public static Contingent Request(string nation, string name, UnitType unitType, int officerCount, int tourMonths, string siteId,
        string commander, string homeUnit, Audit audit) => new()
    {
        Commander = commander,
        HomeUnit = homeUnit,
        Nation = nation,
        Name = name,
        UnitType = unitType,
        OfficerCount = officerCount,
        DeclaredOfficers = officerCount,
        TourMonths = tourMonths,
        SiteId = siteId,
        Status = ContingentStatus.Requested,
        Audit = audit,
    };

    /// <summary>Moves one step along the chain; deployment also checks the mandate, the agreement and the roster, and fixes the tour's dates.</summary>
    public void MoveTo(ContingentStatus target, DateOnly? effectiveOn, DeploymentConditions? conditions = null)
    {
        ContingentLifecycle.EnsureAllowed(Id, Status, target);
        if (target == ContingentStatus.Deployed)
        {
            Deploy(effectiveOn!.Value, conditions ?? throw new ArgumentNullException(nameof(conditions)));
        }
        else if (effectiveOn < DeployedOn)
        {
            throw new PreconditionFailedException("CONTINGENT_DATE_ORDER", $"contingents/{Id}",
                $"{Name} deployed on {DeployedOn:yyyy-MM-dd}; it cannot be {ProtoEnumNames.Of(target)} on {effectiveOn:yyyy-MM-dd}, before that.");
        }
        Status = target;
        Revision++;
    }

    /// <summary>Puts vetted officers of the nation on the roster; from the first, the roster is the contingent's count.</summary>
    public void Assign(IReadOnlyCollection<Officer> officers)
    {
        EnsureRosterOpen("assigned to");
        var refusals = officers.Select(o => o.AssignmentRefusal(Nation, Id)).OfType<string>().ToList();
        if (refusals.Count > 0)
        {
            throw new PreconditionFailedException("OFFICER_NOT_ASSIGNABLE", $"contingents/{Id}",
                $"{refusals.Count} of the officers cannot join {Name}, so none was assigned: {Summary(refusals)}.");
        }
        var joining = officers.Where(o => !(o.IsOnActiveRoster && o.ContingentId == Id)).ToList();
        if (AssignedOfficers + joining.Count > MaxOfficers)
        {
            throw new PreconditionFailedException("OFFICER_NOT_ASSIGNABLE", $"contingents/{Id}",
                $"{Name} has {AssignedOfficers:N0} officers; {joining.Count:N0} more would exceed {MaxOfficers:N0}.");
        }
        foreach (var officer in joining)
        {
            officer.JoinRoster(Id);
        }
        AssignedOfficers += joining.Count;
        OfficerCount = AssignedOfficers;
        Revision++;
    }

    public void Release(IReadOnlyCollection<Officer> officers)
    {
        EnsureRosterOpen("released from");
        var strangers = officers.Where(o => o.ContingentId != Id || !o.IsOnActiveRoster).Select(o => o.Id).ToList();
        if (strangers.Count > 0)
        {
            throw new PreconditionFailedException("OFFICER_NOT_ON_ROSTER", $"contingents/{Id}",
                $"{strangers.Count} of the officers are not on the roster of {Name}, so none was released: {Summary(strangers)}.");
        }
        foreach (var officer in officers)
        {
            officer.LeaveRoster();
        }
        AssignedOfficers -= officers.Count;
        OfficerCount = AssignedOfficers > 0 ? AssignedOfficers : DeclaredOfficers;
        Revision++;
    }

    /// <summary>Records who commands it and the home unit it comes from, as given.</summary>
    public void SetCommand(string commander, string homeUnit)
    {
        Commander = commander;
        HomeUnit = homeUnit;
        Revision++;
    }

    /// <summary>Assigns the contingent to a site (or to none); returns the site it leaves.</summary>
    public string AssignToSite(string siteId)
    {
        if (Status == ContingentStatus.Repatriated)
        {
            throw new PreconditionFailedException("CONTINGENT_REPATRIATED", $"contingents/{Id}", $"{Name} has been repatriated; it guards no site.");
        }
        var previous = SiteId;
        SiteId = siteId;
        Revision++;
        return previous;
    }

    private void Deploy(DateOnly on, DeploymentConditions conditions)
    {
        var mandate = conditions.Mandate;
        if (mandate is null)
        {
            throw new PreconditionFailedException("NO_MANDATE", $"contingents/{Id}",
                "No mandate is known yet; a contingent can deploy only under a Security Council mandate.");
        }
        if (on < mandate.PeriodStart || on > mandate.PeriodEnd)
        {
            throw new PreconditionFailedException("OUTSIDE_MANDATE_PERIOD", $"contingents/{Id}",
                $"{on:yyyy-MM-dd} is outside the mandate period {mandate.PeriodStart:yyyy-MM-dd} to {mandate.PeriodEnd:yyyy-MM-dd} ({mandate.ResolutionSymbol}).");
        }
        if (!conditions.StatusOfForces.Any(p => p.Covers(on)))
        {
            throw new PreconditionFailedException("SOFA_NOT_IN_FORCE", $"contingents/{Id}", NoStatusOfForces(on, conditions.StatusOfForces));
        }
        // Police officers are uniformed personnel: where the resolution splits its ceiling, they count against the uniformed part.
        var strength = conditions.OfficersInMissionArea + OfficerCount;
        if (strength > mandate.UniformedLimit)
        {
            var ceiling = mandate.UniformedCeiling is { } uniformed
                ? $"the uniformed ceiling of {uniformed:N0} (of {mandate.PersonnelCeiling:N0} in all)"
                : $"the ceiling of {mandate.PersonnelCeiling:N0}";
            throw new PreconditionFailedException("MANDATE_CEILING", $"contingents/{Id}",
                $"Deploying {OfficerCount:N0} officers would bring the mission to {strength:N0}, above {ceiling} set by {mandate.ResolutionSymbol} ({conditions.OfficersInMissionArea:N0} are in the mission area now).");
        }
        var refusals = conditions.Roster.Select(o => o.DeploymentRefusal(on)).OfType<string>().ToList();
        if (refusals.Count > 0)
        {
            throw new PreconditionFailedException("ROSTER_NOT_DEPLOYABLE", $"contingents/{Id}",
                $"{refusals.Count} officers on the roster of {Name} cannot deploy on {on:yyyy-MM-dd} (officers must be vetted and {Officer.MinimumAge} to {Officer.MaximumAge} years old): {Summary(refusals)}.");
        }
        DeployedOn = on;
        ScheduleTourEnd(mandate.PeriodEnd);
    }

    private string NoStatusOfForces(DateOnly on, IReadOnlyList<StatusOfForcesPeriod> periods)
    {
        if (periods.Where(p => p.InForceOn <= on && p.TerminatedOn <= on).Max(p => p.TerminatedOn) is { } terminated)
        {
            return $"{Nation}'s status-of-forces agreement with {StatusOfForces.HostState} was terminated on {terminated:yyyy-MM-dd}; its contingents cannot deploy on {on:yyyy-MM-dd}.";
        }
        return periods.Where(p => p.InForceOn > on).Min(p => (DateOnly?)p.InForceOn) is { } later
            ? $"{Nation}'s status-of-forces agreement entered into force on {later:yyyy-MM-dd}, after {on:yyyy-MM-dd}; its contingents cannot deploy before it."
            : $"{Nation} has no status-of-forces agreement in force with the host state ({StatusOfForces.HostState}); its contingents cannot deploy until diplomacy records one in force.";
    }

    /// <summary>The last day of a tour of this contingent's length that starts on <paramref name="startsOn"/>, before any mandate caps it.</summary>
    public DateOnly TourEndFrom(DateOnly startsOn) => startsOn.AddMonths(TourMonths).AddDays(-1);

    /// <summary>A tour ends after its length, but never after the mandate: a renewal moves a capped end again.</summary>
    public void ScheduleTourEnd(DateOnly mandateEnd)
    {
        var natural = TourEndFrom(DeployedOn!.Value);
        TourEndCappedByMandate = natural > mandateEnd;
        PlannedTourEnd = TourEndCappedByMandate ? mandateEnd : natural;
        Revision++;
    }

    public void Touch(Caller caller, string requestId, DateTime now) => Audit.Touch(caller, requestId, now);

    private void EnsureRosterOpen(string action)
    {
        if (!ContingentLifecycle.InPipeline.Contains(Status))
        {
            throw new PreconditionFailedException("CONTINGENT_ROSTER_CLOSED", $"contingents/{Id}",
                $"{Name} is {ProtoEnumNames.Of(Status)}; officers can be {action} a roster only before deployment.");
        }
    }

    private static string Summary(List<string> items) =>
        string.Join("; ", items.Take(5)) + (items.Count > 5 ? $"; and {items.Count - 5} more" : "");
}
