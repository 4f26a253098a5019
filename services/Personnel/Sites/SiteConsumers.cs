using Coordination.Events;
using Coordination.Messaging;
using Coordination.Personnel.Persistence;

namespace Coordination.Personnel.Sites;

/// <summary>Keeps the local copy of a site's security status (and posture) when logistics changes it.</summary>
public sealed class SiteStatusChangedConsumer(PersonnelDbContext db, SiteCoverage coverage, ILogger<SiteStatusChangedConsumer> logger)
    : IdempotentConsumer<SiteStatusChanged>(db, logger)
{
    protected override Task HandleAsync(SiteStatusChanged message, CancellationToken ct) =>
        SiteViews.ApplyAsync(db, coverage, message, message.SiteName, message.Status, message.RequiredPosture, isStatusChange: true, ct);
}

/// <summary>A site logistics registered: personnel now knows it, with the posture it requires.</summary>
public sealed class SiteRegisteredConsumer(PersonnelDbContext db, SiteCoverage coverage, ILogger<SiteRegisteredConsumer> logger)
    : IdempotentConsumer<SiteRegistered>(db, logger)
{
    protected override Task HandleAsync(SiteRegistered message, CancellationToken ct) =>
        SiteViews.ApplyAsync(db, coverage, message, message.SiteName, message.Status, message.RequiredPosture, isStatusChange: false, ct);
}

internal static class SiteViews
{
    /// <summary>
    /// Applies what logistics announced about a site: the latest name and status win (registration comes before any
    /// status change; if a change arrived first, its status stands), only status changes are counted, and the posture
    /// goes to the coverage check.
    /// </summary>
    public static async Task ApplyAsync(PersonnelDbContext db, SiteCoverage coverage, IntegrationEvent message, string name, string status,
        int? posture, bool isStatusChange, CancellationToken ct)
    {
        var view = await db.Sites.FindAsync([message.SubjectId], ct);
        if (view is null)
        {
            view = new SiteView { SiteId = message.SubjectId };
            db.Sites.Add(view);
        }
        if (isStatusChange)
        {
            view.ChangeCount++;
        }
        view.Revision++;
        if (message.OccurredAt >= view.StatusChangedAt)
        {
            view.Name = name;
            view.Status = status;
            view.StatusChangedAt = message.OccurredAt;
        }
        await coverage.PostureAnnouncedAsync(view, posture, message.OccurredAt, ct);
    }
}
