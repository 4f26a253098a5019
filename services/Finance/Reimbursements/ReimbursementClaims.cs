using Coordination.Events;
using Coordination.Finance.Persistence;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coordination.Finance.Reimbursements;

/// <summary>
/// Announces what is owed once a period is over: a contingent repatriated (its personnel, and its equipment not yet
/// inspected out), or an MOU line inspected out at repatriation.
/// Whatever arrives later and changes the amount (a late inspection, a deployment day heard after the repatriation) is
/// announced as the difference, so the sum of the announcements is always the amount owed.
/// </summary>
public sealed class ReimbursementClaims(FinanceDbContext db, IOptions<ReimbursementRates> rates, TimeProvider time)
{
    /// <summary>
    /// Settles a contingent's personnel once both its deployment and its repatriation are known, and, once it is home,
    /// each MOU line of its equipment: whatever was not inspected out ends on the day the contingent left.
    /// </summary>
    public async Task SettleAsync(Deployment deployment, CancellationToken ct)
    {
        if (deployment.Closed)
        {
            var total = Proration.ToCents(deployment.AccruedUsd(deployment.RepatriatedOn!.Value, rates.Value.PersonnelMonthlyUsd));
            await AnnounceAsync(deployment.ContingentId, ReimbursementAccount.Personnel, deployment.Nation, deployment.ContingentId,
                deployment.DeployedOn!.Value, deployment.RepatriatedOn.Value, deployment.OfficerCount, total, ct);
        }
        if (deployment.RepatriatedOn is { } home)
        {
            var lines = await db.CoeInspections.Where(i => i.ContingentId == deployment.ContingentId).Select(i => i.LineId).Distinct().ToListAsync(ct);
            foreach (var line in lines.Order(StringComparer.Ordinal))
            {
                await SettleLineAsync(line, deployment.ContingentId, home, ct);
            }
        }
    }

    /// <summary>
    /// Settles the MOU line of <paramref name="changed"/>, taking its unsaved change into account. Inspections of one line
    /// arrive on two queues, and its contingent's repatriation on a third, and may be applied at the same time; each of
    /// them writes the line's account, whose revision is checked on save, so of two racing the later fails, is retried,
    /// and sees the other's change.
    /// </summary>
    public async Task SettleAsync(CoeInspection changed, CancellationToken ct)
    {
        var deployment = changed.ContingentId.Length > 0 ? await db.Deployments.FindAsync([changed.ContingentId], ct) : null;
        await SettleLineAsync(changed.LineId, changed.ContingentId, deployment?.RepatriatedOn, ct);
    }

    private async Task SettleLineAsync(string lineId, string contingentId, DateOnly? repatriatedOn, CancellationToken ct)
    {
        // The account first, then the inspections: a settlement of this line committed after the account was read fails
        // this one on its revision (and the retry sees it); one committed before is in the inspections read next. Read
        // the other way round, an inspection committed in between was missed and the stale total still saved.
        var account = await AccountAsync(lineId, ReimbursementAccount.Equipment, "", contingentId, ct);
        await db.CoeInspections.Where(i => i.LineId == lineId).LoadAsync(ct);
        var inspections = db.CoeInspections.Local.Where(i => i.LineId == lineId).ToList();
        var nation = inspections.Select(i => i.Nation).FirstOrDefault(n => n.Length > 0) ?? "";
        account.Nation = nation.Length > 0 ? nation : account.Nation;
        var accrual = EquipmentAccrual.Of(inspections, time.Today(), repatriatedOn, rates.Value);
        if (accrual.Closed)
        {
            Announce(account, accrual.Start!.Value, accrual.End!.Value, accrual.Quantity, Proration.ToCents(accrual.Usd));
        }
    }

    private async Task AnnounceAsync(string subject, string kind, string nation, string contingentId, DateOnly start, DateOnly end,
        int quantity, long total, CancellationToken ct) =>
        Announce(await AccountAsync(subject, kind, nation, contingentId, ct), start, end, quantity, total);

    /// <summary>The subject's account, its revision moved so that concurrent settlements of one subject cannot both commit.</summary>
    private async Task<ReimbursementAccount> AccountAsync(string subject, string kind, string nation, string contingentId, CancellationToken ct)
    {
        var account = await db.ReimbursementAccounts.FindAsync([subject], ct);
        if (account is null)
        {
            account = new ReimbursementAccount { SubjectId = subject, Kind = kind };
            db.ReimbursementAccounts.Add(account);
        }
        account.Nation = nation.Length > 0 ? nation : account.Nation;
        account.ContingentId = contingentId.Length > 0 ? contingentId : account.ContingentId;
        account.Revision++;
        return account;
    }

    private void Announce(ReimbursementAccount account, DateOnly start, DateOnly end, int quantity, long total)
    {
        var difference = total - account.ClaimedUsdCents;
        if (difference == 0)
        {
            return;
        }
        account.ClaimedUsdCents = total;
        var (subject, kind, nation, contingentId) = (account.SubjectId, account.Kind, account.Nation, account.ContingentId);
        db.Publish(new ReimbursementOwed
        {
            OccurredAt = time.UtcNow(),
            SubjectId = subject,
            Nation = nation,
            Kind = kind,
            ContingentId = contingentId,
            PeriodStart = start,
            PeriodEnd = end,
            Quantity = quantity,
            UsdCents = difference,
            TotalUsdCents = total,
        });
    }
}
