using Coordination.Events;
using Coordination.Personnel.Contingents;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.V1;
using Contingent = Coordination.Personnel.Contingents.Contingent;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Sites;

/// <summary>
/// The site-coverage alarm: every change to the officers on duty at a site (a contingent there deploys, starts to
/// demobilise, or is moved) or to the posture the site requires that leaves fewer officers on duty than the posture
/// announces SiteCoverageGap, in the transaction of the change. On duty means a DEPLOYED contingent assigned to the
/// site; sites whose posture personnel has not heard of are not judged. The first posture heard for a site is
/// recorded without an alarm: nothing changed on the ground.
/// </summary>
public sealed class SiteCoverage(PersonnelDbContext db)
{
    public const string ContingentDeployed = "CONTINGENT_DEPLOYED";
    public const string ContingentDemobilizing = "CONTINGENT_DEMOBILIZING";
    public const string ContingentMoved = "CONTINGENT_MOVED";
    public const string PostureChanged = "POSTURE_CHANGED";

    public async Task PostureAnnouncedAsync(SiteView view, int? posture, DateTime at, CancellationToken ct)
    {
        if (posture is not { } required || view.RequiredPosture == required)
        {
            return;
        }
        var known = view.RequiredPosture is not null;
        view.RequiredPosture = required;
        if (known)
        {
            await CheckAsync(view, PostureChanged, "", at, ct);
        }
    }

    /// <summary>Judges a site after a tracked, unsaved change of <paramref name="contingentId"/> touched its officers on duty.</summary>
    public async Task ContingentChangedAsync(string siteId, string cause, string contingentId, DateTime at, CancellationToken ct)
    {
        if (siteId.Length == 0 || await db.Sites.FindAsync([siteId], ct) is not { } view)
        {
            return;
        }
        // Two changes at one site serialise on its row: the later save fails and is retried on fresh figures.
        view.Revision++;
        await CheckAsync(view, cause, contingentId, at, ct);
    }

    /// <summary>Officers on duty at a site, counting the tracked (unsaved) contingents as they are now.</summary>
    public async Task<int> OnDutyAsync(string siteId, CancellationToken ct)
    {
        var tracked = db.ChangeTracker.Entries<Contingent>().Select(e => e.Entity).ToList();
        var trackedIds = tracked.Select(c => c.Id).ToList();
        var stored = await db.Contingents
            .Where(c => c.SiteId == siteId && c.Status == ContingentStatus.Deployed && !trackedIds.Contains(c.Id))
            .SumAsync(c => c.OfficerCount, ct);
        return stored + tracked.Where(c => c.SiteId == siteId && c.Status == ContingentStatus.Deployed).Sum(c => c.OfficerCount);
    }

    private async Task CheckAsync(SiteView view, string cause, string contingentId, DateTime at, CancellationToken ct)
    {
        if (view.RequiredPosture is not ({ } required and > 0))
        {
            return;
        }
        var onDuty = await OnDutyAsync(view.SiteId, ct);
        if (onDuty < required)
        {
            db.Publish(new SiteCoverageGap
            {
                OccurredAt = at,
                SubjectId = view.SiteId,
                SiteName = view.Name,
                RequiredPosture = required,
                OfficersOnDuty = onDuty,
                Shortfall = required - onDuty,
                Cause = cause,
                ContingentId = contingentId,
            });
        }
    }
}
