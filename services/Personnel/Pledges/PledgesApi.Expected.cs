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
        var pledges = db.Pledges.AsNoTracking().Where(p => p.Status == PledgeStatus.Active);
        if (nation.Length > 0)
        {
            expected = expected.Where(e => e.Nation == nation);
            pledges = pledges.Where(p => p.Nation == nation);
        }
        var announced = await expected.ToListAsync(ct);
        var nations = announced.Select(e => e.Nation).ToHashSet(StringComparer.Ordinal);
        var made = (await pledges.Select(p => new { p.Id, p.Nation, p.PledgedOn, p.Audit.CreatedAt, p.OfficerCount }).ToListAsync(ct))
            .Where(p => nations.Contains(p.Nation))
            .ToList();
        var today = time.Today();
        var response = new ListExpectedPledgesResponse();
        foreach (var code in nations.Order(StringComparer.Ordinal))
        {
            var progress = ExpectedPledgeTally.Count(announced.Where(e => e.Nation == code),
                made.Where(p => p.Nation == code).Select(p => new PledgeCount(p.Id, p.PledgedOn, p.CreatedAt, p.OfficerCount)));
            response.ExpectedPledges.Add(progress.Select(p => p.ToProto(today)));
        }
        return response;
    }
}
