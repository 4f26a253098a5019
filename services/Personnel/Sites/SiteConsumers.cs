using Coordination.Events;
using Coordination.Messaging;
using Coordination.Personnel.Persistence;

namespace Coordination.Personnel.Sites;

/// <summary>Keeps the local copy of a site's security status (and posture) when logistics changes it.</summary>
public sealed class SiteStatusChangedConsumer(PersonnelDbContext db, SiteCoverage coverage, ILogger<SiteStatusChangedConsumer> logger)
    : IdempotentConsumer<SiteStatusChanged>(db, logger)
{
    protected override async Task HandleAsync(SiteStatusChanged message, CancellationToken ct)
    {
        var view = await db.Sites.FindAsync([message.SubjectId], ct);
        if (view is null)
        {
            view = new SiteView { SiteId = message.SubjectId };
            db.Sites.Add(view);
        }
        view.ChangeCount++;
        view.Revision++;
        if (message.OccurredAt >= view.StatusChangedAt)
        {
            view.Name = message.SiteName;
            view.Status = message.Status;
            view.StatusChangedAt = message.OccurredAt;
        }
        await coverage.PostureAnnouncedAsync(view, message.RequiredPosture, message.OccurredAt, ct);
    }
}

/// <summary>A site logistics registered: personnel now knows it, with the posture it requires.</summary>
public sealed class SiteRegisteredConsumer(PersonnelDbContext db, SiteCoverage coverage, ILogger<SiteRegisteredConsumer> logger)
    : IdempotentConsumer<SiteRegistered>(db, logger)
{
    protected override async Task HandleAsync(SiteRegistered message, CancellationToken ct)
    {
        var view = await db.Sites.FindAsync([message.SubjectId], ct);
        if (view is null)
        {
            view = new SiteView { SiteId = message.SubjectId };
            db.Sites.Add(view);
        }
        view.Revision++;
        // Registration comes before any status change; if a change arrived first, its status stands.
        if (message.OccurredAt >= view.StatusChangedAt)
        {
            view.Name = message.SiteName;
            view.Status = message.Status;
            view.StatusChangedAt = message.OccurredAt;
        }
        await coverage.PostureAnnouncedAsync(view, message.RequiredPosture, message.OccurredAt, ct);
    }
}
