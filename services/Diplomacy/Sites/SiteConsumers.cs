using Coordination.Diplomacy.Persistence;
using Coordination.Events;
using Coordination.Messaging;

namespace Coordination.Diplomacy.Sites;

/// <summary>
/// Counts a site's status changes and keeps its latest status for reporting; read, then changed, for the reason
/// <see cref="Partners.PartnerTallies"/> gives.
/// </summary>
public sealed class SiteStatusChangedConsumer(DiplomacyDbContext db, ILogger<SiteStatusChangedConsumer> logger)
    : IdempotentConsumer<SiteStatusChanged>(db, logger)
{
    protected override async Task HandleAsync(SiteStatusChanged message, CancellationToken ct)
    {
        var tally = await db.SiteStatusTallies.FindAsync([message.SubjectId], ct);
        if (tally is null)
        {
            tally = new SiteStatusTally { SiteId = message.SubjectId };
            db.SiteStatusTallies.Add(tally);
        }
        tally.Changes++;
        if (message.Status == "LOST")
        {
            tally.TimesLost++;
        }
        if (message.OccurredAt >= tally.LastChangedAt)
        {
            tally.SiteName = message.SiteName;
            tally.LastStatus = message.Status;
            tally.LastChangedAt = message.OccurredAt;
        }
        tally.Revision++;
    }
}
