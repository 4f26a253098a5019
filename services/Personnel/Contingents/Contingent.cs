using Coordination.Auth;
using Coordination.Errors;
using Coordination.Personnel.Mandates;
using Coordination.Personnel.V1;
using Coordination.Persistence;

namespace Coordination.Personnel.Contingents;

/// <summary>A nation's group of officers, from the mission's request to its return home.</summary>
public sealed class Contingent : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string Nation { get; private init; } = "";
    public string Name { get; private init; } = "";
    public UnitType UnitType { get; private init; }
    public int OfficerCount { get; private init; }
    public int TourMonths { get; private init; }
    public string SiteId { get; private init; } = "";
    public ContingentStatus Status { get; private set; }
    public DateOnly? DeployedOn { get; private set; }
    public DateOnly? PlannedTourEnd { get; private set; }
    public bool TourEndCappedByMandate { get; private set; }
    public int Revision { get; private set; }
    public Audit Audit { get; private init; } = null!;

    private Contingent()
    {
    }

    public static Contingent Request(string nation, string name, UnitType unitType, int officerCount, int tourMonths, string siteId, Audit audit) => new()
    {
        Nation = nation,
        Name = name,
        UnitType = unitType,
        OfficerCount = officerCount,
        TourMonths = tourMonths,
        SiteId = siteId,
        Status = ContingentStatus.Requested,
        Audit = audit,
    };

    /// <summary>Moves one step along the chain; deployment also checks the mandate and fixes the tour's dates.</summary>
    public void MoveTo(ContingentStatus target, DateOnly? effectiveOn, MandateView? mandate, int officersInMissionArea)
    {
        ContingentLifecycle.EnsureAllowed(Id, Status, target);
        if (target == ContingentStatus.Deployed)
        {
            Deploy(effectiveOn!.Value, mandate, officersInMissionArea);
        }
        Status = target;
        Revision++;
    }

    private void Deploy(DateOnly on, MandateView? mandate, int officersInMissionArea)
    {
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
        var strength = officersInMissionArea + OfficerCount;
        if (strength > mandate.PersonnelCeiling)
        {
            throw new PreconditionFailedException("MANDATE_CEILING", $"contingents/{Id}",
                $"Deploying {OfficerCount:N0} officers would bring the mission to {strength:N0}, above the ceiling of {mandate.PersonnelCeiling:N0} set by {mandate.ResolutionSymbol} ({officersInMissionArea:N0} are in the mission area now).");
        }
        DeployedOn = on;
        ScheduleTourEnd(mandate.PeriodEnd);
    }

    /// <summary>A tour ends after its length, but never after the mandate: a renewal moves a capped end again.</summary>
    public void ScheduleTourEnd(DateOnly mandateEnd)
    {
        var natural = DeployedOn!.Value.AddMonths(TourMonths).AddDays(-1);
        TourEndCappedByMandate = natural > mandateEnd;
        PlannedTourEnd = TourEndCappedByMandate ? mandateEnd : natural;
        Revision++;
    }

    public void Touch(Caller caller, string requestId, DateTime now) => Audit.Touch(caller, requestId, now);
}
