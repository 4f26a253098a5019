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

/// <summary>
/// gRPC surface of pledges. Contributors manage their own nation's; mission admins any; diplomats read them. Of the
/// readiness evidence a contributor states only its undertaking (deployable_within_days): the visits and the
/// confirmation that raise a level are the mission's, so a level rises only on what the mission recorded.
/// </summary>
public sealed partial class PledgesApi(PersonnelDbContext db, Writes writes, TimeProvider time) : PledgeService.PledgeServiceBase
{
    public override async Task<V1.Pledge> CreatePledge(CreatePledgeRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var today = time.Today();
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.NationCode(request.NationCode, "nation_code");
        v.Defined(request.UnitType, "unit_type");
        v.Range(request.OfficerCount, "officer_count", 1, 5_500);
        var pledgedOn = v.OptionalFact(request.PledgedOn, "pledged_on", today);
        v.ThrowIfAny();
        caller.RequireNation(request.NationCode, "pledge officers");

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, () =>
        {
            var now = time.UtcNow();
            var (pledge, first) = Pledge.Make(request.NationCode, request.UnitType, request.OfficerCount, pledgedOn ?? today,
                Audit.Created(caller, request.RequestId, now));
            db.Pledges.Add(pledge);
            db.PledgeVersions.Add(first);
            db.Publish(new PersonnelPledged
            {
                OccurredAt = now,
                SubjectId = pledge.Id,
                Nation = pledge.Nation,
                OfficerCount = pledge.OfficerCount,
                UnitType = Readiness.UnitTypeName(pledge.UnitType),
                ReadinessLevel = Readiness.Name(pledge.ReadinessLevel),
            });
            return Task.FromResult(pledge.ToProto());
        });
    }

    public override async Task<V1.Pledge> GetPledge(GetPledgeRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var pledge = await FindAsync(request.Id, tracked: false, context.CancellationToken);
        caller.RequireNation(pledge.Nation, "read pledges");
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
        var nation = caller.NationScope(request.NationCode, "list the pledges");
        var query = db.Pledges.AsNoTracking();
        if (nation.Length > 0)
        {
            query = query.Where(p => p.Nation == nation);
        }
        if (request.ReadinessLevel != ReadinessLevel.Unspecified)
        {
            query = query.Where(p => p.ReadinessLevel == request.ReadinessLevel);
        }
        if (request.Status != PledgeStatus.Unspecified)
        {
            query = query.Where(p => p.Status == request.Status);
        }
        var (items, page) = await query.ToPageAsync(cursor, context.CancellationToken);
        return new ListPledgesResponse { Pledges = { items.Select(p => p.ToProto()) }, Page = page };
    }

    public override async Task<V1.Pledge> RevisePledge(RevisePledgeRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.Id);
        v.Defined(request.UnitType, "unit_type");
        v.Range(request.OfficerCount, "officer_count", 1, 5_500);
        v.Text(request.Reason, "reason", 1, 500);
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var pledge = await ManagedAsync(request.Id, caller, "revise pledges", context.CancellationToken);
            if (pledge.UnitType == request.UnitType && pledge.OfficerCount == request.OfficerCount && pledge.Status == PledgeStatus.Active)
            {
                new Violations().Add("officer_count", "unit_type and officer_count are what is pledged already; RenewPledge confirms a pledge unchanged").ThrowIfAny();
            }
            var now = time.UtcNow();
            var (version, droppedFrom) = pledge.Revise(request.UnitType, request.OfficerCount, request.Reason, time.Today(), caller, request.RequestId, now);
            db.PledgeVersions.Add(version);
            if (droppedFrom is { } previous)
            {
                PublishLevelChanged(pledge, previous, LevelRevised, now);
            }
            return pledge.ToProto();
        });
    }

    public override async Task<V1.Pledge> RecordPledgeEvidence(RecordPledgeEvidenceRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        // The nation states how fast it can deploy; the visits and the confirmation of that undertaking are the mission's.
        if (request.AssessmentVisitOn is not null || request.VerifiedOn is not null || request.RapidDeploymentConfirmedOn is not null)
        {
            caller.RequireMission(request.AssessmentVisitOn is not null ? "record an assessment visit (assessment_visit_on)"
                : request.VerifiedOn is not null ? "record a verification (verified_on)"
                : "confirm a rapid-deployment undertaking (rapid_deployment_confirmed_on)");
        }
        var today = time.Today();
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.Id);
        var evidence = new PledgeEvidence
        {
            AssessmentVisitOn = v.OptionalFact(request.AssessmentVisitOn, "assessment_visit_on", today),
            VerifiedOn = v.OptionalFact(request.VerifiedOn, "verified_on", today),
            DeployableWithinDays = request.DeployableWithinDays == 0 ? null : request.DeployableWithinDays,
            RapidDeploymentConfirmedOn = v.OptionalFact(request.RapidDeploymentConfirmedOn, "rapid_deployment_confirmed_on", today),
        };
        if (request.DeployableWithinDays != 0)
        {
            v.Range(request.DeployableWithinDays, "deployable_within_days", 1, 365);
        }
        v.Check(request.AssessmentVisitOn is not null || request.VerifiedOn is not null || request.DeployableWithinDays != 0
            || request.RapidDeploymentConfirmedOn is not null, "assessment_visit_on", "required: at least one piece of evidence");
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var pledge = await ManagedAsync(request.Id, caller, "record pledge evidence", context.CancellationToken);
            var now = time.UtcNow();
            var (version, roseFrom) = pledge.RecordEvidence(evidence, caller, request.RequestId, now);
            db.PledgeVersions.Add(version);
            if (roseFrom is { } previous)
            {
                PublishLevelChanged(pledge, previous, LevelEvidenced, now);
            }
            return pledge.ToProto();
        });
    }

    public override async Task<V1.Pledge> RenewPledge(RenewPledgeRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var today = time.Today();
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.Id);
        var on = v.OptionalFact(request.RenewedOn, "renewed_on", today);
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var pledge = await ManagedAsync(request.Id, caller, "renew pledges", context.CancellationToken);
            db.PledgeVersions.Add(pledge.Renew(on ?? today, caller, request.RequestId, time.UtcNow()));
            return pledge.ToProto();
        });
    }

    public override async Task<V1.Pledge> WithdrawPledge(WithdrawPledgeRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var today = time.Today();
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.Id);
        v.Text(request.Reason, "reason", 1, 500);
        var on = v.OptionalFact(request.WithdrawnOn, "withdrawn_on", today);
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var pledge = await ManagedAsync(request.Id, caller, "withdraw pledges", context.CancellationToken);
            var now = time.UtcNow();
            db.PledgeVersions.Add(pledge.Withdraw(on ?? today, request.Reason, caller, request.RequestId, now));
            db.Publish(new PledgeWithdrawn
            {
                OccurredAt = now,
                SubjectId = pledge.Id,
                Nation = pledge.Nation,
                OfficerCount = pledge.OfficerCount,
                UnitType = Readiness.UnitTypeName(pledge.UnitType),
                ReadinessLevel = Readiness.Name(pledge.ReadinessLevel),
                WithdrawnOn = pledge.WithdrawnOn!.Value,
                Reason = pledge.WithdrawalReason,
            });
            return pledge.ToProto();
        });
    }

    public override async Task<ListPledgeVersionsResponse> ListPledgeVersions(ListPledgeVersionsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        v.ThrowIfAny();
        var pledge = await FindAsync(request.Id, tracked: false, context.CancellationToken);
        caller.RequireNation(pledge.Nation, "read pledges");
        var (items, page) = await db.PledgeVersions.AsNoTracking().Where(x => x.PledgeId == pledge.Id).ToPageAsync(cursor, context.CancellationToken);
        return new ListPledgeVersionsResponse { Versions = { items.Select(x => x.ToProto()) }, Page = page };
    }

    /// <summary>Causes of <see cref="PledgeLevelChanged"/>: evidence raised the level, or a revision to another unit dropped it.</summary>
    private const string LevelEvidenced = "EVIDENCE_RECORDED", LevelRevised = "PLEDGE_REVISED";

    private void PublishLevelChanged(Pledge pledge, ReadinessLevel previous, string cause, DateTime now) =>
        db.Publish(new PledgeLevelChanged
        {
            OccurredAt = now,
            SubjectId = pledge.Id,
            Nation = pledge.Nation,
            PreviousLevel = Readiness.Name(previous),
            ReadinessLevel = Readiness.Name(pledge.ReadinessLevel),
            OfficerCount = pledge.OfficerCount,
            UnitType = Readiness.UnitTypeName(pledge.UnitType),
            PledgeVersion = pledge.Version,
            Cause = cause,
        });

    private async Task<Pledge> ManagedAsync(string id, Caller caller, string action, CancellationToken ct)
    {
        var pledge = await FindAsync(id, tracked: true, ct);
        caller.RequireNation(pledge.Nation, action);
        return pledge;
    }

    private async Task<Pledge> FindAsync(string id, bool tracked, CancellationToken ct)
    {
        var v = new Violations();
        v.Id(id);
        v.ThrowIfAny();
        var query = tracked ? db.Pledges : db.Pledges.AsNoTracking();
        return await query.GetAsync(id, "pledge", ct);
    }
}
