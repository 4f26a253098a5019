using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Logistics.Mandates;

/// <summary>
/// A mandate as diplomacy's events tell logistics (MandateAdopted, MandateExtended, MandateTransitioned, MandateExpiring):
/// the period it authorises, whether a successor took over, and how close an unrenewed end was announced to be. The
/// events may arrive in any order: a period only grows, and an expiry notice counts only for the end it was about.
/// </summary>
public sealed class KnownMandate : IKeyed
{
    public string Id { get; private init; } = "";
    /// <summary>The resolution that set the current period (the renewal's once extended); empty until one is heard.</summary>
    public string ResolutionSymbol { get; private set; } = "";
    public DateOnly? PeriodStart { get; private set; }
    public DateOnly? PeriodEnd { get; private set; }
    /// <summary>The mandate that took over from this one; empty when none.</summary>
    public string SuccessorId { get; private set; } = "";
    /// <summary>The end the latest MandateExpiring was about, and how many days before it that notice came (90, then 30).</summary>
    public DateOnly? ExpiringPeriodEnd { get; private set; }
    public int? ExpiringDaysBefore { get; private set; }
    public int Revision { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    private KnownMandate()
    {
    }

    /// <summary>Adopted, extended or taken over: the period ends on the latest end heard.</summary>
    public void Period(string symbol, DateOnly start, DateOnly end, DateTime at)
    {
        if (PeriodEnd is null || end >= PeriodEnd)
        {
            ResolutionSymbol = symbol;
            PeriodEnd = end;
        }
        if (PeriodStart is null || start < PeriodStart)
        {
            PeriodStart = start;
        }
        Changed(at);
    }

    public void SucceededBy(string successorId, DateTime at)
    {
        SuccessorId = successorId;
        Changed(at);
    }

    /// <summary>
    /// Diplomacy warned that <paramref name="end"/> comes in <paramref name="daysBefore"/> days with no renewal. A warning
    /// about an earlier end than one already heard is stale; of two about the same end, the nearer (30 after 90) stands.
    /// </summary>
    public void Expiring(DateOnly end, int daysBefore, DateTime at)
    {
        if (ExpiringPeriodEnd is null || end > ExpiringPeriodEnd || (end == ExpiringPeriodEnd && daysBefore < ExpiringDaysBefore))
        {
            ExpiringPeriodEnd = end;
            ExpiringDaysBefore = daysBefore;
        }
        Changed(at);
    }

    /// <summary>Days before its end that an expiry was announced, while it is unrenewed (no later end, no successor); else null.</summary>
    public int? ExpiringNotice => SuccessorId.Length == 0 && ExpiringPeriodEnd == PeriodEnd ? ExpiringDaysBefore : null;

    private void Changed(DateTime at)
    {
        Revision++;
        UpdatedAt = at;
    }
}

public sealed class KnownMandateConfiguration : IEntityTypeConfiguration<KnownMandate>
{
    public void Configure(EntityTypeBuilder<KnownMandate> b)
    {
        b.ToTable("known_mandates");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.ResolutionSymbol).HasMaxLength(64);
        b.Property(x => x.SuccessorId).HasMaxLength(32);
        b.Property(x => x.Revision).IsConcurrencyToken();
    }
}
