using Coordination.Auth;
using Coordination.Errors;
using Coordination.Finance.Persistence;
using Coordination.Finance.V1;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Validation;
using Coordination.Values;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Budget;

/// <summary>Budget periods and lines: readable by every authenticated caller; lines written by finance officers and mission admins.</summary>
public sealed class BudgetApi(FinanceDbContext db, Writes writes, TimeProvider time) : BudgetService.BudgetServiceBase
{
    public override async Task<ListBudgetPeriodsResponse> ListBudgetPeriods(ListBudgetPeriodsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        v.ThrowIfAny();
        var (items, page) = await db.BudgetPeriods.AsNoTracking().ToPageAsync(cursor, context.CancellationToken);
        return new ListBudgetPeriodsResponse { Periods = { items.OrderBy(p => p.StartsOn).Select(p => p.ToProto()) }, Page = page };
    }

    public override async Task<V1.BudgetLine> CreateBudgetLine(CreateBudgetLineRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.BudgetPeriodId, "budget_period_id");
        v.Defined(request.Category, "category");
        v.Text(request.Description, "description", 0, 200);
        var cents = ExactMoney.ReadUsd(request.Amount, v, "amount", allowZero: true);
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var period = await db.BudgetPeriods.AsNoTracking().GetAsync(request.BudgetPeriodId, "budget period", ct);
            if (await db.BudgetLines.AnyAsync(l => l.BudgetPeriodId == period.Id && l.Category == request.Category, ct))
            {
                throw new ResourceAlreadyExistsException("budget line", $"{period.Id}/{request.Category}",
                    $"The period of {period.ResolutionSymbol} already has a {BudgetCategories.Label(request.Category)} line; revise it instead.");
            }
            var line = BudgetLine.Create(period.Id, request.Category, request.Description, cents!.Value, Audit.Created(caller, request.RequestId, time.UtcNow()));
            db.BudgetLines.Add(line);
            return line.ToProto();
        });
    }

    public override async Task<V1.BudgetLine> ReviseBudgetLine(ReviseBudgetLineRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.Id);
        var cents = ExactMoney.ReadUsd(request.RevisedAmount, v, "revised_amount", allowZero: true);
        v.Text(request.Reason, "reason", 1, 500);
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var line = await db.BudgetLines.GetAsync(request.Id, "budget line", ct);
            db.BudgetLineRevisions.Add(line.Revise(cents!.Value, request.Reason, caller, request.RequestId, time.UtcNow()));
            return line.ToProto();
        });
    }

    public override async Task<V1.BudgetLine> GetBudgetLine(GetBudgetLineRequest request, ServerCallContext context)
    {
        var v = new Violations();
        v.Id(request.Id);
        v.ThrowIfAny();
        return (await db.BudgetLines.AsNoTracking().GetAsync(request.Id, "budget line", context.CancellationToken)).ToProto();
    }

    public override async Task<ListBudgetLinesResponse> ListBudgetLines(ListBudgetLinesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        v.OptionalId(request.BudgetPeriodId, "budget_period_id");
        v.ThrowIfAny();
        var query = db.BudgetLines.AsNoTracking();
        if (request.BudgetPeriodId.Length > 0)
        {
            query = query.Where(l => l.BudgetPeriodId == request.BudgetPeriodId);
        }
        var (items, page) = await query.ToPageAsync(cursor, context.CancellationToken);
        return new ListBudgetLinesResponse { Lines = { items.Select(l => l.ToProto()) }, Page = page };
    }

    public override async Task<ListBudgetLineRevisionsResponse> ListBudgetLineRevisions(ListBudgetLineRevisionsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        v.Id(request.Id);
        var cursor = Paging.Read(request.Page, v);
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        var line = await db.BudgetLines.AsNoTracking().GetAsync(request.Id, "budget line", ct);
        var (items, page) = await db.BudgetLineRevisions.AsNoTracking().Where(r => r.BudgetLineId == line.Id).ToPageAsync(cursor, ct);
        return new ListBudgetLineRevisionsResponse { Revisions = { items.Select(r => r.ToProto()) }, Page = page };
    }
}
