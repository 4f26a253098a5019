using Coordination.Errors;
using Coordination.Personnel.V1;

namespace Coordination.Personnel.Pledges;

/// <summary>The evidence behind a pledge's readiness level. Unset means not recorded yet.</summary>
public sealed record PledgeEvidence
{
    public DateOnly? AssessmentVisitOn { get; init; }
    public DateOnly? VerifiedOn { get; init; }
    public int? DeployableWithinDays { get; init; }
    public DateOnly? RapidDeploymentConfirmedOn { get; init; }
}

/// <summary>
/// The one place that says what each readiness level needs (UN PCRS): L2 an assessment visit, L3 a verification on or
/// after it, RAPID_DEPLOYMENT an undertaking to deploy within 60 days confirmed on or after the verification. The level
/// is always the highest gate the evidence meets. Evidence is only added, so the level never drops, except when a
/// revision pledges another unit (<see cref="Declared"/>). Every gate needs something only the mission records (a visit,
/// a verification, a confirmation): a nation's own statement raises none.
/// </summary>
public static class Readiness
{
    public const int RapidDeploymentDays = 60;

    public static ReadinessLevel LevelFor(PledgeEvidence e) =>
        e.AssessmentVisitOn is null ? ReadinessLevel.L1
        : e.VerifiedOn is null ? ReadinessLevel.L2
        : e.DeployableWithinDays is not <= RapidDeploymentDays || e.RapidDeploymentConfirmedOn is null ? ReadinessLevel.L3
        : ReadinessLevel.RapidDeployment;

    /// <summary>What the next level still needs, named by the fields that carry it.</summary>
    public static IReadOnlyList<string> MissingForNext(PledgeEvidence e) => LevelFor(e) switch
    {
        ReadinessLevel.L1 => ["assessment_visit_on"],
        ReadinessLevel.L2 => ["verified_on"],
        ReadinessLevel.L3 => e.DeployableWithinDays is null or > RapidDeploymentDays
            ? [$"deployable_within_days of {RapidDeploymentDays} or fewer", "rapid_deployment_confirmed_on"]
            : ["rapid_deployment_confirmed_on"],
        _ => [],
    };

