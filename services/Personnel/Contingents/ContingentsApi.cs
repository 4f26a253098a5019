using Coordination.Contracts;
using Coordination.Auth;
using Coordination.Errors;
using Coordination.Events;
using Coordination.Personnel.Agreements;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.Sites;
using Coordination.Personnel.V1;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Validation;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Contingents;

/// <summary>
/// gRPC surface of contingents. Contributors act for their own nation and notify their units' steps up to MOBILIZED;
/// mission admins act for all, record deployment, demobilisation and repatriation, and post units to sites.
/// </summary>
public sealed partial class ContingentsApi(PersonnelDbContext db, Writes writes, SiteCoverage coverage, TimeProvider time)
    : ContingentService.ContingentServiceBase
{
    public override async Task<V1.Contingent> CreateContingent(CreateContingentRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        if (request.SiteId.Length > 0)
        {
            caller.RequireMission("post a contingent to a site (site_id); create it without one, and the mission assigns its site");
        }
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.NationCode(request.NationCode, "nation_code");
        v.Text(request.Name, "name", 1, 120);
        v.Defined(request.UnitType, "unit_type");
        v.Range(request.OfficerCount, "officer_count", 1, Contingent.MaxOfficers);
        v.Check(request.TourMonths is 6 or 12, "tour_months", "must be 6 or 12");
        v.OptionalId(request.SiteId, "site_id");
        v.Text(request.Commander, "commander", 0, 120);
        v.Text(request.HomeUnit, "home_unit", 0, 120);
        v.ThrowIfAny();
        caller.RequireNation(request.NationCode, "create contingents");

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            await db.EnsureKnownAsync(request.SiteId, context.CancellationToken);
            var now = time.UtcNow();
            var contingent = Contingent.Request(request.NationCode, request.Name, request.UnitType, request.OfficerCount,
                request.TourMonths, request.SiteId, request.Commander, request.HomeUnit, Audit.Created(caller, request.RequestId, now));
            db.Contingents.Add(contingent);
            // Known to the mission from its request on: logistics records its MOU lines and requisitions before it deploys.
            db.Publish(new ContingentRequested
            {
                OccurredAt = now,
                SubjectId = contingent.Id,
                Nation = contingent.Nation,
                UnitType = Pledges.Readiness.UnitTypeName(contingent.UnitType),
                OfficerCount = contingent.OfficerCount,
            });
            return contingent.ToProto();
        });
    }

    public override async Task<V1.Contingent> GetContingent(GetContingentRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var contingent = await FindAsync(request.Id, context.CancellationToken);
        caller.RequireNation(contingent.Nation, "read contingents");
        return contingent.ToProto(await Mandates.MandateViews.ExpiringAsync(db, context.CancellationToken));
    }

    public override async Task<ListContingentsResponse> ListContingents(ListContingentsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        if (request.NationCode.Length > 0)
        {
            v.NationCode(request.NationCode, "nation_code");
        }
        v.ThrowIfAny();
        var nation = caller.NationScope(request.NationCode, "list the contingents");

        var query = db.Contingents.AsNoTracking();
        if (nation.Length > 0)
        {
            query = query.Where(c => c.Nation == nation);
        }
        if (request.Status != ContingentStatus.Unspecified)
        {
            query = query.Where(c => c.Status == request.Status);
        }
        var (items, page) = await query.ToPageAsync(cursor, context.CancellationToken);
        var expiring = await Mandates.MandateViews.ExpiringAsync(db, context.CancellationToken);
        return new ListContingentsResponse { Contingents = { items.Select(c => c.ToProto(expiring)) }, Page = page };
    }

    public override async Task<V1.Contingent> ChangeContingentStatus(ChangeContingentStatusRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        if (ContingentLifecycle.RecordedByMission.Contains(request.Status))
        {
            caller.RequireMission($"record a contingent {ProtoEnumNames.Of(request.Status)} (a nation notifies the steps up to {ProtoEnumNames.Of(ContingentStatus.Mobilized)})");
        }
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.Id);
        v.Defined(request.Status, "status");
        // Deployment and repatriation are facts: they have happened, on a day the service's clock has reached.
        var effectiveOn = request.Status is ContingentStatus.Deployed or ContingentStatus.Repatriated
            ? v.RequiredFact(request.EffectiveOn, "effective_on", time.Today())
            : v.OptionalFact(request.EffectiveOn, "effective_on", time.Today());
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            if (request.Status == ContingentStatus.Deployed)
            {
                // Deployments read the strength in the mission area and add to it: one at a time, or two could pass the
                // ceiling together. The contingent is read under the lock too, so a deployment sees what the one before it committed.
                await db.Database.HoldLockAsync(CeilingLock, ct);
            }
            var contingent = await FindAsync(request.Id, ct);
            caller.RequireNation(contingent.Nation, "change contingents");
            return await ChangeStatusAsync(request, contingent, effectiveOn, caller, ct);
        });
    }

    public override async Task<V1.Contingent> SetContingentCommand(SetContingentCommandRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.Id);
        v.Text(request.Commander, "commander", 0, 120);
        v.Text(request.HomeUnit, "home_unit", 0, 120);
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var contingent = await FindAsync(request.Id, context.CancellationToken);
            caller.RequireNation(contingent.Nation, "change contingents");
            contingent.SetCommand(request.Commander, request.HomeUnit);
            contingent.Touch(caller, request.RequestId, time.UtcNow());
            return contingent.ToProto();
        });
    }

    /// <summary>Key of the lock every deployment takes to check the mandate's ceiling (<see cref="TransactionLocks"/>); public for the tests that hold it.</summary>
    public const long CeilingLock = 0x5045_5243_4549_4C;

    private async Task<V1.Contingent> ChangeStatusAsync(ChangeContingentStatusRequest request, Contingent contingent, DateOnly? effectiveOn,
        Caller caller, CancellationToken ct)
    {
        var now = time.UtcNow();
        var deploying = request.Status == ContingentStatus.Deployed;
        // Officers follow their contingent on deployment (on duty) and repatriation (home).
        var roster = deploying || request.Status == ContingentStatus.Repatriated
            ? await db.Officers.Where(o => o.ContingentId == contingent.Id && (o.Status == OfficerStatus.Assigned || o.Status == OfficerStatus.Deployed)).ToListAsync(ct)
            : [];
        var conditions = deploying
            ? new DeploymentConditions(
                await db.Mandates.OrderByDescending(m => m.PeriodEnd).FirstOrDefaultAsync(ct),
                await db.Contingents.Where(c => ContingentLifecycle.InMissionArea.Contains(c.Status)).SumAsync(c => c.OfficerCount, ct),
                await db.PeriodsOfAsync(contingent.Nation, ct),
                roster)
            : null;
        contingent.MoveTo(request.Status, effectiveOn, conditions);
        foreach (var officer in roster)
        {
            officer.Follow(contingent.Status);
        }
        contingent.Touch(caller, request.RequestId, now);
        if (contingent.Status == ContingentStatus.Deployed)
        {
            db.Publish(new ContingentDeployed
            {
                OccurredAt = now,
                SubjectId = contingent.Id,
                Nation = contingent.Nation,
                OfficerCount = contingent.OfficerCount,
                SiteId = contingent.SiteId,
                DeployedOn = contingent.DeployedOn!.Value,
                PlannedTourEnd = contingent.PlannedTourEnd!.Value,
                TourLengthEnd = contingent.TourEndFrom(contingent.DeployedOn!.Value),
            });
            await coverage.ContingentChangedAsync(contingent.SiteId, SiteCoverage.ContingentDeployed, contingent.Id, now, ct);
        }
        else if (contingent.Status == ContingentStatus.Demobilizing)
        {
            await coverage.ContingentChangedAsync(contingent.SiteId, SiteCoverage.ContingentDemobilizing, contingent.Id, now, ct);
        }
        else if (contingent.Status == ContingentStatus.Repatriated)
        {
            db.Publish(new ContingentRepatriated
            {
                OccurredAt = now,
                SubjectId = contingent.Id,
                Nation = contingent.Nation,
                OfficerCount = contingent.OfficerCount,
                SiteId = contingent.SiteId,
                RepatriatedOn = effectiveOn!.Value,
            });
        }
        return contingent.ToProto();
    }

    private async Task<Contingent> FindAsync(string id, CancellationToken ct, string field = "id")
    {
        var v = new Violations();
        v.Id(id, field);
        v.ThrowIfAny();
        return await db.Contingents.GetAsync(id, "contingent", ct);
    }
}
