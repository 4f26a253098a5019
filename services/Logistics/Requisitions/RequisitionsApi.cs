using Coordination.Auth;
using Coordination.Events;
using Coordination.Logistics.Mandates;
using Coordination.Logistics.Persistence;
using Coordination.Logistics.Planning;
using Coordination.Logistics.V1;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Validation;
using Coordination.Values;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Logistics.Requisitions;

/// <summary>
/// gRPC surface of requisitions and in-kind pledges. Logistics officers and mission admins raise and move requisitions
/// for known contingents; a contributor reads them, records in-kind pledges for its own nation and reads its own.
/// </summary>
public sealed class RequisitionsApi(LogisticsDbContext db, Writes writes, TimeProvider time) : RequisitionService.RequisitionServiceBase
{
    private const int MaxQuantity = 10_000_000;
    private const int MaxLines = 100;

    public override async Task<V1.Requisition> CreateRequisition(CreateRequisitionRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.RequestingContingentId, "requesting_contingent_id");
        v.Id(request.DestinationSiteId, "destination_site_id");
        v.Defined(request.Priority, "priority");
        var neededBy = v.RequiredUpcoming(request.NeededBy, "needed_by", time.Today(), PlanningHorizon.Ahead);
        v.Text(request.Justification, "justification", 1, 500);
        Lines(v, request.Lines);
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var site = await db.Sites.AsNoTracking().GetAsync(request.DestinationSiteId, "site", ct);
            var itemIds = request.Lines.Select(l => l.ItemId).ToList();
            var known = (await db.CatalogItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            if (itemIds.FirstOrDefault(id => !known.Contains(id)) is { } unknown)
            {
                throw new Errors.ResourceNotFoundException("catalog item", unknown);
            }
            // Logistics knows contingents from personnel's events: a requisition is raised for one that exists and is not home.
            var contingent = await db.KnownContingents.AsNoTracking().GetAsync(request.RequestingContingentId, "contingent", ct);
            contingent.EnsureNotRepatriated("raise requisitions");
            var mandates = await db.PeriodsAsync(ct);
            MandateCalendar.EnsureWithin(mandates.Served, neededBy!.Value, time.Today(), "needed_by", "a requisition");
            var requisition = Requisition.Raise(contingent.Id, contingent.Nation, site.Id, request.Priority, neededBy!.Value, request.Justification,
                request.Lines.Select(l => (l.ItemId, l.Quantity)), Audit.Created(caller, request.RequestId, time.UtcNow()));
            db.Requisitions.Add(requisition);
            return requisition.ToProto(mandates);
        });
    }

    /// <summary>
    /// The lines of a new requisition, at most one pass over them whatever a client sends: their count before any line
    /// is read (a million lines cost one comparison), then each line once, repeats found with one set.
    /// </summary>
    public static void Lines(Violations v, IReadOnlyList<RequisitionLineInput> lines)
    {
        if (!v.CountWithin(lines.Count, "lines", 1, MaxLines))
        {
            return;
        }
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            v.Id(line.ItemId, $"lines[{i}].item_id");
            v.Range(line.Quantity, $"lines[{i}].quantity", 1, MaxQuantity);
        }
        v.Unique(lines, l => l.ItemId, "lines", "item_id");
    }

    public override async Task<V1.Requisition> GetRequisition(GetRequisitionRequest request, ServerCallContext context)
    {
        var v = new Violations();
        v.Id(request.Id);
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        return (await db.Requisitions.AsNoTracking().Include(r => r.Lines).GetAsync(request.Id, "requisition", ct))
            .ToProto(Caller.From(context), await db.PeriodsAsync(ct));
    }

    public override async Task<ListRequisitionsResponse> ListRequisitions(ListRequisitionsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        v.OptionalId(request.DestinationSiteId, "destination_site_id");
        v.ThrowIfAny();
        var query = db.Requisitions.AsNoTracking().Include(r => r.Lines).AsQueryable();
        if (request.Status != RequisitionStatus.Unspecified)
        {
            query = query.Where(r => r.Status == request.Status);
        }
        if (request.DestinationSiteId.Length > 0)
        {
            query = query.Where(r => r.DestinationSiteId == request.DestinationSiteId);
        }
        var (items, page) = await query.ToPageAsync(cursor, context.CancellationToken);
        var caller = Caller.From(context);
        var mandates = await db.PeriodsAsync(context.CancellationToken);
        return new ListRequisitionsResponse { Requisitions = { items.Select(r => r.ToProto(caller, mandates)) }, Page = page };
    }

    public override async Task<V1.Requisition> ChangeRequisitionStatus(ChangeRequisitionStatusRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.Id);
        v.Defined(request.Status, "status");
        v.Text(request.Reason, "reason", 1, 500);
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var requisition = await db.Requisitions.Include(r => r.Lines).GetAsync(request.Id, "requisition", context.CancellationToken);
            requisition.ChangeStatus(request.Status, caller, request.RequestId, time.UtcNow());
            return requisition.ToProto(await db.PeriodsAsync(context.CancellationToken));
        });
    }

    public override async Task<V1.Requisition> CommitRequisitionLine(CommitRequisitionLineRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.RequisitionId, "requisition_id");
        v.Id(request.LineId, "line_id");
        v.Range(request.Quantity, "quantity", 1, MaxQuantity);
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var requisition = await db.Requisitions.Include(r => r.Lines).GetAsync(request.RequisitionId, "requisition", context.CancellationToken);
            requisition.Commit(request.LineId, request.Quantity, caller, request.RequestId, time.UtcNow());
            return requisition.ToProto(await db.PeriodsAsync(context.CancellationToken));
        });
    }

    public override async Task<V1.InKindPledge> RecordInKindPledge(RecordInKindPledgeRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.RequisitionId, "requisition_id");
        v.Id(request.LineId, "line_id");
        v.NationCode(request.NationCode, "nation_code");
        v.Range(request.Quantity, "quantity", 1, MaxQuantity);
        var value = DeclaredValue(request.Value, v);
        v.Text(request.Description, "description", 1, 500);
        var expectedBy = v.OptionalUpcoming(request.ExpectedBy, "expected_by", time.Today(), PlanningHorizon.Ahead);
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var requisition = await db.Requisitions.Include(r => r.Lines).GetAsync(request.RequisitionId, "requisition", context.CancellationToken);
            var now = time.UtcNow();
            var line = requisition.Pledge(request.LineId, request.Quantity, caller, request.RequestId, now);
            var pledge = new InKindPledge
            {
                RequisitionId = requisition.Id,
                LineId = line.Id,
                Nation = request.NationCode,
                Quantity = request.Quantity,
                Currency = value!.Value.Currency,
                AmountMinorUnits = value.Value.MinorUnits,
                Description = request.Description,
                ExpectedBy = expectedBy,
                RecordedBy = caller.Subject,
                RecordedAt = now,
            };
            db.InKindPledges.Add(pledge);
            db.Publish(new InKindPledged
            {
                OccurredAt = now,
                SubjectId = pledge.Id,
                Nation = pledge.Nation,
                RequisitionId = requisition.Id,
                RequisitionLineId = line.Id,
                ItemId = line.ItemId,
                Quantity = pledge.Quantity,
                Currency = pledge.Currency,
                AmountMinorUnits = pledge.AmountMinorUnits,
                UsdCents = pledge.Currency == "USD" ? pledge.AmountMinorUnits : null,
            });
            return pledge.ToProto();
        });
    }

    /// <summary>
    /// The value a partner declares for its goods, which finance values at the mission's rate (or records unvalued).
    /// Bounded as any one amount is (<see cref="ExactMoney.MaxAmountUsdCents"/>): at most USD 10 billion, and, as
    /// logistics keeps no exchange rates, at most as many minor units of any other currency.
    /// </summary>
    private static ExactMoney? DeclaredValue(Coordination.Common.V1.Money? money, Violations v)
    {
        if (ExactMoney.FromProto(money, v, "value") is not { } value)
        {
            return null;
        }
        if (value.Currency == "USD")
        {
            return value.WithinBound(v, "value") ? value : null;
        }
        if (value.MinorUnits > ExactMoney.MaxAmountUsdCents)
        {
            v.Add("value", $"is more than {ExactMoney.MaxAmountUsdCents:N0} minor units of {value.Currency}, the most any one amount may be");
            return null;
        }
        return value;
    }

    public override async Task<ListInKindPledgesResponse> ListInKindPledges(ListInKindPledgesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        v.Id(request.RequisitionId, "requisition_id");
        var cursor = Paging.Read(request.Page, v);
        v.ThrowIfAny();
        // A partner sees its own nation's pledges; the mission sees every nation's.
        var nation = Caller.From(context).NationScope("", "list in-kind pledges");
        var requisition = await db.Requisitions.AsNoTracking().GetAsync(request.RequisitionId, "requisition", context.CancellationToken);
        var pledges = db.InKindPledges.AsNoTracking().Where(p => p.RequisitionId == requisition.Id);
        if (nation.Length > 0)
        {
            pledges = pledges.Where(p => p.Nation == nation);
        }
        var (items, page) = await pledges.ToPageAsync(cursor, context.CancellationToken);
        return new ListInKindPledgesResponse { Pledges = { items.Select(p => p.ToProto()) }, Page = page };
    }
}
