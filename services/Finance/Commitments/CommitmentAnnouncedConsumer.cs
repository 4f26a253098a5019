using Coordination.Events;
using Coordination.Finance.Persistence;
using Coordination.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Commitments;

/// <summary>A donor's FUNDS commitment announced in diplomacy becomes an expected contribution in the donor report.</summary>
public sealed partial class CommitmentAnnouncedConsumer(FinanceDbContext db, ILogger<CommitmentAnnouncedConsumer> logger)
    : IdempotentConsumer<CommitmentAnnounced>(db, logger)
{
    public const string Funds = "FUNDS";

    protected override async Task HandleAsync(CommitmentAnnounced message, CancellationToken ct)
    {
        if (message.Kind != Funds)
        {
            return; // officers are personnel's to expect
        }
        if (message.Nation is not { Length: 3 } donor || message.UsdCents <= 0)
        {
            LogUnusable(logger, message.EventId, message.SubjectId);
            return;
        }
        if (await db.AnnouncedFunds.AnyAsync(a => a.CommitmentId == message.SubjectId, ct))
        {
            return; // the commitment is already expected (another event for it, not a redelivery)
        }
        db.AnnouncedFunds.Add(new AnnouncedFunds
        {
            CommitmentId = message.SubjectId,
            Donor = donor,
            UsdCents = message.UsdCents,
            DueOn = message.DueOn,
            EngagementId = message.EngagementId,
            AnnouncedAt = message.OccurredAt,
            EventId = message.EventId,
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Funds commitment {CommitmentId} (event {EventId}) names no donor nation or no positive amount; not expected")]
    private static partial void LogUnusable(ILogger logger, Guid eventId, string commitmentId);
}
