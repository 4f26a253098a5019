using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Logistics.Equipment;
using Coordination.Logistics.Mandates;
using Coordination.Logistics.Persistence;
using Coordination.Logistics.Planning;
using Coordination.Logistics.Requisitions;
using Coordination.Logistics.Shipments;
using Coordination.Logistics.Stock;
using Coordination.Logistics.V1;
using Coordination.Persistence;
using Coordination.Validation;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Logistics.Reports;

/// <summary>
/// Logistics reports for the mission's staff; a contributing nation reads its own equipment's serviceability. Each is one
/// or two queries over the balances, never the ledger.
/// </summary>
public sealed class ReportsApi(LogisticsDbContext db, TimeProvider time) : LogisticsReportService.LogisticsReportServiceBase
{
    public override async Task<SupplyFulfilment> GetSupplyFulfilment(GetSupplyFulfilmentRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var byRequisition = request.RequisitionId.Length > 0;
        if (byRequisition == (request.DestinationSiteId.Length > 0))
        {
            v.Add(byRequisition ? "destination_site_id" : "requisition_id", "give exactly one of requisition_id and destination_site_id");
        }
        v.OptionalId(request.RequisitionId, "requisition_id");
        v.OptionalId(request.DestinationSiteId, "destination_site_id");
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        var requisitions = db.Requisitions.AsNoTracking();
        if (byRequisition)
        {
            await requisitions.GetAsync(request.RequisitionId, "requisition", ct);
            requisitions = requisitions.Where(r => r.Id == request.RequisitionId);
        }
        else
        {
            await db.Sites.AsNoTracking().GetAsync(request.DestinationSiteId, "site", ct);
            requisitions = requisitions.Where(r => r.DestinationSiteId == request.DestinationSiteId && r.Status != RequisitionStatus.Cancelled);
        }
        var ids = requisitions.Select(r => r.Id);
        var rows = await db.RequisitionLines.AsNoTracking()
            .Where(l => ids.Contains(l.RequisitionId))
            .GroupBy(l => l.ItemId)
            .Select(g => new
            {
                ItemId = g.Key,
                Requested = g.Sum(l => (long)l.Requested),
                Committed = g.Sum(l => (long)l.Committed),
                InTransit = g.Sum(l => (long)l.InTransit),
                Received = g.Sum(l => (long)l.Received),
                Pledged = g.Sum(l => (long)l.Pledged),
            })
            .ToListAsync(ct);
        var codes = await ItemCodesAsync(rows.Select(r => r.ItemId), ct);
        return new SupplyFulfilment
        {
            RequisitionCount = await requisitions.CountAsync(ct),
            Rows =
            {
                rows.OrderBy(r => codes[r.ItemId], StringComparer.Ordinal).Select(r => new FulfilmentRow
                {
                    ItemId = r.ItemId,
                    ItemCode = codes[r.ItemId],
                    RequestedQuantity = r.Requested,
                    CommittedQuantity = r.Committed,
                    InTransitQuantity = r.InTransit,
                    ReceivedQuantity = r.Received,
                    PledgedQuantity = r.Pledged,
                }),
            },
        };
    }

    /// <summary>Two queries whatever the ledger's size: the site with its warehouse count, then its balances grouped by item.</summary>
    public override async Task<SiteStock> GetSiteStock(GetSiteStockRequest request, ServerCallContext context)
    {
        var v = new Violations();
        v.Id(request.SiteId, "site_id");
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        var site = await db.Sites.AsNoTracking()
            .Where(s => s.Id == request.SiteId)
            .Select(s => new { s.Id, Warehouses = db.Warehouses.Count(w => w.SiteId == s.Id) })
            .FirstOrDefaultAsync(ct) ?? throw new Errors.ResourceNotFoundException("site", request.SiteId);
        var rows = await (
                from level in db.StockLevels
                join warehouse in db.Warehouses on level.WarehouseId equals warehouse.Id
                join item in db.CatalogItems on level.ItemId equals item.Id
                where warehouse.SiteId == site.Id
                group level by new { item.Id, item.Code } into g
                select new { ItemId = g.Key.Id, g.Key.Code, OnHand = g.Sum(l => l.OnHand), Daily = g.Sum(l => (long)l.DailyConsumption), Warehouses = g.Count() })
            .AsNoTracking()
            .ToListAsync(ct);
        var report = new SiteStock { SiteId = site.Id, WarehouseCount = site.Warehouses };
        foreach (var r in rows.OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            var row = new SiteStockRow { ItemId = r.ItemId, ItemCode = r.Code, OnHand = r.OnHand, DailyConsumption = r.Daily, WarehouseCount = r.Warehouses };
            if (StockArithmetic.DaysOfSupply(r.OnHand, r.Daily) is { } days)
            {
                row.DaysOfSupply = days;
            }
            report.Rows.Add(row);
        }
        return report;
    }

