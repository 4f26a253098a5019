using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Finance.Budget;
using Coordination.Finance.Fund;
using Coordination.Finance.Persistence;
using Coordination.Finance.V1;
using Coordination.Persistence;
using Coordination.Validation;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Coordination.Finance.Budget.BudgetMapping;

namespace Coordination.Finance.Reports;

/// <summary>
/// Finance reports. Each reads running totals kept with the ledger (budget lines, donor totals and unpaid days, the
/// ledger head), never the flows themselves, so they cost the same with a thousand flows or a million.
/// </summary>
public sealed class ReportsApi(FinanceDbContext db, TimeProvider time, IOptions<RunwayOptions> runway, ReimbursementReport reimbursements)
    : FinanceReportService.FinanceReportServiceBase
{
    public override async Task<CoverageReport> GetCoverageReport(GetCoverageReportRequest request, ServerCallContext context)
    {
        var v = new Violations();
        v.OptionalId(request.BudgetPeriodId, "budget_period_id");
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        var today = time.Today();
        var periods = db.BudgetPeriods.AsNoTracking();
        var period = request.BudgetPeriodId.Length > 0
            ? await periods.GetAsync(request.BudgetPeriodId, "budget period", ct)
            : await Budget.BudgetPeriod.CurrentAsync(periods, today, ct);
        var report = new CoverageReport { AsOf = today.ToProto() };
        var periodId = period?.Id ?? "";
        // Unallocated expenditure is the exception (a period without a logistics line): summed here, not kept as a running total.
        var unallocated = db.ShipmentExpenditures.AsNoTracking().Where(e => e.BudgetPeriodId == periodId && e.BudgetLineId == "");
        report.UnallocatedSpent = Usd(await unallocated.SumAsync(e => e.FreightUsdCents + e.GoodsUsdCents, ct));
        report.UnallocatedWrittenOff = Usd(await unallocated.SumAsync(e => e.WrittenOffUsdCents, ct));
        if (period is null)
        {
            report.TotalRequirement = report.TotalFunded = report.TotalGap = report.TotalSpent = report.TotalWrittenOff = report.TotalCarriedIn = Usd(0);
            return report;
        }
        var lines = await db.BudgetLines.AsNoTracking().Where(l => l.BudgetPeriodId == period.Id).ToListAsync(ct);
        report.BudgetPeriodId = period.Id;
        report.ResolutionSymbol = period.ResolutionSymbol;
        foreach (var line in lines.OrderBy(l => l.Category))
        {
            report.Rows.Add(new CoverageRow
            {
                Line = line.ToProto(),
                CoverageBasisPoints = BasisPoints(line.CoveredUsdCents, line.RevisedUsdCents),
                Gap = Usd(line.GapUsdCents),
            });
        }
        var requirement = lines.Sum(l => l.RevisedUsdCents);
        var funded = lines.Sum(l => l.FundedUsdCents);
        report.TotalRequirement = Usd(requirement);
        report.TotalFunded = Usd(funded);
        report.TotalGap = Usd(lines.Sum(l => l.GapUsdCents));
        report.CoverageBasisPoints = BasisPoints(lines.Sum(l => l.CoveredUsdCents), requirement);
        report.TotalCarriedIn = Usd(lines.Sum(l => l.CarriedInUsdCents));
        report.TotalSpent = Usd(lines.Sum(l => l.SpentUsdCents));
        report.TotalWrittenOff = Usd(lines.Sum(l => l.WrittenOffUsdCents));
        return report;
    }

    public override async Task<DonorReport> GetDonorReport(GetDonorReportRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        if (request.DonorNationCode.Length > 0)
        {
            v.NationCode(request.DonorNationCode, "donor_nation_code");
        }
        v.ThrowIfAny();
        var donor = caller.NationScope(request.DonorNationCode, "read the donor figures");
        var ct = context.CancellationToken;
        var today = time.Today();

        var totals = db.DonorTotals.AsNoTracking();
        var days = db.DonorUnpaidDays.AsNoTracking();
        var announcements = db.AnnouncedFunds.AsNoTracking();
        if (donor.Length > 0)
        {
            totals = totals.Where(t => t.Donor == donor);
            days = days.Where(d => d.Donor == donor);
            announcements = announcements.Where(a => a.Donor == donor);
        }
        var (d90, d180, d365) = (today.AddDays(-90), today.AddDays(-180), today.AddDays(-365));
        // Only the last year is read day by day; the oldest bucket is each donor's total unpaid minus the younger three.
        var (ageing, donorTotals, announced) = await db.ReadAsync(async () => (await days.Where(d => d.DecidedOn >= d365).GroupBy(d => d.Donor).Select(g => new
        {
            Donor = g.Key,
            U1 = g.Sum(d => d.DecidedOn >= d90 ? d.UnpaidUsdCents : 0),
            C1 = g.Sum(d => d.DecidedOn >= d90 ? d.UnpaidCount : 0),
            U2 = g.Sum(d => d.DecidedOn < d90 && d.DecidedOn >= d180 ? d.UnpaidUsdCents : 0),
            C2 = g.Sum(d => d.DecidedOn < d90 && d.DecidedOn >= d180 ? d.UnpaidCount : 0),
            U3 = g.Sum(d => d.DecidedOn < d180 ? d.UnpaidUsdCents : 0),
            C3 = g.Sum(d => d.DecidedOn < d180 ? d.UnpaidCount : 0),
        }).ToDictionaryAsync(a => a.Donor, ct), await totals.ToListAsync(ct),
            // Announcements are a handful per donor (one per engagement's promise): summed here, not kept as running totals.
            await announcements.GroupBy(a => a.Donor).Select(g => new { Donor = g.Key, Usd = g.Sum(a => a.UsdCents), Count = g.Count() })
                .ToDictionaryAsync(a => a.Donor, a => (a.Usd, a.Count), ct)), ct);
        var rows = donorTotals.ToDictionary(t => t.Donor, StringComparer.Ordinal);
        foreach (var announcer in announced.Keys.Where(d => !rows.ContainsKey(d)))
        {
            rows[announcer] = new Contributions.DonorTotal { Donor = announcer };
        }

        var report = new DonorReport { AsOf = today.ToProto() };
        var sum = new Contributions.DonorTotal();
        var sumAgeing = new (long Usd, int Count)[4];
        var sumAnnounced = (Usd: 0L, Count: 0);
        var sumNotPledged = 0L;
        foreach (var t in rows.Values.OrderBy(t => t.Donor, StringComparer.Ordinal))
        {
            var promised = announced.GetValueOrDefault(t.Donor);
            var a = ageing.GetValueOrDefault(t.Donor);
            (long Usd, int Count)[] buckets = a is null
                ? [(0, 0), (0, 0), (0, 0), (t.UnpaidUsdCents, t.UnpaidCount)]
                : [(a.U1, a.C1), (a.U2, a.C2), (a.U3, a.C3), (t.UnpaidUsdCents - a.U1 - a.U2 - a.U3, t.UnpaidCount - a.C1 - a.C2 - a.C3)];
            report.Donors.Add(Row(t, buckets, promised));
            sumAnnounced = (sumAnnounced.Usd + promised.Usd, sumAnnounced.Count + promised.Count);
            sumNotPledged += NotPledged(promised.Usd, t);
            sum.ContributionCount += t.ContributionCount;
            sum.PledgedUsdCents += t.PledgedUsdCents;
            sum.CommittedUsdCents += t.CommittedUsdCents;
            sum.PaidUsdCents += t.PaidUsdCents;
            sum.SuspendedUsdCents += t.SuspendedUsdCents;
            sum.UnvaluedCount += t.UnvaluedCount;
            for (var i = 0; i < 4; i++)
            {
                sumAgeing[i] = (sumAgeing[i].Usd + buckets[i].Item1, sumAgeing[i].Count + buckets[i].Item2);
            }
        }
        report.Total = Row(sum, sumAgeing, sumAnnounced);
        report.Total.AnnouncedNotPledgedUsd = Usd(sumNotPledged); // the rows' sum: one donor's surplus covers no other's shortfall
        return report;
    }

    public override async Task<V1.FundPosition> GetFundPosition(GetFundPositionRequest request, ServerCallContext context)
    {
        var position = await Fund.FundPosition.ReadAsync(db, time.Today(), runway.Value.WarningMonths, context.CancellationToken);
        return new V1.FundPosition
        {
            ReceivedUsd = Usd(position.ReceivedUsdCents),
            DisbursedUsd = Usd(position.DisbursedUsdCents),
            BalanceUsd = Usd(position.BalanceUsdCents),
            UnallocatedUsd = Usd(position.UnallocatedUsdCents),
            MonthlyBurnUsd = Usd(position.MonthlyBurnUsdCents),
            RunwayMonths = position.RunwayText,
            WarningMonths = position.WarningMonths,
            RunwayLow = position.RunwayLow,
            AsOf = position.AsOf.ToProto(),
        };
    }

    public override async Task<V1.ReimbursementReport> GetReimbursementReport(GetReimbursementReportRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        if (request.NationCode.Length > 0)
        {
            v.NationCode(request.NationCode, "nation_code");
        }
        v.ThrowIfAny();
        var nation = caller.NationScope(request.NationCode, "read the reimbursements");
        return await db.ReadAsync(() => reimbursements.BuildAsync(nation, time.Today(), context.CancellationToken), context.CancellationToken);
    }

    /// <summary>Share in basis points, rounded down: coverage is never overstated.</summary>
    private static long BasisPoints(long part, long whole) => whole <= 0 ? 0 : (long)Math.Floor(part * 10_000m / whole);

    private static long NotPledged(long announcedUsdCents, Contributions.DonorTotal t) => Math.Max(0, announcedUsdCents - t.PledgedUsdCents);

    private static readonly (int From, int To)[] Buckets = [(0, 90), (91, 180), (181, 365), (366, 0)];

    private static DonorRow Row(Contributions.DonorTotal t, (long Usd, int Count)[] ageing, (long Usd, int Count) announced)
    {
        var row = new DonorRow
        {
            DonorNationCode = t.Donor,
            ContributionCount = t.ContributionCount,
            PledgedUsd = Usd(t.PledgedUsdCents),
            CommittedUsd = Usd(t.CommittedUsdCents),
            PaidUsd = Usd(t.PaidUsdCents),
            SuspendedUsd = Usd(t.SuspendedUsdCents),
            OutstandingUsd = Usd(t.PledgedUsdCents - t.PaidUsdCents),
            UnvaluedCount = t.UnvaluedCount,
            AnnouncedUsd = Usd(announced.Usd),
            AnnouncedCount = announced.Count,
            AnnouncedNotPledgedUsd = Usd(NotPledged(announced.Usd, t)),
        };
        for (var i = 0; i < Buckets.Length; i++)
        {
            row.Ageing.Add(new AgeingBucket { FromDays = Buckets[i].From, ToDays = Buckets[i].To, UnpaidUsd = Usd(ageing[i].Usd), Count = ageing[i].Count });
        }
        return row;
    }
}
