using Coordination.Finance.Ledger;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Finance.Disbursements;

/// <summary>Money spent against a budget line, in USD cents: an entry of the ledger, never changed once recorded.</summary>
public sealed class Disbursement : IKeyed, ILedgerEntry
{
    public const string Kind = "disbursement";

    public string Id { get; init; } = Ids.New();
    public string BudgetLineId { get; init; } = "";
    public long UsdCents { get; init; }
    public DateOnly DisbursedOn { get; init; }
    public string Payee { get; init; } = "";
    public string PayeeNation { get; init; } = "";
    public string Purpose { get; init; } = "";
    public bool Advance { get; init; }
    public string RecordedBy { get; init; } = "";
    public DateTime RecordedAt { get; init; }
    public string RequestId { get; init; } = "";
    public long Sequence { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public string RecordId => Id;

    public string EntryKind => Kind;

    public CanonicalForm Canonical() => new CanonicalForm(Kind, Sequence)
        .Add("disbursement_id", Id)
        .Add("budget_line_id", BudgetLineId)
        .Add("usd_cents", UsdCents)
        .Add("disbursed_on", DisbursedOn)
        .Add("payee", Payee)
        .Add("payee_nation", PayeeNation)
        .Add("purpose", Purpose)
        .Add("advance", Advance)
        .Add("recorded_by", RecordedBy)
        .Add("recorded_at", RecordedAt)
        .Add("request_id", RequestId);
}

public sealed class DisbursementConfiguration : IEntityTypeConfiguration<Disbursement>
{
    public void Configure(EntityTypeBuilder<Disbursement> b)
    {
        b.ToTable("disbursements");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.BudgetLineId).HasMaxLength(32);
        b.Property(x => x.Payee).HasMaxLength(200);
        b.Property(x => x.PayeeNation).HasMaxLength(3);
        b.Property(x => x.Purpose).HasMaxLength(500);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.Property(x => x.RequestId).HasMaxLength(64);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Ignore(x => x.RecordId);
        b.Ignore(x => x.EntryKind);
        b.HasIndex(x => x.Sequence).IsUnique();
        b.HasIndex(x => new { x.BudgetLineId, x.Id });
        b.HasIndex(x => x.DisbursedOn);
        b.HasOne<Budget.BudgetLine>().WithMany().HasForeignKey(x => x.BudgetLineId);
    }
}