    public override async Task<ListOverdueShipmentsResponse> ListOverdueShipments(ListOverdueShipmentsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        v.ThrowIfAny();
        var now = time.UtcNow();
        var (items, page) = await db.Shipments.AsNoTracking().Include(s => s.Lines)
            .Where(s => ShipmentLifecycle.Underway.Contains(s.Status) && s.Eta < now)
            .ToPageAsync(cursor, context.CancellationToken);
        var mandates = await db.PeriodsAsync(context.CancellationToken);
        return new ListOverdueShipmentsResponse
        {
            Shipments = { items.Select(s => new OverdueShipment { Shipment = s.ToProto(mandates), HoursOverdue = (long)(now - s.Eta).TotalHours }) },
            Page = page,
            AsOf = now.ToTimestamp(),
        };
    }

    public override async Task<ServiceabilityReport> GetServiceabilityReport(GetServiceabilityReportRequest request, ServerCallContext context)
    {
        var v = new Violations();
        v.OptionalId(request.ContingentId, "contingent_id");
        if (request.NationCode.Length > 0)
        {
            v.NationCode(request.NationCode, "nation_code");
        }
        v.ThrowIfAny();
        // A contributing nation sees its own contingents' equipment only; the mission sees every nation's.
        var nation = Caller.From(context).NationScope(request.NationCode, "read the serviceability");
        var query = db.EquipmentLines.AsNoTracking();
        if (request.ContingentId.Length > 0)
        {
            query = query.Where(l => l.ContingentId == request.ContingentId);
        }
        if (nation.Length > 0)
        {
            query = query.Where(l => l.Nation == nation);
        }
        var lines = await query
            .Select(l => new { l.ContingentId, l.Nation, l.Quantity, l.LeaseType, l.LatestServiceabilityPercent })
            .ToListAsync(context.CancellationToken);
        var report = new ServiceabilityReport();
        foreach (var contingent in lines.GroupBy(l => (l.ContingentId, l.Nation)).OrderBy(g => g.Key.ContingentId, StringComparer.Ordinal))
        {
            var inspected = contingent.Where(l => l.LatestServiceabilityPercent is not null).ToList();
            var weight = inspected.Sum(l => (long)l.Quantity);
            report.Contingents.Add(new ContingentServiceability
            {
                ContingentId = contingent.Key.ContingentId,
                NationCode = contingent.Key.Nation,
                LineCount = contingent.Count(),
                InspectedLineCount = inspected.Count,
                AverageServiceabilityPercent = weight == 0 ? 0 : (int)(inspected.Sum(l => (long)l.Quantity * l.LatestServiceabilityPercent!.Value) / weight),
                WetLeaseLinesBelowThreshold = inspected.Count(l =>
                    l.LeaseType == LeaseType.Wet && l.LatestServiceabilityPercent < Equipment.EquipmentLine.WetLeaseThresholdPercent),
            });
        }
        return report;
    }

    public override async Task<ListSupportPlansResponse> ListSupportPlans(ListSupportPlansRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        v.OptionalId(request.SiteId, "site_id");
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        var query = db.KnownContingents.AsNoTracking().Planned(db);
        if (request.SiteId.Length > 0)
        {
            query = query.AtSite(db, request.SiteId);
        }
        var (items, page) = await query.ToPageAsync(cursor, ct);
        var ids = items.Select(c => c.Id).ToList();
        return new ListSupportPlansResponse { Plans = { await PlansOfAsync(items, await db.ServedAsync(ct), ct) }, Page = page };
    }

