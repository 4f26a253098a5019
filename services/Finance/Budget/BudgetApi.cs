using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Finance.Persistence;
using Coordination.Finance.V1;
using Coordination.Persistence;
using Coordination.Validation;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Budget;

/// <summary>Budget periods: public to every authenticated caller.</summary>
public sealed class BudgetApi(FinanceDbContext db) : BudgetService.BudgetServiceBase
{
    public override async Task<ListBudgetPeriodsResponse> ListBudgetPeriods(ListBudgetPeriodsRequest request, ServerCallContext context)
    {
        _ = Caller.From(context);
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        v.ThrowIfAny();
        var (items, page) = await db.BudgetPeriods.AsNoTracking().ToPageAsync(cursor, context.CancellationToken);
        return new ListBudgetPeriodsResponse
        {
            Periods =
            {
                items.OrderBy(p => p.StartsOn).Select(p => new V1.BudgetPeriod
                {
                    Id = p.Id,
                    ResolutionSymbol = p.ResolutionSymbol,
                    StartsOn = p.StartsOn.ToProto(),
                    EndsOn = p.EndsOn.ToProto(),
                }),
            },
            Page = page,
        };
    }
}
