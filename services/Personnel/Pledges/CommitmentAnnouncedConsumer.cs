using Coordination.Events;
using Coordination.Messaging;
using Coordination.Personnel.Persistence;

namespace Coordination.Personnel.Pledges;

/// <summary>A partner's announced commitment of officers becomes an expected pledge in force generation; funds are finance's.</summary>
public sealed class CommitmentAnnouncedConsumer(PersonnelDbContext db, ILogger<CommitmentAnnouncedConsumer> logger)
    : IdempotentConsumer<CommitmentAnnounced>(db, logger)
{
    public const string PersonnelKind = "PERSONNEL";

    protected override async Task HandleAsync(CommitmentAnnounced message, CancellationToken ct)
    {
        if (message.Kind != PersonnelKind || message.Officers <= 0 || string.IsNullOrEmpty(message.Nation)
            || await db.ExpectedPledges.FindAsync([message.SubjectId], ct) is not null)
        {
            return;
        }
        db.ExpectedPledges.Add(new ExpectedPledge
        {
            CommitmentId = message.SubjectId,
            Nation = message.Nation,
            Officers = message.Officers,
            DueOn = message.DueOn,
            AnnouncedOn = message.AnnouncedOn ?? DateOnly.FromDateTime(message.OccurredAt),
            AnnouncedAt = message.OccurredAt,
            EngagementId = message.EngagementId,
        });
    }
}
