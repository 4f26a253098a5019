using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Finance.Reimbursements;

/// <summary>What has been announced as owed (ReimbursementOwed) for one contingent's personnel or one MOU line.</summary>
public sealed class ReimbursementAccount
{
    public const string Personnel = "PERSONNEL";
    public const string Equipment = "EQUIPMENT";

    /// <summary>Contingent id (personnel) or MOU line id (equipment).</summary>
    public string SubjectId { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Nation { get; set; } = "";
    public string ContingentId { get; set; } = "";
    public long ClaimedUsdCents { get; set; }
    public int Revision { get; set; }
}

public sealed class ReimbursementAccountConfiguration : IEntityTypeConfiguration<ReimbursementAccount>
{
    public void Configure(EntityTypeBuilder<ReimbursementAccount> b)
    {
        b.ToTable("reimbursement_accounts");
        b.HasKey(x => x.SubjectId);
        b.Property(x => x.SubjectId).HasMaxLength(32);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.ContingentId).HasMaxLength(32);
        b.Property(x => x.Revision).IsConcurrencyToken();
    }
}
