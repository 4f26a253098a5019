using Coordination.Finance.V1;
using Coordination.Persistence;
using Coordination.Values;

namespace Coordination.Finance.Contributions;

/// <summary>
/// A flow of money to the mission as it stands at its latest version: a donor's contribution, or an allocation from the
/// trust fund to a budget line (an internal transfer, with a parent). The versions are the record; this row repeats the
/// latest one so that queries and reports need not look for it, and the ledger check compares the two.
/// </summary>
public sealed class Contribution : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string DonorNation { get; private init; } = "";
    /// <summary>The donor contribution an allocation draws on; empty for a donor's own contribution.</summary>
    public string ParentId { get; private init; } = "";
    public string BudgetLineId { get; private set; } = "";
    public Channel Channel { get; private set; }
    public string Currency { get; private set; } = "";
    public long AmountMinorUnits { get; private set; }
    /// <summary>USD per unit of <see cref="Currency"/>, kept as the exact decimal text given; empty while unvalued.</summary>
    public string UsdRate { get; private set; } = "1";
    public DateOnly? RateDate { get; private set; }
    public long UsdCents { get; private set; }
    public bool Unvalued { get; private set; }
    public ContributionStatus Status { get; private set; }
    /// <summary>Where a suspended contribution returns when the suspension is lifted.</summary>
    public ContributionStatus? StatusBeforeSuspension { get; private set; }
    public DateOnly DecidedOn { get; private set; }
    public DateOnly ReportedOn { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public string Earmark { get; private set; } = "";
    public string AgreementReference { get; private set; } = "";
    /// <summary>Number of the latest version.</summary>
    public int Version { get; private set; }
    public int Revision { get; private set; }
    public Audit Audit { get; private init; } = null!;

    public ExactMoney Amount => new(Currency, AmountMinorUnits);
    public ExactMoney UsdValue => new("USD", UsdCents);

    /// <summary>An allocation from the trust fund: money already counted when the donor paid it in.</summary>
    public bool IsInternal => ParentId.Length > 0;

    public ContributionTerms Terms => new(Currency, AmountMinorUnits, UsdRate, RateDate, UsdCents, Unvalued, Channel, BudgetLineId,
        Earmark, AgreementReference, DecidedOn, ReportedOn, PaidOn);

    private Contribution()
    {
    }

    /// <summary>A new flow at version 0; the caller appends its first version.</summary>
    public static Contribution Open(string donor, string parentId, ContributionStatus status, ContributionTerms terms, Audit audit)
    {
        var contribution = new Contribution { DonorNation = donor, ParentId = parentId, Status = status, Audit = audit };
        contribution.Apply(terms);
        return contribution;
    }

    /// <summary>Moves the status; the lifecycle says which moves are allowed.</summary>
    public void MoveTo(ContributionStatus target, DateOnly? effectiveOn)
    {
        ContributionLifecycle.EnsureAllowed(this, target);
        StatusBeforeSuspension = target == ContributionStatus.Suspended ? Status : null;
        if (target == ContributionStatus.Paid)
        {
            PaidOn = effectiveOn;
        }
        Status = target;
    }

    public void Apply(ContributionTerms terms)
    {
        Currency = terms.Currency;
        AmountMinorUnits = terms.AmountMinorUnits;
        UsdRate = terms.UsdRate;
        RateDate = terms.RateDate;
        UsdCents = terms.UsdCents;
        Unvalued = terms.Unvalued;
        Channel = terms.Channel;
        BudgetLineId = terms.BudgetLineId;
        Earmark = terms.Earmark;
        AgreementReference = terms.AgreementReference;
        DecidedOn = terms.DecidedOn;
        ReportedOn = terms.ReportedOn;
        PaidOn = terms.PaidOn;
    }

    /// <summary>Counts the next version; every change goes through here once.</summary>
    public int NextVersion()
    {
        Version++;
        Revision++;
        return Version;
    }
}

/// <summary>What a correction may change: everything about a flow except who gave it, where it came from and its status.</summary>
public sealed record ContributionTerms(
    string Currency,
    long AmountMinorUnits,
    string UsdRate,
    DateOnly? RateDate,
    long UsdCents,
    bool Unvalued,
    Channel Channel,
    string BudgetLineId,
    string Earmark,
    string AgreementReference,
    DateOnly DecidedOn,
    DateOnly ReportedOn,
    DateOnly? PaidOn);
