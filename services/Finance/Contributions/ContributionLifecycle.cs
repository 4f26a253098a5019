using Coordination.Errors;
using Coordination.Finance.V1;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Finance.Contributions;

/// <summary>The one place that says which contribution status may follow which (OCHA FTS: pledge → commitment → paid).</summary>
public static class ContributionLifecycle
{
    private static readonly Dictionary<ContributionStatus, ContributionStatus[]> Next = new()
    {
        [ContributionStatus.Pledged] = [ContributionStatus.Committed, ContributionStatus.Cancelled, ContributionStatus.Suspended],
        [ContributionStatus.Committed] = [ContributionStatus.Paid, ContributionStatus.Cancelled, ContributionStatus.Suspended],
        [ContributionStatus.Paid] = [],
        [ContributionStatus.Cancelled] = [],
        [ContributionStatus.Suspended] = [],
    };

    public static void EnsureAllowed(Contribution contribution, ContributionStatus to)
    {
        var allowed = contribution.Status == ContributionStatus.Suspended
            ? [contribution.StatusBeforeSuspension!.Value, ContributionStatus.Cancelled]
            : Next[contribution.Status];
        if (!allowed.Contains(to))
        {
            throw new PreconditionFailedException("CONTRIBUTION_STATUS_TRANSITION", $"contributions/{contribution.Id}",
                $"A contribution cannot move from {Name(contribution.Status)} to {Name(to)}; from {Name(contribution.Status)} it may move to: {(allowed.Length == 0 ? "none" : string.Join(", ", allowed.Select(Name)))}.");
        }
    }

    public static string Name(ContributionStatus status) => status switch
    {
        ContributionStatus.Pledged => "PLEDGED",
        ContributionStatus.Committed => "COMMITTED",
        ContributionStatus.Paid => "PAID",
        ContributionStatus.Cancelled => "CANCELLED",
        ContributionStatus.Suspended => "SUSPENDED",
        _ => status.ToString().ToUpperInvariant(),
    };
}

/// <summary>One status change of a contribution; the history is append-only.</summary>
public sealed class ContributionStatusChange : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string ContributionId { get; init; } = "";
    public ContributionStatus From { get; init; }
    public ContributionStatus To { get; init; }
    public DateOnly? EffectiveOn { get; init; }
    public string Reason { get; init; } = "";
    public string ChangedBy { get; init; } = "";
    public DateTime ChangedAt { get; init; }
}

public sealed class ContributionStatusChangeConfiguration : IEntityTypeConfiguration<ContributionStatusChange>
{
    public void Configure(EntityTypeBuilder<ContributionStatusChange> b)
    {
        b.ToTable("contribution_status_changes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.ContributionId).HasMaxLength(32);
        b.Property(x => x.From).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.To).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.ChangedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.ContributionId, x.Id });
        b.HasOne<Contribution>().WithMany().HasForeignKey(x => x.ContributionId);
    }
}
