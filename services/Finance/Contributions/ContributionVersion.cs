using Coordination.Finance.Ledger;
using Coordination.Finance.V1;
using Coordination.Persistence;

namespace Coordination.Finance.Contributions;

/// <summary>
/// One version of a contribution: the whole flow as it stood after a change, the change itself (who, when, from which
/// request, why), and its place in the ledger's hash chain. Versions are only ever added.
/// </summary>
public sealed class ContributionVersion : IKeyed, ILedgerEntry
{
    public const string Kind = "contribution_version";

    public string Id { get; init; } = Ids.New();
    public string ContributionId { get; init; } = "";
    public int Version { get; init; }
    public VersionChange Change { get; init; }
    public string DonorNation { get; init; } = "";
    public string ParentId { get; init; } = "";
    public string BudgetLineId { get; init; } = "";
    public Channel Channel { get; init; }
    public ContributionStatus Status { get; init; }
    public ContributionStatus? StatusBeforeSuspension { get; init; }
    public string Currency { get; init; } = "";
    public long AmountMinorUnits { get; init; }
    public string UsdRate { get; init; } = "";
    public DateOnly? RateDate { get; init; }
    public long UsdCents { get; init; }
    public bool Unvalued { get; init; }
    public string Earmark { get; init; } = "";
    public string AgreementReference { get; init; } = "";
    public DateOnly DecidedOn { get; init; }
    public DateOnly ReportedOn { get; init; }
    public DateOnly? PaidOn { get; init; }
    public string Reason { get; init; } = "";
    public DateOnly? EffectiveOn { get; init; }
    public string RecordedBy { get; init; } = "";
    public DateTime RecordedAt { get; init; }
    public string RequestId { get; init; } = "";
    public long Sequence { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public string RecordId => ContributionId;

    public string EntryKind => Kind;

    /// <summary>The contribution as it stands now, as its next version.</summary>
    public static ContributionVersion Of(Contribution c, VersionChange change, string reason, DateOnly? effectiveOn,
        string recordedBy, DateTime recordedAt, string requestId) => new()
    {
        ContributionId = c.Id,
        Version = c.NextVersion(),
        Change = change,
        DonorNation = c.DonorNation,
        ParentId = c.ParentId,
        BudgetLineId = c.BudgetLineId,
        Channel = c.Channel,
        Status = c.Status,
        StatusBeforeSuspension = c.StatusBeforeSuspension,
        Currency = c.Currency,
        AmountMinorUnits = c.AmountMinorUnits,
        UsdRate = c.UsdRate,
        RateDate = c.RateDate,
        UsdCents = c.UsdCents,
        Unvalued = c.Unvalued,
        Earmark = c.Earmark,
        AgreementReference = c.AgreementReference,
        DecidedOn = c.DecidedOn,
        ReportedOn = c.ReportedOn,
        PaidOn = c.PaidOn,
        Reason = reason,
        EffectiveOn = effectiveOn,
        RecordedBy = recordedBy,
        RecordedAt = recordedAt,
        RequestId = requestId,
    };

    public CanonicalForm Canonical() => new CanonicalForm(Kind, Sequence)
        .Add("contribution_id", ContributionId)
        .Add("version", Version)
        .Add("change", ContributionLifecycle.Name(Change))
        .Add("donor_nation", DonorNation)
        .Add("parent_id", ParentId)
        .Add("budget_line_id", BudgetLineId)
        .Add("channel", ContributionLifecycle.Name(Channel))
        .Add("status", ContributionLifecycle.Name(Status))
        .Add("status_before_suspension", ContributionLifecycle.Name(StatusBeforeSuspension))
        .Add("currency", Currency)
        .Add("amount_minor_units", AmountMinorUnits)
        .Add("usd_rate", UsdRate)
        .Add("rate_date", RateDate)
        .Add("usd_cents", UsdCents)
        .Add("unvalued", Unvalued)
        .Add("earmark", Earmark)
        .Add("agreement_reference", AgreementReference)
        .Add("decided_on", DecidedOn)
        .Add("reported_on", ReportedOn)
        .Add("paid_on", PaidOn)
        .Add("reason", Reason)
        .Add("effective_on", EffectiveOn)
        .Add("recorded_by", RecordedBy)
        .Add("recorded_at", RecordedAt)
        .Add("request_id", RequestId);
}
