using Coordination.Auth;
using Coordination.Errors;
using Coordination.Finance.Ledger;
using Coordination.Finance.V1;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Coordination.Values;

namespace Coordination.Finance.Budget;

/// <summary>
/// One line of a period's requirement (USD cents), and the running figures of the flows and disbursements against it,
/// kept in the same transaction as each ledger entry so that reports never add up the ledger.
/// </summary>
public sealed class BudgetLine : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string BudgetPeriodId { get; private init; } = "";
    public BudgetCategory Category { get; private init; }
    public string Description { get; private init; } = "";
    public long OriginalUsdCents { get; private init; }
    public long RevisedUsdCents { get; private set; }
    public long PledgedUsdCents { get; set; }
    public long FundedUsdCents { get; set; }
    public long PaidInUsdCents { get; set; }
    public long DisbursedUsdCents { get; set; }
    public long AdvancedUsdCents { get; set; }
    /// <summary>Expenditure recognised against the line from logistics' facts: freight charges and the value of goods shipped.</summary>
    public long SpentUsdCents { get; private set; }
    /// <summary>Of the goods' value spent, what was damaged or missing at receipt: shown apart, never added to spent twice.</summary>
    public long WrittenOffUsdCents { get; private set; }
    /// <summary>Unspent balance the predecessor mandate's line of the same category carried into this one.</summary>
    public long CarriedInUsdCents { get; private set; }
    /// <summary>Unspent balance this line carried into the successor mandate's first period.</summary>
    public long CarriedOutUsdCents { get; private set; }
    public int Revision { get; set; }
    public Audit Audit { get; private init; } = null!;

    private BudgetLine()
    {
    }

    /// <summary>Cash the line holds: paid in, plus carried in, minus carried out.</summary>
    public long CashUsdCents => PaidInUsdCents + CarriedInUsdCents - CarriedOutUsdCents;

    /// <summary>What may still be disbursed without an advance.</summary>
    public long AvailableUsdCents => CashUsdCents - DisbursedUsdCents;

    /// <summary>What covers the requirement: funded flows and the balance carried in from the predecessor.</summary>
    public long CoveredUsdCents => FundedUsdCents + CarriedInUsdCents;

    /// <summary>Revised requirement minus what covers it, never below zero.</summary>
    public long GapUsdCents => Math.Max(0, RevisedUsdCents - CoveredUsdCents);

    public static BudgetLine Create(string periodId, BudgetCategory category, string description, long usdCents, Audit audit) => new()
    {
        BudgetPeriodId = periodId,
        Category = category,
        Description = description,
        OriginalUsdCents = usdCents,
        RevisedUsdCents = usdCents,
        Audit = audit,
    };

    public BudgetLineRevision Revise(long usdCents, string reason, Caller caller, string requestId, DateTime now)
    {
        var revision = new BudgetLineRevision
        {
            BudgetLineId = Id,
            PreviousUsdCents = RevisedUsdCents,
            RevisedUsdCents = usdCents,
            Reason = reason,
            RevisedBy = caller.Subject,
            RevisedAt = now,
            RequestId = requestId,
        };
        RevisedUsdCents = usdCents;
        Revision++;
        Audit.Touch(caller, requestId, now);
        return revision;
    }

    /// <summary>Records expenditure recognised against the line (<paramref name="spentUsdCents"/>) and goods written off.</summary>
    public void Spend(long spentUsdCents, long writtenOffUsdCents)
    {
        SpentUsdCents = checked(SpentUsdCents + spentUsdCents);
        WrittenOffUsdCents = checked(WrittenOffUsdCents + writtenOffUsdCents);
        Revision++;
    }

    /// <summary>Moves the line's unspent balance (cash not disbursed) into <paramref name="successor"/>; returns what moved.</summary>
    public long CarryOverTo(BudgetLine successor)
    {
        var unspent = Math.Max(0, AvailableUsdCents);
        if (unspent > 0)
        {
            CarriedOutUsdCents = checked(CarriedOutUsdCents + unspent);
            successor.CarriedInUsdCents = checked(successor.CarriedInUsdCents + unspent);
            Revision++;
            successor.Revision++;
        }
        return unspent;
    }

    /// <summary>Records a disbursement's effect, refusing one beyond what was paid in unless it is an advance.</summary>
    public void Disburse(long usdCents, bool advance)
    {
        var available = AvailableUsdCents;
        if (usdCents > available && !advance)
        {
            throw new PreconditionFailedException("DISBURSEMENT_EXCEEDS_PAID_IN", $"budgetLines/{Id}",
                $"The {BudgetCategories.Label(Category)} line has {new ExactMoney("USD", Math.Max(0, available))} paid in and not yet disbursed; " +
                $"{new ExactMoney("USD", usdCents)} was asked. Flag the disbursement as an advance to go beyond what was paid in.");
        }
        AdvancedUsdCents += Math.Max(0, usdCents - Math.Max(0, available));
        DisbursedUsdCents += usdCents;
        Revision++;
    }
}

/// <summary>One revision of a line's requirement: who, when, from which request, and why.</summary>
public sealed class BudgetLineRevision : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string BudgetLineId { get; init; } = "";
    public long PreviousUsdCents { get; init; }
    public long RevisedUsdCents { get; init; }
    public string Reason { get; init; } = "";
    public string RevisedBy { get; init; } = "";
    public DateTime RevisedAt { get; init; }
    public string RequestId { get; init; } = "";
}

public static class BudgetCategories
{
    public static string Label(BudgetCategory category) => category switch
    {
        BudgetCategory.PersonnelReimbursement => "personnel reimbursement",
        BudgetCategory.Equipment => "equipment",
        BudgetCategory.Logistics => "logistics",
        BudgetCategory.Training => "training",
        BudgetCategory.HumanRightsOversight => "human-rights oversight",
        _ => category.ToString(),
    };
}

public sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b)
    {
        b.ToTableWithBoundedTotals("budget_lines", nameof(BudgetLine.PledgedUsdCents), nameof(BudgetLine.FundedUsdCents),
            nameof(BudgetLine.PaidInUsdCents), nameof(BudgetLine.DisbursedUsdCents), nameof(BudgetLine.AdvancedUsdCents),
            nameof(BudgetLine.SpentUsdCents), nameof(BudgetLine.WrittenOffUsdCents), nameof(BudgetLine.CarriedInUsdCents), nameof(BudgetLine.CarriedOutUsdCents));
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.BudgetPeriodId).HasMaxLength(32);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Description).HasMaxLength(200);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.ComplexProperty(x => x.Audit);
        b.HasIndex(x => new { x.BudgetPeriodId, x.Category }).IsUnique();
        b.HasOne<BudgetPeriod>().WithMany().HasForeignKey(x => x.BudgetPeriodId);
    }
}

public sealed class BudgetLineRevisionConfiguration : IEntityTypeConfiguration<BudgetLineRevision>
{
    public void Configure(EntityTypeBuilder<BudgetLineRevision> b)
    {
        b.ToTable("budget_line_revisions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.BudgetLineId).HasMaxLength(32);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.RevisedBy).HasMaxLength(200);
        b.Property(x => x.RequestId).HasMaxLength(64);
        b.HasIndex(x => new { x.BudgetLineId, x.Id });
        b.HasOne<BudgetLine>().WithMany().HasForeignKey(x => x.BudgetLineId);
    }
}
