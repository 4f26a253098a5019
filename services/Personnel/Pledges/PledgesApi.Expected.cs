using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Personnel.V1;
using Coordination.Persistence;
using Coordination.Validation;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Pledges;

public sealed partial class PledgesApi
{
    public override async Task<ListExpectedPledgesResponse> ListExpectedPledges(ListExpectedPledgesRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        if (request.NationCode.Length > 0)
        {
            v.NationCode(request.NationCode, "nation_code");
        }
        v.ThrowIfAny();
        var nation = caller.NationScope(request.NationCode, "list the expected pledges");
        var ct = context.CancellationToken;

        var expected = db.ExpectedPledges.AsNoTracking();
        if (nation.Length > 0)
        {
            expected = expected.Where(e => e.Nation == nation);
        }
        var announced = await expected.ToListAsync(ct);
        var nations = announced.Select(e => e.Nation).Distinct().ToList();
        // Only the pledges of nations that announced something: the others count against nothing.
        var made = (await db.Pledges.AsNoTracking().Where(p => p.Status == PledgeStatus.Active && nations.Contains(p.Nation))
                .Select(p => new { p.Id, p.Nation, p.PledgedOn, p.Audit.CreatedAt, p.OfficerCount }).ToListAsync(ct))
            .ToLookup(p => p.Nation, p => new PledgeCount(p.Id, p.PledgedOn, p.CreatedAt, p.OfficerCount), StringComparer.Ordinal);
        var today = time.Today();
        var response = new ListExpectedPledgesResponse();
        foreach (var group in announced.GroupBy(e => e.Nation, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            response.ExpectedPledges.Add(ExpectedPledgeTally.Count(group, made[group.Key]).Select(p => p.ToProto(today)));
        }
        return response;
    }
}
