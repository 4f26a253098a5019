using Coordination.Events;
using Coordination.Messaging;
using Coordination.Personnel.Persistence;

namespace Coordination.Personnel.Sites;

/// <summary>Keeps the local copy of a site's security status when logistics changes it.</summary>
public sealed class SiteStatusChangedConsumer(PersonnelDbContext db, ILogger<SiteStatusChangedConsumer> logger)
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
    }
}
