using System.Globalization;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Events;
using Coordination.Messaging;
using Coordination.Persistence;

namespace Coordination.Diplomacy.Appeals;

/// <summary>
/// Finance reports the trust fund's runway falling below its threshold: diplomacy keeps the funding figures (the gap per
/// budget line, the runway) for every later appeal, and issues an appeal to partners at once, dated the day finance
/// measured the runway.
/// </summary>
public sealed class FundRunwayLowConsumer(DiplomacyDbContext db, ILogger<FundRunwayLowConsumer> logger)
    : IdempotentConsumer<FundRunwayLow>(db, logger)
{
    public const string Reason = "fund-runway-low";

    protected override async Task HandleAsync(FundRunwayLow message, CancellationToken ct)
    {
        var funding = await db.FundingPictures.FindAsync([FundingPicture.TrustFund], ct);
        if (funding is null)
        {
            funding = new FundingPicture();
            db.FundingPictures.Add(funding);
        }
        else if (funding.HeardAt > message.OccurredAt)
        {
            return; // an older report arriving late: the newer figures stand, and its appeal was overtaken
        }
        else
        {
            funding.Revision++;
        }
        funding.BalanceUsdCents = message.BalanceUsdCents;
        funding.MonthlyBurnUsdCents = message.MonthlyBurnUsdCents;
        funding.RunwayMonths = message.RunwayMonths;
        funding.WarningMonths = message.WarningMonths;
        funding.AsOf = message.AsOf;
        funding.BudgetPeriodId = message.BudgetPeriodId;
        funding.Gaps = [.. message.Gaps.Select(g => new AppealGap(g.BudgetLineId, g.Category, g.Description, g.RequirementUsdCents, g.FundedUsdCents, g.GapUsdCents))];
        funding.HeardAt = message.OccurredAt;

        var gap = message.Gaps.Sum(g => g.GapUsdCents) / 100m;
        var text = $"The trust fund's runway is {message.RunwayMonths} months, below the {message.WarningMonths} the mission needs, "
            + $"and its budget lines are short of USD {gap.ToString("N0", CultureInfo.InvariantCulture)}. "
            + "Partners are asked to honour their commitments of officers and money, the most overdue first.";
        await AppealIssuer.IssueAsync(db, AppealTrigger.FundRunwayLow, text, message.AsOf, Audit.System(Reason, message.OccurredAt), message.OccurredAt, ct);
    }
}
