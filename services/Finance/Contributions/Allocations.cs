using Coordination.Contracts;
using Coordination.Errors;
using Coordination.Finance.Persistence;
using Coordination.Finance.V1;
using Microsoft.EntityFrameworkCore;
using Coordination.Validation;
using Coordination.Values;

namespace Coordination.Finance.Contributions;

/// <summary>
/// The rules that keep money traceable from a donor through the fund to a budget line: only a donor's trust-fund
/// contribution without a line can be allocated; its allocations never add up to more than it is worth; an allocation
/// is paid (transferred) only once its parent is paid; and a parent with live allocations is neither cancelled nor
/// corrected below what was allocated from it.
/// </summary>
public sealed class Allocations(FinanceDbContext db)
{
    /// <summary>USD of the allocations of <paramref name="parentId"/> that are not cancelled, leaving out <paramref name="except"/>.</summary>
    public Task<long> AllocatedFromAsync(string parentId, string except, CancellationToken ct) =>
        db.Contributions.Where(c => c.ParentId == parentId && c.Id != except && c.Status != ContributionStatus.Cancelled)
            .SumAsync(c => c.UsdCents, ct);

    public static void EnsureAllocatable(Contribution parent)
    {
        if (parent.IsInternal || parent.Channel != Channel.TrustFund || parent.BudgetLineId.Length > 0
            || parent.Status == ContributionStatus.Cancelled || parent.Unvalued)
        {
            throw new PreconditionFailedException("NOT_ALLOCATABLE", $"contributions/{parent.Id}",
                "Only a donor's trust-fund contribution not earmarked to a budget line, valued in USD and not cancelled can be allocated; " +
                $"this one is {(parent.IsInternal ? "itself an allocation" : $"{ProtoEnumNames.Of(parent.Channel)}, {ProtoEnumNames.Of(parent.Status)}{(parent.BudgetLineId.Length > 0 ? ", earmarked to a line" : "")}{(parent.Unvalued ? ", unvalued" : "")}")}.");
        }
    }

    /// <summary>Money is allocated only once the donor has decided to give it.</summary>
    public static void EnsureDecidedAfterParent(Contribution parent, DateOnly decidedOn)
    {
        var v = new Violations();
        v.NotBefore(decidedOn, parent.DecidedOn, "decided_on", "the day the contribution it draws on was decided");
        v.ThrowIfAny();
    }

    /// <summary>Refuses when the parent's allocations would exceed its USD value.</summary>
    public async Task EnsureWithinParentAsync(Contribution parent, long allocationUsd, string except, CancellationToken ct)
    {
        var allocated = await AllocatedFromAsync(parent.Id, except, ct);
        if (allocated + allocationUsd > parent.UsdCents)
        {
            throw new PreconditionFailedException("ALLOCATION_EXCEEDS_PARENT", $"contributions/{parent.Id}",
                $"The contribution is worth {new ExactMoney("USD", parent.UsdCents)} and {new ExactMoney("USD", allocated)} of it is already allocated; " +
                $"{new ExactMoney("USD", allocationUsd)} more cannot be.");
        }
    }

    /// <summary>The checks a status change of a parent or an allocation must pass.</summary>
    public async Task EnsureStatusChangeAllowedAsync(Contribution contribution, ContributionStatus target, CancellationToken ct)
    {
        if (contribution.IsInternal && target == ContributionStatus.Paid)
        {
            var parent = await db.Contributions.AsNoTracking().SingleAsync(c => c.Id == contribution.ParentId, ct);
            if (parent.Status != ContributionStatus.Paid)
            {
                throw new PreconditionFailedException("PARENT_NOT_PAID", $"contributions/{contribution.Id}",
                    $"An allocation is paid only once the contribution it draws on is paid; that one is {ProtoEnumNames.Of(parent.Status)}.");
            }
        }
        if (!contribution.IsInternal && target == ContributionStatus.Cancelled && await AllocatedFromAsync(contribution.Id, "", ct) > 0)
        {
            throw new PreconditionFailedException("PARENT_HAS_ALLOCATIONS", $"contributions/{contribution.Id}",
                "The contribution has allocations to budget lines that are not cancelled; cancel them first.");
        }
    }
}
