using Coordination.Auth;
using Coordination.Events;
using Coordination.Logistics.Contingents;
using Coordination.Logistics.Persistence;
using Coordination.Logistics.V1;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Validation;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Logistics.Equipment;

/// <summary>
/// gRPC surface of contingent-owned equipment. The mission records MOU lines of known contingents and inspects them
/// while the contingent is in the mission area; a contributing nation reads its own lines and inspections.
/// </summary>
public sealed class EquipmentApi(LogisticsDbContext db, Writes writes, TimeProvider time) : EquipmentService.EquipmentServiceBase
{
    public override async Task<V1.EquipmentLine> CreateEquipmentLine(CreateEquipmentLineRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.ContingentId, "contingent_id");
        v.NationCode(request.NationCode, "nation_code");
        v.Text(request.Description, "description", 1, 200);
        v.Defined(request.Category, "category");
        v.Range(request.Quantity, "quantity", 1, 10_000);
        v.Defined(request.LeaseType, "lease_type");
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            // Logistics knows contingents from personnel's events: an MOU line names one that exists, with its own nation.
            var contingent = await db.KnownContingents.AsNoTracking().GetAsync(request.ContingentId, "contingent", context.CancellationToken);
            contingent.EnsureNation(request.NationCode, "an MOU line");
            contingent.EnsureNotRepatriated("take new MOU lines");
            var line = EquipmentLine.Record(contingent.Id, contingent.Nation, request.Description, request.Category, request.Quantity,
                request.LeaseType, Audit.Created(caller, request.RequestId, time.UtcNow()));
            db.EquipmentLines.Add(line);
            return line.ToProto();
        });
    }

    public override async Task<V1.EquipmentLine> GetEquipmentLine(GetEquipmentLineRequest request, ServerCallContext context)
    {
        var v = new Violations();
        v.Id(request.Id);
        v.ThrowIfAny();
        var line = await db.EquipmentLines.AsNoTracking().GetAsync(request.Id, "equipment line", context.CancellationToken);
        Caller.From(context).RequireNation(line.Nation, "read equipment lines");
        return line.ToProto();
    }

    public override async Task<ListEquipmentLinesResponse> ListEquipmentLines(ListEquipmentLinesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        v.OptionalId(request.ContingentId, "contingent_id");
        if (request.NationCode.Length > 0)
        {
            v.NationCode(request.NationCode, "nation_code");
        }
        v.ThrowIfAny();
        var nation = Caller.From(context).NationScope(request.NationCode, "list the equipment lines");
        var query = db.EquipmentLines.AsNoTracking();
        if (request.ContingentId.Length > 0)
        {
            query = query.Where(l => l.ContingentId == request.ContingentId);
        }
        if (nation.Length > 0)
        {
            query = query.Where(l => l.Nation == nation);
        }
        var (items, page) = await query.ToPageAsync(cursor, context.CancellationToken);
        return new ListEquipmentLinesResponse { Lines = { items.Select(l => l.ToProto()) }, Page = page };
    }

    public override async Task<V1.Inspection> RecordInspection(RecordInspectionRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.EquipmentLineId, "equipment_line_id");
        v.Defined(request.Kind, "kind");
        var on = v.RequiredFact(request.InspectedOn, "inspected_on", time.Today());
        v.Range(request.ServiceabilityPercent, "serviceability_percent", 0, 100);
        v.Text(request.Notes, "notes", 0, 1000);
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var line = await db.EquipmentLines.GetAsync(request.EquipmentLineId, "equipment line", ct);
            var contingent = await db.KnownContingents.AsNoTracking().GetAsync(line.ContingentId, "contingent", ct);
            var now = time.UtcNow();
            var inspection = line.Inspect(contingent, request.Kind, on!.Value, request.ServiceabilityPercent, request.Notes, caller, request.RequestId, now);
            db.EquipmentInspections.Add(inspection);
            db.Publish(new EquipmentInspected
            {
                OccurredAt = now,
                SubjectId = line.Id,
                Nation = line.Nation,
                ContingentId = line.ContingentId,
                InspectionId = inspection.Id,
                Kind = inspection.Kind.Name(),
                LeaseType = line.LeaseType.Name(),
                Quantity = line.Quantity,
                ServiceabilityPercent = inspection.ServiceabilityPercent,
                InspectedOn = inspection.InspectedOn,
                BelowThreshold = inspection.BelowThreshold,
            });
            if (inspection.BelowThreshold)
            {
                db.Publish(new ServiceabilityBelowThreshold
                {
                    OccurredAt = now,
                    SubjectId = line.Id,
                    Nation = line.Nation,
                    ContingentId = line.ContingentId,
                    InspectionId = inspection.Id,
                    ServiceabilityPercent = inspection.ServiceabilityPercent,
                    ThresholdPercent = EquipmentLine.WetLeaseThresholdPercent,
                    InspectedOn = inspection.InspectedOn,
                });
            }
            return inspection.ToProto();
        });
    }

    public override async Task<ListInspectionsResponse> ListInspections(ListInspectionsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        v.Id(request.EquipmentLineId, "equipment_line_id");
        var cursor = Paging.Read(request.Page, v);
        v.ThrowIfAny();
        var line = await db.EquipmentLines.AsNoTracking().GetAsync(request.EquipmentLineId, "equipment line", context.CancellationToken);
        Caller.From(context).RequireNation(line.Nation, "read equipment inspections");
        var (items, page) = await db.EquipmentInspections.AsNoTracking()
            .Where(i => i.EquipmentLineId == line.Id)
            .ToPageAsync(cursor, context.CancellationToken);
        return new ListInspectionsResponse { Inspections = { items.Select(i => i.ToProto()) }, Page = page };
    }
}
