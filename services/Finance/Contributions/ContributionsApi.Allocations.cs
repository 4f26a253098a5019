using Coordination.Auth;
using Coordination.Finance.Budget;
using Coordination.Finance.Persistence;
using Coordination.Finance.V1;
using Coordination.Persistence;
using Coordination.Errors;
using Coordination.Validation;
using Coordination.Values;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Contributions;

public sealed partial class ContributionsApi
{
    public override async Task<V1.Contribution> AllocateContribution(AllocateContributionRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.ParentId, "parent_id");
        v.Id(request.BudgetLineId, "budget_line_id");
        var usd = ExactMoney.ReadUsd(request.Amount, v, "amount");
        var today = time.Today();
        var decidedOn = v.RequiredFact(request.DecidedOn, "decided_on", today);
        v.Text(request.Earmark, "earmark", 0, 200);
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var parent = await db.Contributions.AsNoTracking().GetAsync(request.ParentId, "contribution", ct);
            await db.BudgetLines.AsNoTracking().GetAsync(request.BudgetLineId, "budget line", ct);
            Allocations.EnsureAllocatable(parent);
            Allocations.EnsureDecidedAfterParent(parent, decidedOn!.Value);
            await allocations.EnsureWithinParentAsync(parent, usd!.Value, "", ct);
            var now = time.UtcNow();
            var terms = new ContributionTerms("USD", usd.Value, "1", null, usd.Value, false, Channel.TrustFund, request.BudgetLineId,
                request.Earmark, "", decidedOn.Value, Later(decidedOn.Value, today), null);
            var allocation = await book.RecordAsync(parent.DonorNation, parent.Id, ContributionStatus.Committed, terms,
                Audit.Created(caller, request.RequestId, now), request.RequestId, ct);
            return allocation.ToProto();
        });
    }

    public override async Task<ContributionTrace> TraceContribution(TraceContributionRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var ct = context.CancellationToken;
        var contribution = await ReadableAsync(caller, request.Id, ct);
        var trace = new ContributionTrace { Contribution = contribution.ToProto() };

        var children = await db.Contributions.AsNoTracking().Where(c => c.ParentId == contribution.Id).OrderBy(c => c.Id).ToListAsync(ct);
        trace.Allocations.AddRange(children.Select(c => c.ToProto()));
        if (contribution.IsInternal)
        {
            trace.Parent = (await db.Contributions.AsNoTracking().GetAsync(contribution.ParentId, "contribution", ct)).ToProto();
        }

        // Where the money reached: the flow's own line, or the lines of its live allocations.
        var reached = contribution.BudgetLineId.Length > 0
            ? [(contribution.BudgetLineId, contribution.Status == ContributionStatus.Cancelled ? 0L : contribution.UsdCents)]
            : children.Where(c => c.Status != ContributionStatus.Cancelled).GroupBy(c => c.BudgetLineId).Select(g => (g.Key, g.Sum(c => c.UsdCents))).ToList();
        var ids = reached.Select(r => r.Item1).ToList();
        var lines = await db.BudgetLines.AsNoTracking().Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        foreach (var (lineId, usd) in reached)
        {
            trace.Lines.Add(new TracedLine { Line = lines[lineId].ToProto(), TracedUsd = BudgetMapping.Usd(usd) });
        }
        var unallocated = contribution.IsInternal || contribution.BudgetLineId.Length > 0 || contribution.Status == ContributionStatus.Cancelled
            ? 0
            : contribution.UsdCents - reached.Sum(r => r.Item2);
        trace.UnallocatedUsd = BudgetMapping.Usd(unallocated);
        return trace;
    }
}
