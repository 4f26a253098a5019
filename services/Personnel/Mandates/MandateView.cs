using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Personnel.Mandates;

/// <summary>The mandate as diplomacy last announced it: personnel's local copy, so deployments never call diplomacy.</summary>
public sealed class MandateView
{
    public string MandateId { get; init; } = "";
    public string ResolutionSymbol { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public int PersonnelCeiling { get; set; }
    /// <summary>The part of the ceiling for uniformed personnel, when the resolution splits it (S/RES/2793: 5,500); null: the whole ceiling.</summary>
    public int? UniformedCeiling { get; set; }
    /// <summary>The part for civilians (S/RES/2793: 50); null when not split. Personnel's contingents are police: none counts against it.</summary>
    public int? CivilianCeiling { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>
    /// Days before its end of diplomacy's latest MandateExpiring about this period end (90, then 30); null while none was
    /// heard or once a renewal or successor is recorded. Tours that end with the mandate are reported while it is set.
    /// </summary>
    public int? ExpiryWarningDays { get; set; }
    public int Revision { get; set; }

    /// <summary>What police officers (every contingent this service holds) are counted against: the uniformed part, or the whole ceiling when the resolution gives no split.</summary>
    public int UniformedLimit => UniformedCeiling ?? PersonnelCeiling;

    /// <summary>A tour in the mission area planned to end on or after this mandate's end ends with it: the mandate would have capped it.</summary>
    public bool EndsTourOf(DateOnly? plannedTourEnd) => ExpiryWarningDays is not null && plannedTourEnd >= PeriodEnd;

    public void SetCeilings(int personnel, int? uniformed, int? civilian)
    {
        PersonnelCeiling = personnel;
        UniformedCeiling = uniformed;
        CivilianCeiling = civilian;
    }
}

public sealed class MandateViewConfiguration : IEntityTypeConfiguration<MandateView>
{
    public void Configure(EntityTypeBuilder<MandateView> b)
    {
        b.ToTable("mandates");
        b.HasKey(x => x.MandateId);
        b.Property(x => x.MandateId).HasMaxLength(32);
        b.Property(x => x.ResolutionSymbol).HasMaxLength(60);
        b.HasIndex(x => x.PeriodEnd);
        b.Property(x => x.Revision).IsConcurrencyToken();
    }
}
