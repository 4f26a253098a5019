using Coordination.Auth;
using Coordination.Errors;
using Coordination.Events;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.V1;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Validation;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Pledges;

/// <summary>gRPC surface of pledges. Contributors pledge for their own nation; mission admins for any.</summary>
public sealed class PledgesApi(PersonnelDbContext db, IdempotentRequests requests, TimeProvider time) : PledgeService.PledgeServiceBase
{
    public override Task<V1.Pledge> CreatePledge(CreatePledgeRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.NationCode(request.NationCode, "nation_code");
        v.Defined(request.UnitType, "unit_type");
        v.Range(request.OfficerCount, "officer_count", 1, 5_500);
        v.ThrowIfAny();
        caller.RequireNationAccess(request.NationCode, "pledge officers", Roles.MissionAdmin);

        return requests.ExecuteAsync(request, request.RequestId, caller, context, () =>
        {
            var now = time.UtcNow();
            var pledge = Pledge.Make(request.NationCode, request.UnitType, request.OfficerCount, Audit.Created(caller, request.RequestId, now));
            db.Pledges.Add(pledge);
            db.Publish(new PersonnelPledged
            {
                OccurredAt = now,
                SubjectId = pledge.Id,
                Nation = pledge.Nation,
                OfficerCount = pledge.OfficerCount,
                UnitType = UnitTypeName(pledge.UnitType),
                ReadinessLevel = pledge.ReadinessLevel == ReadinessLevel.RapidDeployment ? "RAPID_DEPLOYMENT" : pledge.ReadinessLevel.ToString().ToUpperInvariant(),
            });
            return Task.FromResult(pledge.ToProto());
        });
    }

    public override async Task<V1.Pledge> GetPledge(GetPledgeRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.Id(request.Id);
        v.ThrowIfAny();
        var pledge = await db.Pledges.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.Id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("pledge", request.Id);
        caller.RequireNationAccess(pledge.Nation, "read pledges", [.. Roles.All]);
        return pledge.ToProto();
    }

    public override async Task<ListPledgesResponse> ListPledges(ListPledgesRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        if (request.NationCode.Length > 0)
        {
            v.NationCode(request.NationCode, "nation_code");
        }
        v.ThrowIfAny();
        var nation = caller.ScopeNationFilter(request.NationCode, "list the pledges");
        var query = db.Pledges.AsNoTracking();
        if (nation.Length > 0)
        {
            query = query.Where(p => p.Nation == nation);
        }
        var (items, page) = await query.ToPageAsync(cursor, context.CancellationToken);
        return new ListPledgesResponse { Pledges = { items.Select(p => p.ToProto()) }, Page = page };
    }

    private static string UnitTypeName(UnitType type) => type switch
    {
        UnitType.FormedPoliceUnit => "FORMED_POLICE_UNIT",
        UnitType.IndividualPoliceOfficers => "INDIVIDUAL_POLICE_OFFICERS",
        UnitType.StaffOfficers => "STAFF_OFFICERS",
        _ => type.ToString(),
    };
}