    /// <summary>
    /// The support plans that end with the mandate served once diplomacy announced that its end comes unrenewed (90, then
    /// 30 days before); none while no expiry is announced. Read whole: a mission has a few dozen contingents.
    /// </summary>
    public override async Task<MandateExpiryReport> GetMandateExpiryReport(GetMandateExpiryReportRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var mandates = await db.PeriodsAsync(ct);
        var mandate = mandates.Served;
        var report = new MandateExpiryReport();
        if (mandate?.ExpiringNotice is not { } days)
        {
            return report;
        }
        report.MandateId = mandate.Id;
        report.MandateResolutionSymbol = mandate.ResolutionSymbol;
        report.MandateEndsOn = mandate.PeriodEnd!.Value.ToProto();
        report.DaysBefore = days;
        var running = await db.KnownContingents.AsNoTracking().Planned(db).Where(c => c.RepatriatedOn == null).OrderBy(c => c.Id).ToListAsync(ct);
        report.Plans.AddRange((await PlansOfAsync(running, mandate, ct)).Where(p => p.EndsWithMandate));

        // What is still open in the period the mandate serves must be finished, received or cancelled before it ends.
        var (starts, ends) = (mandate.PeriodStart!.Value, mandate.PeriodEnd!.Value);
        var requisitions = db.Requisitions.AsNoTracking()
            .Where(r => RequisitionLifecycle.Open.Contains(r.Status) && r.NeededBy >= starts && r.NeededBy <= ends);
        report.OpenRequisitionCount = await requisitions.CountAsync(ct);
        report.OpenRequisitions.AddRange((await requisitions.Include(r => r.Lines).OrderBy(r => r.NeededBy).ThenBy(r => r.Id).Take(ExpiryListLimit).ToListAsync(ct))
            .Select(r => r.ToProto(mandates)));
        var (from, to) = (starts.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), ends.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var shipments = db.Shipments.AsNoTracking()
            .Where(s => ShipmentLifecycle.Underway.Contains(s.Status) && s.Eta >= from && s.Eta < to);
        report.UnderwayShipmentCount = await shipments.CountAsync(ct);
        report.UnderwayShipments.AddRange((await shipments.Include(s => s.Lines).OrderBy(s => s.Eta).ThenBy(s => s.Id).Take(ExpiryListLimit).ToListAsync(ct))
            .Select(s => s.ToProto(mandates)));
        return report;
    }

    /// <summary>At most this many requisitions, and shipments, listed in a mandate expiry report (all are counted).</summary>
    private const int ExpiryListLimit = 200;

    private async Task<List<SupportPlan>> PlansOfAsync(List<Contingents.KnownContingent> contingents, KnownMandate? mandate, CancellationToken ct)
    {
        var ids = contingents.Select(c => c.Id).ToList();
        var rotations = await db.ScheduledRotations.AsNoTracking()
            .Where(r => ids.Contains(r.OutgoingContingentId) || ids.Contains(r.IncomingContingentId))
            .ToListAsync(ct);
        return contingents
            .Select(c => SupportPlans.Of(c, rotations.Where(r => r.OutgoingContingentId == c.Id || r.IncomingContingentId == c.Id).ToList(), mandate))
            .ToList();
    }

    public override async Task<ArrivalNeedsReport> GetArrivalNeeds(GetArrivalNeedsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        if (request.NationCode.Length > 0)
        {
            v.NationCode(request.NationCode, "nation_code");
        }
        v.ThrowIfAny();
        // A contributing nation sees its own pledges' arrival only; the mission sees every nation's.
        var nation = Caller.From(context).NationScope(request.NationCode, "read the arrival needs");
        var levels = ArrivalNeeds.PlannedLevels.ToList();
        var query = db.ExpectedArrivals.AsNoTracking().Where(a => !a.Withdrawn && levels.Contains(a.ReadinessLevel));
        if (nation.Length > 0)
        {
            query = query.Where(a => a.Nation == nation);
        }
        var pledges = await query.ToListAsync(context.CancellationToken);
        return new ArrivalNeedsReport { NationCode = nation, Months = { ArrivalNeeds.ByMonth(pledges) } };
    }

    private Task<Dictionary<string, string>> ItemCodesAsync(IEnumerable<string> itemIds, CancellationToken ct)
    {
        var ids = itemIds.ToList();
        return db.CatalogItems.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Code, ct);
    }
}
