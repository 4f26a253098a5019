using Coordination.Auth;
using Coordination.Diplomacy.V1;
using Coordination.Errors;
using Coordination.Persistence;
using Coordination.Validation;

namespace Coordination.Diplomacy.Mandates;

/// <summary>How the Council voted on a resolution.</summary>
public sealed record CouncilVote(int InFavour, int Against, int Abstentions);

/// <summary>One member's vote, as recorded.</summary>
public sealed record MemberVoteRecord(string Member, VotePosition Position);

/// <summary>A report or review a mandate requires.</summary>
public sealed record Obligation(string Title, DateOnly DueOn, ObligationKind Kind);

/// <summary>How a resolution splits its personnel ceiling (S/RES/2793 (2025): 5,500 uniformed and 50 civilian).</summary>
public sealed record CeilingParts(int Uniformed, int Civilian)
{
    public int Total => Uniformed + Civilian;

    public static CeilingParts? Of(int? uniformed, int? civilian) =>
        uniformed is { } u && civilian is { } c ? new CeilingParts(u, c) : null;
}

/// <summary>What the Council decided in adopting a mandate: everything AdoptMandate takes.</summary>
public sealed record MandateTerms(
    string ResolutionSymbol,
    DateOnly AdoptedOn,
    CouncilVote Vote,
    IReadOnlyList<MemberVoteRecord> MemberVotes,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int PersonnelCeiling,
    IReadOnlyList<string> Tasks,
    IReadOnlyList<Obligation> Obligations,
    CeilingParts? Split = null);

/// <summary>A Security Council mandate with its renewals; the period and ceiling reflect the latest renewal.</summary>
public sealed class Mandate : IKeyed
{
    private readonly List<MandateRenewal> renewals = [];

    public string Id { get; private init; } = Ids.New();
    public string ResolutionSymbol { get; private init; } = "";
    public DateOnly AdoptedOn { get; private init; }
    public CouncilVote Vote { get; private init; } = null!;
    public List<MemberVoteRecord> MemberVotes { get; private init; } = [];
    public DateOnly PeriodStart { get; private init; }
    public DateOnly PeriodEnd { get; private set; }
    public int PersonnelCeiling { get; private set; }
    /// <summary>The uniformed part of the ceiling when the resolution splits it (with <see cref="CivilianCeiling"/>).</summary>
    public int? UniformedCeiling { get; private set; }
    public int? CivilianCeiling { get; private set; }
    public CeilingParts? Split => CeilingParts.Of(UniformedCeiling, CivilianCeiling);
    public List<string> Tasks { get; private init; } = [];
    public List<Obligation> Obligations { get; private init; } = [];
    public string PredecessorId { get; private init; } = "";
    public string SuccessorId { get; private set; } = "";
    public int Revision { get; private set; }
    public Audit Audit { get; private init; } = null!;
    public IReadOnlyList<MandateRenewal> Renewals => renewals;

    private Mandate()
    {
    }

    public static Mandate Adopt(MandateTerms terms, Audit audit, string predecessorId = "") => new()
    {
        ResolutionSymbol = terms.ResolutionSymbol,
        AdoptedOn = terms.AdoptedOn,
        Vote = terms.Vote,
        MemberVotes = [.. terms.MemberVotes],
        PeriodStart = terms.PeriodStart,
        PeriodEnd = terms.PeriodEnd,
        PersonnelCeiling = terms.PersonnelCeiling,
        UniformedCeiling = terms.Split?.Uniformed,
        CivilianCeiling = terms.Split?.Civilian,
        Tasks = [.. terms.Tasks],
        Obligations = [.. terms.Obligations.OrderBy(o => o.DueOn)],
        PredecessorId = predecessorId,
        Audit = audit,
    };

    public MandateStatus StatusOn(DateOnly today) =>
        SuccessorId.Length > 0 ? MandateStatus.Succeeded
        : today < PeriodStart ? MandateStatus.Pending
        : today > PeriodEnd ? MandateStatus.Expired
        : MandateStatus.Active;

