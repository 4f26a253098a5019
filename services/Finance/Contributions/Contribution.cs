using Coordination.Finance.V1;
using Coordination.Persistence;
using Coordination.Values;

namespace Coordination.Finance.Contributions;

/// <summary>A donor's contribution: the amount as pledged, and its USD value fixed by the recorded rate.</summary>
public sealed class Contribution : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string DonorNation { get; private init; } = "";
    public string Currency { get; private init; } = "";
    public long AmountMinorUnits { get; private init; }
    /// <summary>USD per unit of <see cref="Currency"/>, kept as the exact decimal text the caller sent.</summary>
    public string UsdRate { get; private init; } = "1";
    public DateOnly? RateDate { get; private init; }
    public long UsdCents { get; private init; }
    public Channel Channel { get; private init; }
    public ContributionStatus Status { get; private set; }
    /// <summary>Where a suspended contribution returns when the suspension is lifted.</summary>
    public ContributionStatus? StatusBeforeSuspension { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public int Revision { get; private set; }
    public DateOnly DecidedOn { get; private init; }
    public string Earmark { get; private init; } = "";
    public string AgreementReference { get; private init; } = "";
    public Audit Audit { get; private init; } = null!;

    public ExactMoney Amount => new(Currency, AmountMinorUnits);
    public ExactMoney UsdValue => new("USD", UsdCents);

    private Contribution()
    {
    }

    /// <summary>Moves the status, returning the history entry; the lifecycle says which moves are allowed.</summary>
    public ContributionStatusChange MoveTo(ContributionStatus target, DateOnly? effectiveOn, string reason, string by, DateTime now)
    {
        ContributionLifecycle.EnsureAllowed(this, target);
        var change = new ContributionStatusChange
        {
            ContributionId = Id,
            From = Status,
            To = target,
            EffectiveOn = effectiveOn,
            Reason = reason,
            ChangedBy = by,
            ChangedAt = now,
        };
        StatusBeforeSuspension = target == ContributionStatus.Suspended ? Status : null;
        if (target == ContributionStatus.Paid)
        {
            PaidOn = effectiveOn;
        }
        Status = target;
        Revision++;
        return change;
    }

    public static Contribution Pledge(string donor, ExactMoney amount, decimal usdRate, string usdRateText, DateOnly? rateDate,
        Channel channel, DateOnly decidedOn, string earmark, string agreementReference, Audit audit) => new()
    {
        DonorNation = donor,
        Currency = amount.Currency,
        AmountMinorUnits = amount.MinorUnits,
        UsdRate = usdRateText,
        RateDate = rateDate,
        UsdCents = amount.ConvertTo("USD", usdRate).MinorUnits,
        Channel = channel,
        Status = ContributionStatus.Pledged,
        DecidedOn = decidedOn,
        Earmark = earmark,
        AgreementReference = agreementReference,
        Audit = audit,
    };
}
