using Coordination.Auth;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Errors;
using Coordination.Events;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Validation;
using Coordination.Values;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Diplomacy.Commitments;

/// <summary>gRPC surface of commitments: diplomats and mission admins record; a contributor reads its own nation's.</summary>
public sealed class CommitmentsApi(DiplomacyDbContext db, Writes writes, TimeProvider time) : CommitmentService.CommitmentServiceBase
{
    public override async Task<V1.Commitment> AnnounceCommitment(AnnounceCommitmentRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.NationCode(request.NationCode, "nation_code");
        v.Defined(request.Kind, "kind");
        v.Text(request.Description, "description", 1, 500);
        v.OptionalId(request.EngagementId, "engagement_id");
        var today = time.Today();
        var announced = v.RequiredFact(request.AnnouncedOn, "announced_on", today);
        var due = v.RequiredPlan(request.DueOn, "due_on", today, DateBounds.MandateCalendar);
        v.NotBefore(due, announced, "due_on", "announced_on");
        long promised = 0;
        if (request.Kind == CommitmentKind.Personnel)
        {
            v.Range(request.Officers, "officers", 1, 100_000);
            v.Check(request.Amount is null, "amount", "only for funds commitments");
            promised = request.Officers;
        }
        else if (request.Kind == CommitmentKind.Funds)
        {
            v.Check(request.Officers == 0, "officers", "only for personnel commitments");
            promised = ExactMoney.ReadUsd(request.Amount, v, "amount") ?? 0;
        }
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            if (request.EngagementId.Length > 0 && !await db.Engagements.AnyAsync(e => e.Id == request.EngagementId, context.CancellationToken))
            {
                throw new ResourceNotFoundException("engagement", request.EngagementId);
            }
            var now = time.UtcNow();
            var commitment = Commitment.Announce(request.NationCode, request.Kind, request.Description, request.EngagementId,
                announced!.Value, due!.Value, promised, Audit.Created(caller, request.RequestId, now));
            db.Commitments.Add(commitment);
            db.Publish(new CommitmentAnnounced
            {
                OccurredAt = now,
                SubjectId = commitment.Id,
                Nation = commitment.Nation,
                Kind = CommitmentMapping.KindName(commitment.Kind),
                Officers = commitment.Kind == CommitmentKind.Personnel ? (int)promised : 0,
                UsdCents = commitment.Kind == CommitmentKind.Funds ? promised : 0,
                DueOn = commitment.DueOn,
                EngagementId = commitment.EngagementId,
                AnnouncedOn = commitment.AnnouncedOn,
            });
            return commitment.ToProto(time.Today());
        });
    }

    public override async Task<V1.Commitment> GetCommitment(GetCommitmentRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.Id(request.Id);
        v.ThrowIfAny();
        var commitment = await db.Commitments.AsNoTracking().GetAsync(request.Id, "commitment", context.CancellationToken);
        caller.RequireNation(commitment.Nation, "read commitments");
        return commitment.ToProto(time.Today());
    }

    public override async Task<ListCommitmentsResponse> ListCommitments(ListCommitmentsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        if (request.NationCode.Length > 0)
        {
            v.NationCode(request.NationCode, "nation_code");
        }
        v.ThrowIfAny();
        var nation = caller.NationScope(request.NationCode, "list the commitments");
        var query = db.Commitments.AsNoTracking();
        if (nation.Length > 0)
        {
            query = query.Where(c => c.Nation == nation);
        }
        var (items, page) = await query.ToPageAsync(cursor, context.CancellationToken);
        return new ListCommitmentsResponse { Commitments = { items.Select(c => c.ToProto(time.Today())) }, Page = page };
    }
}
