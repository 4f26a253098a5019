using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Finance.Reimbursements;

/// <summary>
/// A contingent's time in the mission, from personnel's events. Either event may arrive first (they travel on
/// different queues), so both days are optional until both have arrived.
/// </summary>
public sealed class Deployment
{
    public string ContingentId { get; init; } = "";
    public string Nation { get; set; } = "";
    public int OfficerCount { get; set; }
    public DateOnly? DeployedOn { get; set; }
    public DateOnly? RepatriatedOn { get; set; }
    public int Revision { get; set; }

    /// <summary>Officers × monthly rate × days / 30 from deployment to repatriation, or to <paramref name="asOf"/> while deployed; unrounded.</summary>
    public decimal AccruedUsd(DateOnly asOf, decimal monthlyRate) =>
        Proration.Accrued(OfficerCount, monthlyRate, 1m, Days(asOf));

    public int Days(DateOnly asOf) => DeployedOn is { } start ? Proration.Days(start, RepatriatedOn ?? asOf) : 0;

    public bool Closed => DeployedOn is not null && RepatriatedOn is not null;
}

public sealed class DeploymentConfiguration : IEntityTypeConfiguration<Deployment>
{
    public void Configure(EntityTypeBuilder<Deployment> b)
    {
        b.ToTable("deployments");
        b.HasKey(x => x.ContingentId);
        b.Property(x => x.ContingentId).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.Revision).IsConcurrencyToken();
    }
}