    /// <summary>
    /// Adds newly recorded evidence. A date already recorded cannot change. The undertaking (deployable_within_days,
    /// the nation's own statement) may be recorded again only with fewer days, and once the mission has confirmed one,
    /// a new one comes with the mission's confirmation of it, so a level never rises on the nation's word alone and never
    /// drops. A confirmation confirms the undertaking recorded. Dates must follow the gates' order whatever was
    /// recorded first.
    /// </summary>
    public static PledgeEvidence Add(string pledgeId, PledgeEvidence current, PledgeEvidence added)
    {
        var subject = $"pledges/{pledgeId}";
        void Once(DateOnly? was, DateOnly? now, string field)
        {
            if (was is not null && now is not null && was != now)
            {
                throw new PreconditionFailedException("PLEDGE_EVIDENCE_RECORDED", subject,
                    $"{field} is already recorded as {was:yyyy-MM-dd}; recorded evidence cannot be changed.");
            }
        }
        Once(current.AssessmentVisitOn, added.AssessmentVisitOn, "assessment_visit_on");
        Once(current.VerifiedOn, added.VerifiedOn, "verified_on");
        var undertaking = current;
        if (added.DeployableWithinDays is { } days)
        {
            if (current.DeployableWithinDays is { } before && days >= before)
            {
                throw new PreconditionFailedException("PLEDGE_EVIDENCE_RECORDED", subject,
                    $"An undertaking to deploy within {before} days is already recorded; it can only be replaced by a shorter one.");
            }
            if (current.RapidDeploymentConfirmedOn is { } confirmed)
            {
                if (added.RapidDeploymentConfirmedOn is not { } reconfirmed)
                {
                    throw new PreconditionFailedException("PLEDGE_EVIDENCE_RECORDED", subject,
                        $"The undertaking to deploy within {current.DeployableWithinDays} days was confirmed on {confirmed:yyyy-MM-dd}; a new one is recorded with the mission's confirmation of it.");
                }
                if (reconfirmed < confirmed)
                {
                    throw new PreconditionFailedException("PLEDGE_EVIDENCE_ORDER", subject,
                        $"The new undertaking cannot be confirmed before the previous one ({confirmed:yyyy-MM-dd}).");
                }
            }
            undertaking = current with { DeployableWithinDays = days, RapidDeploymentConfirmedOn = added.RapidDeploymentConfirmedOn };
        }
        else if (added.RapidDeploymentConfirmedOn is { } confirmation)
        {
            if (current.DeployableWithinDays is null)
            {
                throw new PreconditionFailedException("PLEDGE_EVIDENCE_ORDER", subject,
                    "rapid_deployment_confirmed_on confirms the nation's undertaking, and none is recorded: record deployable_within_days first, or with it.");
            }
            Once(current.RapidDeploymentConfirmedOn, confirmation, "rapid_deployment_confirmed_on");
            undertaking = current with { RapidDeploymentConfirmedOn = confirmation };
        }
        var merged = undertaking with
        {
            AssessmentVisitOn = current.AssessmentVisitOn ?? added.AssessmentVisitOn,
            VerifiedOn = current.VerifiedOn ?? added.VerifiedOn,
        };
        if (merged.AssessmentVisitOn is { } visit && merged.VerifiedOn is { } verified && verified < visit)
        {
            throw new PreconditionFailedException("PLEDGE_EVIDENCE_ORDER", subject,
                $"verified_on {verified:yyyy-MM-dd} is before the assessment visit on {visit:yyyy-MM-dd}; a unit is verified after it is assessed.");
        }
        if (merged.VerifiedOn is { } v && merged.RapidDeploymentConfirmedOn is { } c && c < v)
        {
            throw new PreconditionFailedException("PLEDGE_EVIDENCE_ORDER", subject,
                $"rapid_deployment_confirmed_on {c:yyyy-MM-dd} is before the verification on {v:yyyy-MM-dd}.");
        }
        return merged;
    }

    /// <summary>
    /// What of <paramref name="evidence"/> the nation alone stands for: its undertaking (deployable_within_days). The
    /// visits and the confirmation are the mission's, of the unit it saw; a revision to another unit keeps only this.
    /// </summary>
    public static PledgeEvidence Declared(PledgeEvidence evidence) => new() { DeployableWithinDays = evidence.DeployableWithinDays };

    /// <summary>The evidence dates of <paramref name="evidence"/>, named by the fields that carry them.</summary>
    public static IEnumerable<(string Field, DateOnly Day)> Dates(PledgeEvidence evidence)
    {
        if (evidence.AssessmentVisitOn is { } visit)
        {
            yield return ("assessment_visit_on", visit);
        }
        if (evidence.VerifiedOn is { } verified)
        {
            yield return ("verified_on", verified);
        }
        if (evidence.RapidDeploymentConfirmedOn is { } confirmed)
        {
            yield return ("rapid_deployment_confirmed_on", confirmed);
        }
    }

    public static string Name(ReadinessLevel level) => level switch
    {
        ReadinessLevel.L1 => "L1",
        ReadinessLevel.L2 => "L2",
        ReadinessLevel.L3 => "L3",
        ReadinessLevel.RapidDeployment => "RAPID_DEPLOYMENT",
        _ => level.ToString().ToUpperInvariant(),
    };

    public static string UnitTypeName(UnitType type) => type switch
    {
        UnitType.FormedPoliceUnit => "FORMED_POLICE_UNIT",
        UnitType.IndividualPoliceOfficers => "INDIVIDUAL_POLICE_OFFICERS",
        UnitType.StaffOfficers => "STAFF_OFFICERS",
        _ => type.ToString(),
    };
}
