using Coordination.Auth;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Errors;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Validation;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Diplomacy.Engagements;

/// <summary>gRPC surface of engagements: diplomats and mission admins only.</summary>
public sealed class EngagementsApi(DiplomacyDbContext db, Writes writes, TimeProvider time) : EngagementService.EngagementServiceBase
{
    public override async Task<V1.Engagement> RecordEngagement(RecordEngagementRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var today = time.Today();
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Defined(request.Kind, "kind");
        v.Text(request.Title, "title", 1, 200);
        var heldOn = v.RequiredFact(request.HeldOn, "held_on", today);
        v.Text(request.Location, "location", 0, 200);
        v.Text(request.Outcome, "outcome", 0, 4000);
        if (v.CountWithin(request.Participants.Count, "participants", 1, 100))
        {
            for (var i = 0; i < request.Participants.Count; i++)
            {
                v.NationCode(request.Participants[i].NationCode, $"participants[{i}].nation_code");
                v.Text(request.Participants[i].Role, $"participants[{i}].role", 1, 120);
            }
            // A participant is a nation's office: the same office of the same nation takes part once.
            v.Unique(request.Participants, p => (p.NationCode, p.Role.Trim().ToUpperInvariant()), "participants");
        }
        var actions = new List<(string, string, DateOnly)>();
        if (v.CountWithin(request.FollowUps.Count, "follow_ups", 0, 50))
        {
            for (var i = 0; i < request.FollowUps.Count; i++)
            {
                var f = request.FollowUps[i];
                v.Text(f.Action, $"follow_ups[{i}].action", 1, 500);
                v.Text(f.Owner, $"follow_ups[{i}].owner", 1, 120);
                var due = v.RequiredPlan(f.DueOn, $"follow_ups[{i}].due_on", today, DateBounds.MandateCalendar);
                v.NotBefore(due, heldOn, $"follow_ups[{i}].due_on", "the day of the engagement");
                if (due is not null)
                {
                    actions.Add((f.Action, f.Owner, due.Value));
                }
            }
        }
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, () =>
        {
            var engagement = Engagement.Record(request.Kind, request.Title, heldOn!.Value, request.Location,
                request.Participants.Select(p => new ParticipantRecord(p.NationCode, p.Role)), request.Outcome, actions,
                Audit.Created(caller, request.RequestId, time.UtcNow()));
            db.Engagements.Add(engagement);
            return Task.FromResult(engagement.ToProto());
        });
    }

    public override async Task<V1.Engagement> GetEngagement(GetEngagementRequest request, ServerCallContext context)
    {
        return (await FindAsync(request.Id, "id", context.CancellationToken)).ToProto();
    }

    public override async Task<ListEngagementsResponse> ListEngagements(ListEngagementsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        v.ThrowIfAny();
        var (items, page) = await db.Engagements.AsNoTracking().ToPageAsync(cursor, context.CancellationToken);
        return new ListEngagementsResponse { Engagements = { items.Select(e => e.ToProto()) }, Page = page };
    }

    public override async Task<V1.Engagement> CompleteFollowUp(CompleteFollowUpRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.EngagementId, "engagement_id");
        v.Id(request.FollowUpId, "follow_up_id");
        var on = v.RequiredFact(request.CompletedOn, "completed_on", time.Today());
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var engagement = await FindAsync(request.EngagementId, "engagement_id", context.CancellationToken);
            engagement.Complete(request.FollowUpId, on!.Value, caller, request.RequestId, time.UtcNow());
            return engagement.ToProto();
        });
    }

    public override async Task<ListOverdueFollowUpsResponse> ListOverdueFollowUps(ListOverdueFollowUpsRequest request, ServerCallContext context)
    {
        var today = time.Today();
        var overdue = await db.Set<FollowUpAction>().AsNoTracking()
            .Where(f => f.CompletedOn == null && f.DueOn < today)
            .Join(db.Engagements.AsNoTracking().IgnoreAutoIncludes(), f => f.EngagementId, e => e.Id, (f, e) => new { FollowUp = f, e.Title })
            .OrderBy(x => x.FollowUp.DueOn)
            .Take(500)
            .ToListAsync(context.CancellationToken);
        return new ListOverdueFollowUpsResponse
        {
            FollowUps =
            {
                overdue.Select(x => new OverdueFollowUp
                {
                    FollowUp = x.FollowUp.ToProto(),
                    EngagementId = x.FollowUp.EngagementId,
                    EngagementTitle = x.Title,
                    DaysOverdue = today.DayNumber - x.FollowUp.DueOn.DayNumber,
                }),
            },
        };
    }

    private async Task<Engagement> FindAsync(string id, string field, CancellationToken ct)
    {
        var v = new Violations();
        v.Id(id, field);
        v.ThrowIfAny();
        return await db.Engagements.GetAsync(id, "engagement", ct);
    }
}
