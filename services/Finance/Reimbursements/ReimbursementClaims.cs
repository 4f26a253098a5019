using Coordination.Events;
using Coordination.Finance.Persistence;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coordination.Finance.Reimbursements;

/// <summary>
/// Announces what is owed once a period is over: a contingent repatriated, or an MOU line inspected out at repatriation.
/// Whatever arrives later and changes the amount (a late inspection, a deployment day heard after the repatriation) is
/// announced as the difference, so the sum of the announcements is always the amount owed.
/// </summary>
public sealed class ReimbursementClaims(FinanceDbContext db, IOptions<ReimbursementRates> rates, TimeProvider time)
{
    public Task SettleAsync(Deployment deployment, CancellationToken ct)
    {
        if (!deployment.Closed)
        {
            return Task.CompletedTask;
        }
        var total = Proration.ToCents(deployment.AccruedUsd(deployment.RepatriatedOn!.Value, rates.Value.PersonnelMonthlyUsd));
        return AnnounceAsync(deployment.ContingentId, ReimbursementAccount.Personnel, deployment.Nation, deployment.ContingentId,
            deployment.DeployedOn!.Value, deployment.RepatriatedOn.Value, deployment.OfficerCount, total, ct);
    }

    /// <summary>Settles the MOU line of <paramref name="changed"/>, taking its unsaved change into account.</summary>
    public async Task SettleAsync(CoeInspection changed, CancellationToken ct)
    {
        await db.CoeInspections.Where(i => i.LineId == changed.LineId).LoadAsync(ct);
        var inspections = db.CoeInspections.Local.Where(i => i.LineId == changed.LineId).ToList();
        var accrual = EquipmentAccrual.Of(inspections, DateOnly.FromDateTime(time.UtcNow()), rates.Value);
        if (accrual.Closed)
        {
            await AnnounceAsync(changed.LineId, ReimbursementAccount.Equipment, changed.Nation, changed.ContingentId,
                accrual.Start!.Value, accrual.End!.Value, accrual.Quantity, Proration.ToCents(accrual.Usd), ct);
        }
    }

    private async Task AnnounceAsync(string subject, string kind, string nation, string contingentId, DateOnly start, DateOnly end,
        int quantity, long total, CancellationToken ct)
    {
        var account = await db.ReimbursementAccounts.FindAsync([subject], ct);
        if (account is null)
        {
            account = new ReimbursementAccount { SubjectId = subject, Kind = kind };
            db.ReimbursementAccounts.Add(account);
        }
        var difference = total - account.ClaimedUsdCents;
        account.Nation = nation;
        account.ContingentId = contingentId;
        if (difference == 0)
        {
            return;
        }
        account.ClaimedUsdCents = total;
        account.Revision++;
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
