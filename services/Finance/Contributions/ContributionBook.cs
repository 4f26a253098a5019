using Coordination.Errors;
using Coordination.Finance.Budget;
using Coordination.Finance.Ledger;
using Coordination.Finance.Persistence;
using Coordination.Finance.V1;
using BudgetLine = Coordination.Finance.Budget.BudgetLine;
using Coordination.Persistence;
using Coordination.Values;

namespace Coordination.Finance.Contributions;

/// <summary>
/// Writes flows: every change is a new version, chained into the ledger, with the current row and the running totals
/// moved in the same transaction. Callers hold the ledger lock (<see cref="FinanceLedger.EnterAsync"/>, which every write takes first).
/// </summary>
public sealed class ContributionBook(FinanceDbContext db, FinanceLedger ledger, Tallies tallies)
{
    /// <summary>Records a new flow as its version 1.</summary>
    public async Task<Contribution> RecordAsync(string donor, string parentId, ContributionStatus status, ContributionTerms terms,
        Audit audit, string requestId, CancellationToken ct)
    {
        var contribution = Contribution.Open(donor, parentId, status, terms, audit);
        db.Contributions.Add(contribution);
        await AppendAsync(contribution, null, VersionChange.Recorded, "", null, requestId, ct);
        return contribution;
    }

    /// <summary>
    /// Appends the next version of <paramref name="contribution"/>, already changed in memory and touched in its audit;
    /// <paramref name="before"/> holds its figures before the change.
    /// </summary>
    public async Task<ContributionVersion> AppendAsync(Contribution contribution, FlowFigures? before, VersionChange change, string reason,
        DateOnly? effectiveOn, string requestId, CancellationToken ct)
    {
        var version = ContributionVersion.Of(contribution, change, reason, effectiveOn, contribution.Audit.UpdatedBy, contribution.Audit.UpdatedAt, requestId);
        ledger.Append(version);
        db.ContributionVersions.Add(version);
        foreach (var (line, paidIn, disbursed) in await tallies.ShiftAsync(before, FlowFigures.Of(contribution), ct))
        {
            // A change may not take back money a line has already spent: paid in may not fall below disbursed.
            if (paidIn < disbursed)
            {
                throw new PreconditionFailedException("LINE_OVERDRAWN", $"budgetLines/{line}",
                    $"The change would leave the budget line with {new ExactMoney("USD", paidIn)} paid in against {new ExactMoney("USD", disbursed)} " +
                    "already disbursed; record the money elsewhere first.");
            }
        }
        return version;
    }
}
