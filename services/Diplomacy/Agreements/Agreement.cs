using Coordination.Contracts;
using Coordination.Auth;
using Coordination.Diplomacy.V1;
using Coordination.Errors;
using Coordination.Persistence;
using Coordination.Validation;

namespace Coordination.Diplomacy.Agreements;

/// <summary>An agreement between nations; each party moves through its own lifecycle.</summary>
public sealed class Agreement : IKeyed
{
    private readonly List<AgreementParty> parties = [];

    public string Id { get; private init; } = Ids.New();
    public AgreementKind Kind { get; private init; }
    public string Title { get; private init; } = "";
    public int Revision { get; private set; }
    public Audit Audit { get; private init; } = null!;
    public IReadOnlyList<AgreementParty> Parties => parties;

    private Agreement()
    {
    }

    public static Agreement Draft(AgreementKind kind, string title, IEnumerable<string> nations, Audit audit)
    {
        var agreement = new Agreement { Kind = kind, Title = title, Audit = audit };
        agreement.parties.AddRange(nations.Select((nation, i) => new AgreementParty
        {
            AgreementId = agreement.Id,
            Nation = nation,
            Position = i,
            Status = AgreementStatus.Draft,
        }));
        return agreement;
    }

    /// <summary>In force when every party is; terminated when any party terminated; else the least advanced party's status.</summary>
    public AgreementStatus Status =>
        parties.Any(p => p.Status == AgreementStatus.Terminated) ? AgreementStatus.Terminated : parties.Min(p => p.Status);

    /// <summary>
    /// The day the agreement entered into force: the day the last party did (parties' steps may be recorded in any
    /// order, so not the day of the step recorded last); null until every party has.
    /// </summary>
    public DateOnly? InForceOn => parties.All(p => p.InForceOn is not null) ? parties.Max(p => p.InForceOn) : null;

    /// <summary>Moves one party one step; true when this step brought the whole agreement into force.</summary>
    public bool ChangeParty(string nation, AgreementStatus target, DateOnly on, Caller caller, string requestId, DateTime now)
    {
        var party = parties.FirstOrDefault(p => p.Nation == nation)
            ?? throw new RequestValidationException([new FieldViolation("nation_code", $"{nation} is not a party to this agreement; parties: {string.Join(", ", parties.Select(p => p.Nation))}")]);
        var wasInForce = Status == AgreementStatus.InForce;
        AgreementLifecycle.EnsureAllowed(Id, nation, party.Status, target);
        var v = new Violations();
        v.NotBefore(on, party.LastStepOn, "effective_on", $"{nation}'s previous step on this agreement");
        v.ThrowIfAny();
        party.MoveTo(target, on);
        Revision++;
        Audit.Touch(caller, requestId, now);
        return !wasInForce && Status == AgreementStatus.InForce;
    }
}

/// <summary>One party to an agreement and the days it took each step.</summary>
public sealed class AgreementParty
{
    public string AgreementId { get; init; } = "";
    public string Nation { get; init; } = "";
    public int Position { get; init; }
    public AgreementStatus Status { get; set; }
    public DateOnly? SignedOn { get; private set; }
    public DateOnly? RatifiedOn { get; private set; }
    public DateOnly? InForceOn { get; private set; }
    public DateOnly? TerminatedOn { get; private set; }

    /// <summary>The day of the party's latest step; null while it is a draft.</summary>
    public DateOnly? LastStepOn => TerminatedOn ?? InForceOn ?? RatifiedOn ?? SignedOn;

    public void MoveTo(AgreementStatus status, DateOnly on)
    {
        Status = status;
        switch (status)
        {
            case AgreementStatus.Signed: SignedOn = on; break;
            case AgreementStatus.Ratified: RatifiedOn = on; break;
            case AgreementStatus.InForce: InForceOn = on; break;
            case AgreementStatus.Terminated: TerminatedOn = on; break;
        }
    }
}

/// <summary>The one place that says which step a party may take next.</summary>
public static class AgreementLifecycle
{
    private static readonly Dictionary<AgreementStatus, AgreementStatus[]> Next = new()
    {
        [AgreementStatus.Draft] = [AgreementStatus.Signed],
        [AgreementStatus.Signed] = [AgreementStatus.Ratified, AgreementStatus.Terminated],
        [AgreementStatus.Ratified] = [AgreementStatus.InForce, AgreementStatus.Terminated],
        [AgreementStatus.InForce] = [AgreementStatus.Terminated],
        [AgreementStatus.Terminated] = [],
    };

    public static void EnsureAllowed(string agreementId, string nation, AgreementStatus from, AgreementStatus to)
    {
        if (Next[from].Contains(to))
        {
            return;
        }
        var message = from == to
            ? $"{nation} is already {ProtoEnumNames.Of(from)} on this agreement; a party takes each step once."
            : $"{nation} cannot move from {ProtoEnumNames.Of(from)} to {ProtoEnumNames.Of(to)}; from {ProtoEnumNames.Of(from)} it may move to: {(Next[from].Length == 0 ? "none" : string.Join(", ", Next[from].Select(s => ProtoEnumNames.Of(s))))}.";
        throw new PreconditionFailedException("AGREEMENT_PARTY_TRANSITION", $"agreements/{agreementId}/parties/{nation}", message);
    }

    public static string KindName(AgreementKind kind) => kind switch
    {
        AgreementKind.StatusOfForces => "STATUS_OF_FORCES",
        AgreementKind.BilateralReciprocal => "BILATERAL_RECIPROCAL",
        AgreementKind.MouTourism => "MOU_TOURISM",
        AgreementKind.MouCulture => "MOU_CULTURE",
        _ => "OTHER",
    };

    /// <summary>How far a status has come, for the matrix: in force beats ratified, and so on; terminated counts least.</summary>
    public static int Rank(AgreementStatus status) => status == AgreementStatus.Terminated ? 0 : (int)status;
}
