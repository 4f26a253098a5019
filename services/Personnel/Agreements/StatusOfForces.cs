using Coordination.Events;
using Coordination.Messaging;
using Coordination.Personnel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Personnel.Agreements;

/// <summary>
/// One party to a status-of-forces agreement in force, as diplomacy announced it: personnel's local copy, so a
/// deployment never calls diplomacy. A nation may deploy from the day any such agreement naming it entered into force.
/// </summary>
public sealed class StatusOfForcesParty
{
    public string AgreementId { get; init; } = "";
    public string Nation { get; init; } = "";
    public string Title { get; init; } = "";
    public DateOnly InForceOn { get; init; }
    public DateTime RecordedAt { get; init; }
}

public sealed class StatusOfForcesPartyConfiguration : IEntityTypeConfiguration<StatusOfForcesParty>
{
    public void Configure(EntityTypeBuilder<StatusOfForcesParty> b)
    {
        b.ToTable("status_of_forces_parties");
        b.HasKey(x => new { x.AgreementId, x.Nation });
        b.Property(x => x.AgreementId).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.Title).HasMaxLength(300);
        b.HasIndex(x => new { x.Nation, x.InForceOn });
    }
}

/// <summary>Keeps the parties of every status-of-forces agreement diplomacy brings into force; other kinds are not personnel's concern.</summary>
public sealed class AgreementInForceConsumer(PersonnelDbContext db, ILogger<AgreementInForceConsumer> logger)
    : IdempotentConsumer<AgreementInForce>(db, logger)
{
    public const string StatusOfForces = "STATUS_OF_FORCES";

    protected override async Task HandleAsync(AgreementInForce message, CancellationToken ct)
    {
        if (message.Kind != StatusOfForces)
        {
            return;
        }
        var known = await db.StatusOfForces.Where(p => p.AgreementId == message.SubjectId).Select(p => p.Nation).ToListAsync(ct);
        foreach (var nation in message.Parties.Distinct().Except(known))
        {
            db.StatusOfForces.Add(new StatusOfForcesParty
            {
                AgreementId = message.SubjectId,
                Nation = nation,
                Title = message.Title.Length > 300 ? message.Title[..300] : message.Title,
                InForceOn = message.InForceOn,
                RecordedAt = message.OccurredAt,
            });
        }
    }
}

/// <summary>What the deployment rule needs to know of a nation's agreements.</summary>
public static class StatusOfForcesQueries
{
    /// <summary>The first day any status-of-forces agreement naming the nation was in force; null when none is.</summary>
    public static Task<DateOnly?> InForceSinceAsync(this PersonnelDbContext db, string nation, CancellationToken ct) =>
        db.StatusOfForces.Where(p => p.Nation == nation).OrderBy(p => p.InForceOn).Select(p => (DateOnly?)p.InForceOn).FirstOrDefaultAsync(ct);
}
