using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Validation;
using Coordination.Values;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Diplomacy.Appeals;

/// <summary>
/// Appeals to partners. Diplomats and mission admins issue them and read every partner's line; a contributor reads
/// the mission's figures and its own nation's line; other roles the mission's figures only.
/// </summary>
public sealed class AppealsApi(DiplomacyDbContext db, Writes writes, TimeProvider time) : AppealService.AppealServiceBase
{
    public override async Task<V1.Appeal> IssueAppeal(IssueAppealRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Text(request.Message, "message", 1, 2_000);
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var now = time.UtcNow();
            var appeal = await AppealIssuer.IssueAsync(db, AppealTrigger.Issued, request.Message, time.Today(),
                Audit.Created(caller, request.RequestId, now), now, context.CancellationToken);
            return appeal.ToProto(caller);
        });
    }

    public override async Task<V1.Appeal> GetAppeal(GetAppealRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.Id(request.Id);
        v.ThrowIfAny();
        var appeal = await db.Appeals.AsNoTracking().GetAsync(request.Id, "appeal", context.CancellationToken);
        return appeal.ToProto(caller);
    }

    public override async Task<ListAppealsResponse> ListAppeals(ListAppealsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        v.ThrowIfAny();
        var (items, page) = await db.Appeals.AsNoTracking().ToPageAsync(cursor, context.CancellationToken);
        return new ListAppealsResponse { Appeals = { items.Select(a => a.ToProto(caller)) }, Page = page };
    }
}

public static class AppealMapping
{
    /// <summary>The appeal as <paramref name="caller"/> may see it: the mission's figures, and the partners' lines it reaches.</summary>
    public static V1.Appeal ToProto(this Appeal a, Caller caller) => new()
    {
        Id = a.Id,
        IssuedOn = a.IssuedOn.ToProto(),
        Trigger = a.Trigger,
        Message = a.Message,
        Gap = Usd(a.GapUsdCents),
        Gaps =
        {
            a.Gaps.Select(g => new AppealFundingGap
            {
                BudgetLineId = g.BudgetLineId, Category = g.Category, Description = g.Description,
                Requirement = Usd(g.RequirementUsdCents), Funded = Usd(g.FundedUsdCents), Gap = Usd(g.GapUsdCents),
            }),
        },
        RunwayMonths = a.RunwayMonths,
        FundBalance = Usd(a.BalanceUsdCents),
        MonthlyBurn = Usd(a.MonthlyBurnUsdCents),
        FundingAsOf = a.FundingAsOf?.ToProto(),
        BudgetPeriodId = a.BudgetPeriodId,
        Partners = { a.Lines.Where(l => caller.Reaches(l.Nation)).Select(ToProto) },
        PartnerCount = a.Lines.Count,
        Audit = a.Audit.ToProto(),
    };

    private static AppealPartnerLine ToProto(AppealLine l) => new()
    {
        NationCode = l.Nation,
        OfficersCommitted = l.OfficersCommitted,
        OfficersDelivered = l.OfficersDelivered,
        OfficersOverdue = l.OfficersOverdue,
        OfficersDeployed = l.OfficersDeployed,
        UsdCommitted = Usd(l.UsdCommittedCents),
        UsdDelivered = Usd(l.UsdDeliveredCents),
        UsdOverdue = Usd(l.UsdOverdueCents),
        UsdPledged = Usd(l.UsdPledgedCents),
        CommitmentsOverdue = l.CommitmentsOverdue,
        OverdueSince = l.OverdueSince?.ToProto(),
        UsdInKindPledged = Usd(l.UsdInKindPledgedCents),
        InKindPledges = l.InKindPledges,
    };

    private static Common.V1.Money Usd(long cents) => new ExactMoney("USD", cents).ToProto();
}
