using Coordination.Auth;
using Coordination.Errors;
using Coordination.Events;
using Coordination.Logistics.Persistence;
using Coordination.Logistics.V1;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Validation;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Logistics.Sites;

/// <summary>
/// gRPC surface of sites. Logistics officers and mission admins change them; every role reads the sites and their
/// security status, public mission information, but only the mission reads how many officers each supports (where
/// units stand is operational).
/// </summary>
public sealed class SitesApi(LogisticsDbContext db, Writes writes, TimeProvider time) : SiteService.SiteServiceBase
{
    public override async Task<V1.Site> CreateSite(CreateSiteRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Text(request.Name, "name", 1, 120);
        v.Defined(request.Kind, "kind");
        v.Defined(request.Status, "status");
        v.Range(request.RequiredPosture, "required_posture", 0, 5_500);
        if (request.Location is null)
        {
            v.Add("location", "required");
        }
        else
        {
            v.Check(request.Location.Latitude is >= -90 and <= 90, "location.latitude", "must be from -90 to 90");
            v.Check(request.Location.Longitude is >= -180 and <= 180, "location.longitude", "must be from -180 to 180");
        }
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            if (await db.Sites.AnyAsync(s => s.Name == request.Name, context.CancellationToken))
            {
                throw new ResourceAlreadyExistsException("site", request.Name, $"A site named '{request.Name}' is already registered.");
            }
            var now = time.UtcNow();
            var site = Site.Register(request.Name, request.Kind, request.Location!.Latitude, request.Location.Longitude,
                request.Status, request.RequiredPosture, Audit.Created(caller, request.RequestId, now));
            db.Sites.Add(site);
            // Personnel keeps sites and their required posture from this event, for its site-coverage alarm.
            db.Publish(new SiteRegistered
            {
                OccurredAt = now,
                SubjectId = site.Id,
                SiteName = site.Name,
                Status = SiteLifecycle.Name(site.Status),
                RequiredPosture = site.RequiredPosture,
            });
            return site.ToProto(0);
        });
    }

    public override async Task<V1.Site> GetSite(GetSiteRequest request, ServerCallContext context)
    {
        var site = await FindAsync(request.Id, context.CancellationToken);
        var support = await SupportedPersonnelAsync(Caller.From(context), [site.Id], context.CancellationToken);
        return site.ToProto(support.GetValueOrDefault(site.Id));
    }

    public override async Task<ListSitesResponse> ListSites(ListSitesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        v.ThrowIfAny();

        var query = db.Sites.AsNoTracking();
        if (request.Status != SiteStatus.Unspecified)
        {
            query = query.Where(s => s.Status == request.Status);
        }
        var (items, page) = await query.ToPageAsync(cursor, context.CancellationToken);
        var support = await SupportedPersonnelAsync(Caller.From(context), items.Select(s => s.Id).ToList(), context.CancellationToken);
        return new ListSitesResponse
        {
            Sites = { items.Select(s => s.ToProto(support.GetValueOrDefault(s.Id))) },
            Page = page,
        };
    }

    public override async Task<V1.Site> ChangeSiteStatus(ChangeSiteStatusRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.Id);
        v.Defined(request.Status, "status");
        v.Text(request.Reason, "reason", 1, 500);
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var site = await FindAsync(request.Id, context.CancellationToken);
            var now = time.UtcNow();
            var change = site.ChangeStatus(request.Status, request.Reason, caller, request.RequestId, now);
            db.SiteStatusChanges.Add(change);
            db.Publish(new SiteStatusChanged
            {
                OccurredAt = now,
                SubjectId = site.Id,
                SiteName = site.Name,
                PreviousStatus = SiteLifecycle.Name(change.PreviousStatus),
                Status = SiteLifecycle.Name(change.Status),
                Reason = change.Reason,
                RequiredPosture = site.RequiredPosture,
            });
            var support = await SupportedPersonnelAsync(caller, [site.Id], context.CancellationToken);
            return site.ToProto(support.GetValueOrDefault(site.Id));
        });
    }

    public override async Task<ListSiteStatusChangesResponse> ListSiteStatusChanges(ListSiteStatusChangesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        v.ThrowIfAny();
        var site = await FindAsync(request.Id, context.CancellationToken);
        var (items, page) = await db.SiteStatusChanges.AsNoTracking()
            .Where(c => c.SiteId == site.Id)
            .ToPageAsync(cursor, context.CancellationToken);
        return new ListSiteStatusChangesResponse { Changes = { items.Select(c => c.ToProto()) }, Page = page };
    }

    /// <summary>
    /// The officers each site supports: those of contingents deployed there and not yet home. Read only for a caller
    /// acting for the mission; for any other, none (as the strength report shows officers per site only to the mission).
    /// </summary>
    private async Task<Dictionary<string, int>> SupportedPersonnelAsync(Caller caller, List<string> siteIds, CancellationToken ct) =>
        !caller.ActsForMission
            ? []
            : await db.KnownContingents.AsNoTracking()
                .Where(c => c.DeployedOn != null && c.RepatriatedOn == null && siteIds.Contains(c.SiteId))
                .GroupBy(c => c.SiteId)
                .Select(g => new { SiteId = g.Key, Officers = g.Sum(c => c.DeployedOfficers) })
                .ToDictionaryAsync(x => x.SiteId, x => x.Officers, ct);

    private async Task<Site> FindAsync(string id, CancellationToken ct)
    {
        var v = new Violations();
        v.Id(id);
        v.ThrowIfAny();
        return await db.Sites.GetAsync(id, "site", ct);
    }
}
