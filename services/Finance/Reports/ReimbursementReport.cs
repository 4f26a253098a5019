using Coordination.Finance.Budget;
using Coordination.Finance.Persistence;
using Coordination.Finance.Reimbursements;
using Coordination.Finance.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Coordination.Finance.Budget.BudgetMapping;
using Coordination.Contracts;

namespace Coordination.Finance.Reports;

/// <summary>
/// Reimbursements owed per nation on a day: personnel from deployments, equipment from inspections, each accrued
/// exactly and rounded once per nation and kind; what was announced and what was paid beside it; and the overlap of the
/// rotations scheduled for the nation's incoming contingents.
/// </summary>
public sealed class ReimbursementReport(FinanceDbContext db, IOptions<ReimbursementRates> options)
{
    private static readonly BudgetCategory[] ReimbursementLines = [BudgetCategory.PersonnelReimbursement, BudgetCategory.Equipment];

    public async Task<V1.ReimbursementReport> BuildAsync(string nation, DateOnly asOf, CancellationToken ct)
    {
        var rates = options.Value;
        var deployments = db.Deployments.AsNoTracking();
        var inspections = db.CoeInspections.AsNoTracking();
        var accounts = db.ReimbursementAccounts.AsNoTracking();
        var rotations = db.RotationOverlaps.AsNoTracking();
        var payments = from d in db.Disbursements
                       join l in db.BudgetLines on d.BudgetLineId equals l.Id
                       where d.PayeeNation != "" && ReimbursementLines.Contains(l.Category)
                       select d;
        if (nation.Length > 0)
        {
            deployments = deployments.Where(d => d.Nation == nation);
            inspections = inspections.Where(i => i.Nation == nation);
            accounts = accounts.Where(a => a.Nation == nation);
            rotations = rotations.Where(r => r.Nation == nation);
            payments = payments.Where(d => d.PayeeNation == nation);
        }
        var personnel = (await deployments.ToListAsync(ct)).Where(d => d.Nation.Length > 0).GroupBy(d => d.Nation).ToDictionary(g => g.Key, g => g.ToList());
        var inspected = (await inspections.ToListAsync(ct)).Where(i => i.Nation.Length > 0).ToList();
        // Equipment earns nothing after its contingent went home.
        var contingents = inspected.Select(i => i.ContingentId).Distinct().ToList();
        var home = await db.Deployments.AsNoTracking().Where(d => d.RepatriatedOn != null && contingents.Contains(d.ContingentId))
            .ToDictionaryAsync(d => d.ContingentId, d => d.RepatriatedOn, ct);
        var equipment = inspected.GroupBy(i => i.Nation).ToDictionary(g => g.Key, g => g.GroupBy(i => i.LineId)
            .Select(line => EquipmentAccrual.Of(line, asOf, home.GetValueOrDefault(line.First().ContingentId), rates)).Sum(a => a.Usd));
        var overlaps = (await rotations.ToListAsync(ct)).Where(r => r.Nation.Length > 0).GroupBy(r => r.Nation).ToDictionary(g => g.Key, g => g.ToList());
        var claimed = await accounts.GroupBy(a => a.Nation).Select(g => new { g.Key, Usd = g.Sum(a => a.ClaimedUsdCents) }).ToDictionaryAsync(x => x.Key, x => x.Usd, ct);
        var paid = await payments.GroupBy(d => d.PayeeNation).Select(g => new { g.Key, Usd = g.Sum(d => d.UsdCents) }).ToDictionaryAsync(x => x.Key, x => x.Usd, ct);

        var report = new V1.ReimbursementReport
        {
            PersonnelMonthlyRate = Usd(Proration.ToCents(rates.PersonnelMonthlyUsd)),
            WetLeaseMonthlyRate = Usd(Proration.ToCents(rates.WetLeaseMonthlyUsd)),
            DryLeaseMonthlyRate = Usd(Proration.ToCents(rates.DryLeaseMonthlyUsd)),
            AsOf = asOf.ToProto(),
        };
        foreach (var code in personnel.Keys.Union(equipment.Keys).Union(claimed.Keys).Union(paid.Keys).Union(overlaps.Keys).Order(StringComparer.Ordinal))
        {
            var crews = personnel.GetValueOrDefault(code) ?? [];
            var personnelCents = Proration.ToCents(crews.Sum(d => d.AccruedUsd(asOf, rates.PersonnelMonthlyUsd)));
            var equipmentCents = Proration.ToCents(equipment.GetValueOrDefault(code));
            var paidCents = paid.GetValueOrDefault(code);
            var reliefs = overlaps.GetValueOrDefault(code) ?? [];
            report.Nations.Add(new NationReimbursement
            {
                NationCode = code,
                PersonnelOwedUsd = Usd(personnelCents),
                EquipmentOwedUsd = Usd(equipmentCents),
                TotalOwedUsd = Usd(personnelCents + equipmentCents),
                ClaimedUsd = Usd(claimed.GetValueOrDefault(code)),
                PaidUsd = Usd(paidCents),
                OutstandingUsd = Usd(personnelCents + equipmentCents - paidCents),
                OfficerDays = crews.Sum(d => (long)d.OfficerCount * d.Days(asOf)),
                ContingentCount = crews.Count,
                RotationOverlapUsd = Usd(Proration.ToCents(reliefs.Sum(r => r.AccruedUsd(rates.PersonnelMonthlyUsd)))),
                RotationOverlapOfficerDays = reliefs.Sum(r => r.OfficerDays),
                RotationCount = reliefs.Count,
            });
        }
        return report;
    }
}