    /// <summary>
    /// A renewal extends the period while the mandate is still in force; once it has lapsed, the Council must
    /// adopt a successor mandate instead. A new ceiling of 0 keeps the current one; a new split sets the ceiling to its
    /// sum; a split ceiling cannot change without a new split.
    /// </summary>
    public MandateRenewal Extend(string symbol, DateOnly adoptedOn, DateOnly newEnd, int newCeiling, CeilingParts? newSplit, CouncilVote vote, Caller caller, string requestId, DateTime now)
    {
        EnsureNotSucceeded();
        EnsureAdoptedAfter(adoptedOn, "adopted_on");
        if (adoptedOn > PeriodEnd)
        {
            throw new PreconditionFailedException("MANDATE_EXPIRED", $"mandates/{Id}",
                $"{ResolutionSymbol} expired on {PeriodEnd:yyyy-MM-dd}, before the renewal adopted on {adoptedOn:yyyy-MM-dd}; a lapsed mandate needs a successor mandate, not a renewal.");
        }
        if (newEnd <= PeriodEnd)
        {
            throw new RequestValidationException([new FieldViolation("period_end", $"must be after the current period end {PeriodEnd:yyyy-MM-dd}")]);
        }
        var split = newSplit ?? Split;
        if (newSplit is null && Split is { } current && newCeiling > 0 && newCeiling != current.Total)
        {
            throw new RequestValidationException([new FieldViolation("ceiling_split",
                $"required to change the ceiling: {ResolutionSymbol} splits it into {current.Uniformed} uniformed and {current.Civilian} civilian personnel")]);
        }
        var renewal = new MandateRenewal
        {
            MandateId = Id,
            ResolutionSymbol = symbol,
            AdoptedOn = adoptedOn,
            PreviousPeriodEnd = PeriodEnd,
            PeriodEnd = newEnd,
            PersonnelCeiling = split?.Total ?? (newCeiling > 0 ? newCeiling : PersonnelCeiling),
            UniformedCeiling = split?.Uniformed,
            CivilianCeiling = split?.Civilian,
            Vote = vote,
        };
        renewals.Add(renewal);
        PeriodEnd = newEnd;
        PersonnelCeiling = renewal.PersonnelCeiling;
        UniformedCeiling = renewal.UniformedCeiling;
        CivilianCeiling = renewal.CivilianCeiling;
        Revision++;
        Audit.Touch(caller, requestId, now);
        return renewal;
    }

    /// <summary>A successor takes over: its period must follow on (no gap), and a mandate has one successor at most.</summary>
    public Mandate HandOverTo(MandateTerms successor, Caller caller, string requestId, DateTime now)
    {
        EnsureNotSucceeded();
        EnsureAdoptedAfter(successor.AdoptedOn, "successor.adopted_on");
        if (successor.PeriodStart > PeriodEnd.AddDays(1) || successor.PeriodStart <= PeriodStart)
        {
            throw new RequestValidationException([new FieldViolation("successor.period_start",
                $"must follow on from {ResolutionSymbol}: after {PeriodStart:yyyy-MM-dd} and no later than {PeriodEnd.AddDays(1):yyyy-MM-dd}")]);
        }
        var next = Adopt(successor, Audit.Created(caller, requestId, now), predecessorId: Id);
        SuccessorId = next.Id;
        Revision++;
        Audit.Touch(caller, requestId, now);
        return next;
    }

    /// <summary>A renewal or successor is adopted neither before this mandate nor before its latest renewal.</summary>
    private void EnsureAdoptedAfter(DateOnly adoptedOn, string field)
    {
        var v = new Violations();
        var (latest, what) = renewals.Count == 0
            ? (AdoptedOn, $"the adoption of {ResolutionSymbol}")
            : (renewals.Max(r => r.AdoptedOn), "the adoption of its latest renewal");
        v.NotBefore(adoptedOn, latest, field, what);
        v.ThrowIfAny();
    }

    private void EnsureNotSucceeded()
    {
        if (SuccessorId.Length > 0)
        {
            throw new PreconditionFailedException("MANDATE_SUCCEEDED", $"mandates/{Id}",
                $"{ResolutionSymbol} has been succeeded by mandate {SuccessorId}; renew or succeed that one instead.");
        }
    }
}

/// <summary>One renewal of a mandate.</summary>
public sealed class MandateRenewal
{
    public string Id { get; private init; } = Ids.New();
    public string MandateId { get; init; } = "";
    public string ResolutionSymbol { get; init; } = "";
    public DateOnly AdoptedOn { get; init; }
    public DateOnly PreviousPeriodEnd { get; init; }
    public DateOnly PeriodEnd { get; init; }
    public int PersonnelCeiling { get; init; }
    public int? UniformedCeiling { get; init; }
    public int? CivilianCeiling { get; init; }
    public CouncilVote Vote { get; init; } = null!;
}
