using Coordination.Auth;
using Coordination.Errors;
using Coordination.Personnel.Officers;
using Officer = Coordination.Personnel.Officers.Officer;
using Coordination.Personnel.Sites;
using Coordination.Personnel.V1;
using Coordination.Persistence;
using Coordination.Validation;
using Google.Protobuf.Collections;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Contingents;

/// <summary>Rosters and sites of contingents.</summary>
public sealed partial class ContingentsApi
{
    private const int MaxOfficersPerCall = 1_000;

    public override async Task<V1.Contingent> AssignOfficers(AssignOfficersRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        ValidateRosterChange(request.RequestId, request.Id, request.OfficerIds);
        var ct = context.CancellationToken;

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var contingent = await FindAsync(request.Id, ct);
            caller.RequireNation(contingent.Nation, "assign officers");
            contingent.Assign(await OfficersAsync(request.OfficerIds, ct));
            contingent.Touch(caller, request.RequestId, time.UtcNow());
            return contingent.ToProto();
        });
    }

    public override async Task<V1.Contingent> ReleaseOfficers(ReleaseOfficersRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        ValidateRosterChange(request.RequestId, request.Id, request.OfficerIds);
        var ct = context.CancellationToken;

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var contingent = await FindAsync(request.Id, ct);
            caller.RequireNation(contingent.Nation, "release officers");
            contingent.Release(await OfficersAsync(request.OfficerIds, ct));
            contingent.Touch(caller, request.RequestId, time.UtcNow());
            return contingent.ToProto();
        });
    }

    public override async Task<V1.Contingent> AssignContingentToSite(AssignContingentToSiteRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.Id);
        v.OptionalId(request.SiteId, "site_id");
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var contingent = await FindAsync(request.Id, ct);
            caller.RequireNation(contingent.Nation, "assign contingents to sites");
            await db.EnsureKnownAsync(request.SiteId, ct);
            var now = time.UtcNow();
            var left = contingent.AssignToSite(request.SiteId);
            contingent.Touch(caller, request.RequestId, now);
            if (contingent.Status == ContingentStatus.Deployed && left != contingent.SiteId)
            {
                await coverage.ContingentChangedAsync(left, SiteCoverage.ContingentMoved, contingent.Id, now, ct);
                await coverage.ContingentChangedAsync(contingent.SiteId, SiteCoverage.ContingentMoved, contingent.Id, now, ct);
            }
            return contingent.ToProto();
        });
    }

    private static void ValidateRosterChange(string requestId, string id, RepeatedField<string> officerIds)
    {
        var v = new Violations();
        v.RequestId(requestId);
        v.Id(id);
        // Counted before any loop: a request of a million ids costs one comparison.
        if (v.CountWithin(officerIds.Count, "officer_ids", 1, MaxOfficersPerCall))
        {
            for (var i = 0; i < officerIds.Count; i++)
            {
                v.Id(officerIds[i], $"officer_ids[{i}]");
            }
            v.Unique(officerIds, id => id, "officer_ids");
        }
        v.ThrowIfAny();
    }

    private async Task<List<Officer>> OfficersAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.ToList();
        var officers = await db.Officers.Where(o => wanted.Contains(o.Id)).ToListAsync(ct);
        if (wanted.Except(officers.Select(o => o.Id)).FirstOrDefault() is { } unknown)
        {
            throw new ResourceNotFoundException("officer", unknown);
        }
        return officers;
    }
}
