using Coordination.Auth;
using Coordination.Errors;
using Coordination.Persistence;

namespace Coordination.Diplomacy.Mandates;

/// <summary>How the Council voted on a resolution.</summary>
public sealed record CouncilVote(int InFavour, int Against, int Abstentions);

/// <summary>A Security Council mandate with its renewals; the period and ceiling reflect the latest renewal.</summary>
public sealed class Mandate : IKeyed
{
    private readonly List<MandateRenewal> renewals = [];

    public string Id { get; private init; } = Ids.New();
    public string ResolutionSymbol { get; private init; } = "";
    public DateOnly AdoptedOn { get; private init; }
    public CouncilVote Vote { get; private init; } = null!;
    public DateOnly PeriodStart { get; private init; }
    public DateOnly PeriodEnd { get; private set; }
    public int PersonnelCeiling { get; private set; }
    public int Revision { get; private set; }
    public Audit Audit { get; private init; } = null!;
    public IReadOnlyList<MandateRenewal> Renewals => renewals;

    private Mandate()
    {
    }

    public static Mandate Adopt(string symbol, DateOnly adoptedOn, CouncilVote vote, DateOnly start, DateOnly end, int ceiling, Audit audit) => new()
    {
        ResolutionSymbol = symbol,
        AdoptedOn = adoptedOn,
        Vote = vote,
        PeriodStart = start,
        PeriodEnd = end,
        PersonnelCeiling = ceiling,
        Audit = audit,
    };

    /// <summary>
    /// A renewal extends the period while the mandate is still in force; once it has lapsed, the Council must
    /// adopt a successor mandate instead.
    /// </summary>
    public MandateRenewal Extend(string symbol, DateOnly adoptedOn, DateOnly newEnd, int newCeiling, CouncilVote vote, Caller caller, string requestId, DateTime now)
    {
        if (adoptedOn > PeriodEnd)
        {
            throw new PreconditionFailedException("MANDATE_EXPIRED", $"mandates/{Id}",
                $"{ResolutionSymbol} expired on {PeriodEnd:yyyy-MM-dd}, before the renewal adopted on {adoptedOn:yyyy-MM-dd}; a lapsed mandate needs a successor mandate, not a renewal.");
        }
        if (newEnd <= PeriodEnd)
        {
            throw new RequestValidationException([new FieldViolation("period_end", $"must be after the current period end {PeriodEnd:yyyy-MM-dd}")]);
        }
        var renewal = new MandateRenewal
        {
            MandateId = Id,
            ResolutionSymbol = symbol,
            AdoptedOn = adoptedOn,
            PreviousPeriodEnd = PeriodEnd,
            PeriodEnd = newEnd,
            PersonnelCeiling = newCeiling > 0 ? newCeiling : PersonnelCeiling,
            Vote = vote,
        };
        renewals.Add(renewal);
        PeriodEnd = newEnd;
        PersonnelCeiling = renewal.PersonnelCeiling;
        Revision++;
        Audit.Touch(caller, requestId, now);
        return renewal;
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
    public CouncilVote Vote { get; init; } = null!;
}
