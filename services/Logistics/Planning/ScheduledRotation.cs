using Coordination.Events;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Logistics.Planning;

/// <summary>
/// A relief in place as personnel scheduled it (RotationScheduled): the incoming contingent arrives at the outgoing one's
/// site while the outgoing one is still on duty, so for the overlap the site feeds and houses both. Stored once per
/// rotation; the support plans of both contingents are read with it (<see cref="SupportPlans"/>).
/// </summary>
public sealed class ScheduledRotation : IKeyed
{
    public string Id { get; private init; } = "";
    /// <summary>The incoming contingent's nation.</summary>
    public string Nation { get; private init; } = "";
    public string OutgoingContingentId { get; private init; } = "";
    public string IncomingContingentId { get; private init; } = "";
    /// <summary>The site the incoming contingent takes over; empty when the outgoing one guards none.</summary>
    public string SiteId { get; private init; } = "";
    public int OutgoingOfficers { get; private init; }
    public int IncomingOfficers { get; private init; }
    public DateOnly IncomingArrivesOn { get; private init; }
    public DateOnly OutgoingDepartsOn { get; private init; }
    /// <summary>The end of the incoming contingent's tour length from its arrival; null when personnel's event did not say.</summary>
    public DateOnly? IncomingTourLengthEnd { get; private init; }
    public DateTime ScheduledAt { get; private init; }

    private ScheduledRotation()
    {
    }

    public static ScheduledRotation From(RotationScheduled e) => new()
    {
        Id = e.SubjectId,
        Nation = e.Nation ?? "",
        OutgoingContingentId = e.OutgoingContingentId,
        IncomingContingentId = e.IncomingContingentId,
        SiteId = e.SiteId ?? "",
        OutgoingOfficers = e.OutgoingOfficerCount,
        IncomingOfficers = e.IncomingOfficerCount,
        IncomingArrivesOn = e.IncomingArrivesOn,
        OutgoingDepartsOn = e.OutgoingDepartsOn,
        IncomingTourLengthEnd = e.IncomingTourLengthEnd,
        ScheduledAt = e.OccurredAt,
    };
}

public sealed class ScheduledRotationConfiguration : IEntityTypeConfiguration<ScheduledRotation>
{
    public void Configure(EntityTypeBuilder<ScheduledRotation> b)
    {
        b.ToTable("scheduled_rotations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.OutgoingContingentId).HasMaxLength(32);
        b.Property(x => x.IncomingContingentId).HasMaxLength(32);
        b.Property(x => x.SiteId).HasMaxLength(32);
        // Personnel relieves a contingent at most once and lets it relieve at most one other.
        b.HasIndex(x => x.OutgoingContingentId);
        b.HasIndex(x => x.IncomingContingentId);
        b.HasIndex(x => x.SiteId);
    }
}
