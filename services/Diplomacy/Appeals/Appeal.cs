using Coordination.Diplomacy.V1;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Diplomacy.Appeals;

/// <summary>One budget line's gap, as finance reported it with FundRunwayLow (US cents).</summary>
public sealed record AppealGap(string BudgetLineId, string Category, string Description, long RequirementUsdCents, long FundedUsdCents, long GapUsdCents);

/// <summary>One partner's committed-against-delivered line on the day of an appeal (officers, and money in US cents).</summary>
public sealed record AppealLine(
    string Nation,
    int OfficersCommitted,
    int OfficersDelivered,
    int OfficersOverdue,
    int OfficersDeployed,
    long UsdCommittedCents,
    long UsdDeliveredCents,
    long UsdOverdueCents,
    long UsdPledgedCents,
    int CommitmentsOverdue,
    DateOnly? OverdueSince,
    long UsdInKindPledgedCents = 0,
    int InKindPledges = 0);

/// <summary>
/// The trust fund's funding as finance last reported it (FundRunwayLow): what an appeal quotes for the gap and the
/// runway. One row, replaced by each report.
/// </summary>
public sealed class FundingPicture
{
    public const string TrustFund = "trust-fund";

    public string Id { get; init; } = TrustFund;
    public long BalanceUsdCents { get; set; }
    public long MonthlyBurnUsdCents { get; set; }
    public string RunwayMonths { get; set; } = "";
    public int WarningMonths { get; set; }
    public DateOnly AsOf { get; set; }
    public string BudgetPeriodId { get; set; } = "";
    public List<AppealGap> Gaps { get; set; } = [];
    public DateTime HeardAt { get; set; }
    public int Revision { get; set; }
}

/// <summary>
/// A call to partners to honour their commitments, as it stood on its day: the funding gap per budget line and the
/// runway it quotes, and every partner's line. It never changes once issued.
/// </summary>
public sealed class Appeal : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public DateOnly IssuedOn { get; private init; }
    public AppealTrigger Trigger { get; private init; }
    public string Message { get; private init; } = "";
    public long GapUsdCents { get; private init; }
    public List<AppealGap> Gaps { get; private init; } = [];
    public string RunwayMonths { get; private init; } = "";
    public long BalanceUsdCents { get; private init; }
    public long MonthlyBurnUsdCents { get; private init; }
    public DateOnly? FundingAsOf { get; private init; }
    public string BudgetPeriodId { get; private init; } = "";
    public List<AppealLine> Lines { get; private init; } = [];
    public Audit Audit { get; private init; } = null!;

    private Appeal()
    {
    }

    public static Appeal Issue(DateOnly issuedOn, AppealTrigger trigger, string message, FundingPicture? funding,
        IReadOnlyList<AppealLine> lines, Audit audit) => new()
    {
        IssuedOn = issuedOn,
        Trigger = trigger,
        Message = message,
        Gaps = funding is null ? [] : [.. funding.Gaps.OrderByDescending(g => g.GapUsdCents).ThenBy(g => g.BudgetLineId, StringComparer.Ordinal)],
        GapUsdCents = funding?.Gaps.Sum(g => g.GapUsdCents) ?? 0,
        RunwayMonths = funding?.RunwayMonths ?? "",
        BalanceUsdCents = funding?.BalanceUsdCents ?? 0,
        MonthlyBurnUsdCents = funding?.MonthlyBurnUsdCents ?? 0,
        FundingAsOf = funding?.AsOf,
        BudgetPeriodId = funding?.BudgetPeriodId ?? "",
        Lines = [.. lines],
        Audit = audit,
    };
}

public sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> b)
    {
        b.ToTable("appeals");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Message).HasMaxLength(2_000);
        b.Property(x => x.RunwayMonths).HasMaxLength(20);
        b.Property(x => x.BudgetPeriodId).HasMaxLength(32);
        b.Property(x => x.Gaps).HasJsonConversion();
        b.Property(x => x.Lines).HasJsonConversion();
        b.ComplexProperty(x => x.Audit);
    }
}

public sealed class FundingPictureConfiguration : IEntityTypeConfiguration<FundingPicture>
{
    public void Configure(EntityTypeBuilder<FundingPicture> b)
    {
        b.ToTable("funding_pictures");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(20);
        b.Property(x => x.RunwayMonths).HasMaxLength(20);
        b.Property(x => x.BudgetPeriodId).HasMaxLength(32);
        b.Property(x => x.Gaps).HasJsonConversion();
        b.Property(x => x.Revision).IsConcurrencyToken();
    }
}
