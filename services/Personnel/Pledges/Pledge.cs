using Coordination.Auth;
using Coordination.Errors;
using Coordination.Personnel.V1;
using Coordination.Persistence;

namespace Coordination.Personnel.Pledges;

/// <summary>A nation's pledge of officers to the mission: what is pledged, how ready it is, and each version of it.</summary>
public sealed class Pledge : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string Nation { get; private init; } = "";
    public UnitType UnitType { get; private set; }
    public int OfficerCount { get; private set; }
    public ReadinessLevel ReadinessLevel { get; private set; }
    public PledgeStatus Status { get; private set; }
    public int Version { get; private set; }
    public DateOnly PledgedOn { get; private init; }
    public PledgeEvidence Evidence { get; private set; } = new();
    public DateOnly? LastRenewedOn { get; private set; }
    /// <summary>Kept as a column so due lists are one indexed query; derived by <see cref="Renewal"/>.</summary>
    public DateOnly RenewalDueOn { get; private set; }
    public DateOnly? WithdrawnOn { get; private set; }
    public string WithdrawalReason { get; private set; } = "";
    public int Revision { get; private set; }
    public Audit Audit { get; private init; } = null!;

    private Pledge()
    {
    }

    public static (Pledge Pledge, PledgeVersion First) Make(string nation, UnitType unitType, int officers, DateOnly pledgedOn, Audit audit)
    {
        var pledge = new Pledge
        {
            Nation = nation,
            UnitType = unitType,
            OfficerCount = officers,
            ReadinessLevel = ReadinessLevel.L1,
            Status = PledgeStatus.Active,
            Version = 1,
            PledgedOn = pledgedOn,
            RenewalDueOn = Renewal.DueOn(pledgedOn, null),
            Audit = audit,
        };
        return (pledge, pledge.Snapshot(PledgeChange.Created, "", audit.CreatedBy, audit.CreatedAt));
    }

    /// <summary>
    /// Changes what is pledged. Another unit type or more officers is a unit the mission has not seen: its evidence (the
    /// visits and the confirmation) is of the unit as it was, so it is cleared and the level drops to what the nation
    /// alone can claim (L1), keeping the nation's own undertaking; the mission verifies the unit again. Returns the new
    /// version and, when the level dropped, the level it dropped from.
    /// </summary>
    public (PledgeVersion Version, ReadinessLevel? DroppedFrom) Revise(UnitType unitType, int officers, string reason, DateOnly today,
        Caller caller, string requestId, DateTime now)
    {
        EnsureActive("revised");
        var before = ReadinessLevel;
        if (unitType != UnitType || officers > OfficerCount)
        {
            Evidence = Readiness.Declared(Evidence);
            ReadinessLevel = Readiness.LevelFor(Evidence);
        }
        UnitType = unitType;
        OfficerCount = officers;
        LastRenewedOn = today;
        RenewalDueOn = Renewal.DueOn(PledgedOn, LastRenewedOn);
        return (Changed(PledgeChange.Revised, reason, caller, requestId, now), ReadinessLevel != before ? before : null);
    }

    /// <summary>Adds evidence; returns the new version and, when a gate is now met, the level it rose from.</summary>
    public (PledgeVersion Version, ReadinessLevel? RoseFrom) RecordEvidence(PledgeEvidence added, Caller caller, string requestId, DateTime now)
    {
        EnsureActive("given evidence");
        if (Readiness.Dates(added).FirstOrDefault(d => d.Day < PledgedOn) is { Field: not null } early)
        {
            throw new PreconditionFailedException("PLEDGE_EVIDENCE_ORDER", $"pledges/{Id}",
                $"{early.Field} {early.Day:yyyy-MM-dd} is before the pledge was made ({PledgedOn:yyyy-MM-dd}); evidence is of a pledged unit.");
        }
        var before = ReadinessLevel;
        Evidence = Readiness.Add(Id, Evidence, added);
        ReadinessLevel = Readiness.LevelFor(Evidence);
        var version = Changed(PledgeChange.EvidenceRecorded, "", caller, requestId, now);
        return (version, ReadinessLevel != before ? before : null);
    }

    public PledgeVersion Renew(DateOnly on, Caller caller, string requestId, DateTime now)
    {
        EnsureActive("renewed");
        if (on < PledgedOn || on < LastRenewedOn)
        {
            throw new PreconditionFailedException("PLEDGE_RENEWAL_DATE", $"pledges/{Id}",
                $"A renewal on {on:yyyy-MM-dd} would come before the pledge ({PledgedOn:yyyy-MM-dd}) or its last renewal ({LastRenewedOn:yyyy-MM-dd}).");
        }
        LastRenewedOn = on;
        RenewalDueOn = Renewal.DueOn(PledgedOn, LastRenewedOn);
        return Changed(PledgeChange.Renewed, "", caller, requestId, now);
    }

    public PledgeVersion Withdraw(DateOnly on, string reason, Caller caller, string requestId, DateTime now)
    {
        EnsureActive("withdrawn");
        if (on < PledgedOn)
        {
            throw new PreconditionFailedException("PLEDGE_WITHDRAWAL_DATE", $"pledges/{Id}",
                $"A pledge made on {PledgedOn:yyyy-MM-dd} cannot be withdrawn on {on:yyyy-MM-dd}.");
        }
        Status = PledgeStatus.Withdrawn;
        WithdrawnOn = on;
        WithdrawalReason = reason;
        return Changed(PledgeChange.Withdrawn, reason, caller, requestId, now);
    }

    private void EnsureActive(string action)
    {
        if (Status == PledgeStatus.Withdrawn)
        {
            throw new PreconditionFailedException("PLEDGE_WITHDRAWN", $"pledges/{Id}",
                $"The pledge was withdrawn on {WithdrawnOn:yyyy-MM-dd} and cannot be {action}.");
        }
    }

    private PledgeVersion Changed(PledgeChange change, string reason, Caller caller, string requestId, DateTime now)
    {
        Version++;
        Revision++;
        Audit.Touch(caller, requestId, now);
        return Snapshot(change, reason, caller.Subject, now);
    }

    private PledgeVersion Snapshot(PledgeChange change, string reason, string by, DateTime at) => new()
    {
        PledgeId = Id,
        Version = Version,
        Change = change,
        UnitType = UnitType,
        OfficerCount = OfficerCount,
        ReadinessLevel = ReadinessLevel,
        Status = Status,
        Evidence = Evidence,
        Reason = reason,
        ChangedBy = by,
        ChangedAt = at,
    };
}

/// <summary>One version of a pledge: its state right after a change, kept for the record.</summary>
public sealed class PledgeVersion : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string PledgeId { get; init; } = "";
    public int Version { get; init; }
    public PledgeChange Change { get; init; }
    public UnitType UnitType { get; init; }
    public int OfficerCount { get; init; }
    public ReadinessLevel ReadinessLevel { get; init; }
    public PledgeStatus Status { get; init; }
    public PledgeEvidence Evidence { get; init; } = new();
    public string Reason { get; init; } = "";
    public string ChangedBy { get; init; } = "";
    public DateTime ChangedAt { get; init; }
}

/// <summary>When a pledge must be confirmed again: 12 months after it was made, then 6 months after each renewal.</summary>
public static class Renewal
{
    public static DateOnly DueOn(DateOnly pledgedOn, DateOnly? lastRenewedOn)
    {
        var first = pledgedOn.AddMonths(12);
        return lastRenewedOn is { } renewed && renewed.AddMonths(6) > first ? renewed.AddMonths(6) : first;
    }
}
