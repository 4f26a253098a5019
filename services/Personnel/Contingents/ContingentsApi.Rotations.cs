using Coordination.Auth;
using Coordination.Errors;
using Coordination.Events;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.V1;
using Coordination.Persistence;
using Coordination.Validation;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Contingents;

/// <summary>Rotations: relief in place of a deployed contingent.</summary>
public sealed partial class ContingentsApi
{
    public override async Task<V1.Rotation> ScheduleRotation(ScheduleRotationRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.OutgoingContingentId, "outgoing_contingent_id");
        v.Id(request.IncomingContingentId, "incoming_contingent_id");
        v.Check(request.OutgoingContingentId != request.IncomingContingentId, "incoming_contingent_id", "must differ from outgoing_contingent_id");
        var arrives = v.RequiredPlan(request.IncomingArrivesOn, "incoming_arrives_on", time.Today(), Rotation.Ahead);
        var departs = v.RequiredDate(request.OutgoingDepartsOn, "outgoing_departs_on");
        if (arrives is { } a && departs is { } d)
        {
            v.Check(d.DayNumber - a.DayNumber is >= Rotation.MinOverlapDays and <= Rotation.MaxOverlapDays, "outgoing_departs_on",
                $"must be {Rotation.MinOverlapDays} to {Rotation.MaxOverlapDays} days after incoming_arrives_on: the relief in place");
        }
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var outgoing = await FindAsync(request.OutgoingContingentId, ct, "outgoing_contingent_id");
            var incoming = await FindAsync(request.IncomingContingentId, ct, "incoming_contingent_id");
            caller.RequireNation(outgoing.Nation, "schedule rotations");
            caller.RequireNation(incoming.Nation, "schedule rotations");
            if (Rotation.PostsIncoming(outgoing, incoming))
            {
                caller.RequireMission($"schedule a relief that posts {incoming.Name} to the site {outgoing.Name} guards (posting a unit to a site)");
            }
            if (await db.Rotations.FirstOrDefaultAsync(r => r.OutgoingContingentId == outgoing.Id || r.IncomingContingentId == incoming.Id, ct) is { } taken)
            {
                throw new PreconditionFailedException("ROTATION", $"rotations/{taken.Id}", taken.OutgoingContingentId == outgoing.Id
                    ? $"{outgoing.Name} is already relieved by rotation {taken.Id}."
                    : $"{incoming.Name} already relieves another contingent in rotation {taken.Id}.");
            }
            var now = time.UtcNow();
            var rotation = Rotation.Schedule(outgoing, incoming, arrives!.Value, departs!.Value, Audit.Created(caller, request.RequestId, now));
            db.Rotations.Add(rotation);
            // Both rows are written, so a concurrent change to either (say, the outgoing one demobilising) aborts this.
            incoming.Touch(caller, request.RequestId, now);
            outgoing.Touch(caller, request.RequestId, now);
            db.Publish(new RotationScheduled
            {
                OccurredAt = now,
                SubjectId = rotation.Id,
                Nation = rotation.Nation,
                OutgoingContingentId = outgoing.Id,
                IncomingContingentId = incoming.Id,
                SiteId = rotation.SiteId,
                OutgoingOfficerCount = outgoing.OfficerCount,
                IncomingOfficerCount = incoming.OfficerCount,
                IncomingArrivesOn = rotation.IncomingArrivesOn,
                OutgoingDepartsOn = rotation.OutgoingDepartsOn,
                OverlapDays = rotation.OverlapDays,
                IncomingTourLengthEnd = incoming.TourEndFrom(rotation.IncomingArrivesOn),
            });
            return rotation.ToProto();
        });
    }

    public override async Task<ListRotationsResponse> ListRotations(ListRotationsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        if (request.NationCode.Length > 0)
        {
            v.NationCode(request.NationCode, "nation_code");
        }
        v.OptionalId(request.ContingentId, "contingent_id");
        v.ThrowIfAny();
        var nation = caller.NationScope(request.NationCode, "list the rotations");
        var query = db.Rotations.AsNoTracking();
        if (nation.Length > 0)
        {
            // A relief across nations is coordinated between them: each sees it.
            query = query.Where(r => r.Nation == nation || r.OutgoingNation == nation);
        }
        if (request.ContingentId.Length > 0)
        {
            query = query.Where(r => r.OutgoingContingentId == request.ContingentId || r.IncomingContingentId == request.ContingentId);
        }
        var (items, page) = await query.ToPageAsync(cursor, context.CancellationToken);
        return new ListRotationsResponse { Rotations = { items.Select(r => r.ToProto()) }, Page = page };
    }
}
