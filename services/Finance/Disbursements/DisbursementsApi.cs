using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Contracts;
using Coordination.Finance.Budget;
using Coordination.Finance.Ledger;
using Coordination.Finance.Persistence;
using Coordination.Finance.V1;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Validation;
using Coordination.Values;
using Microsoft.EntityFrameworkCore;
using Grpc.Core;

namespace Coordination.Finance.Disbursements;

/// <summary>Spending against budget lines: finance officers and mission admins record and read it.</summary>
public sealed class DisbursementsApi(FinanceDbContext db, FinanceLedger ledger, Writes writes, TimeProvider time)
    : DisbursementService.DisbursementServiceBase
{
    public override async Task<V1.Disbursement> RecordDisbursement(RecordDisbursementRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.BudgetLineId, "budget_line_id");
        var usd = ExactMoney.ReadUsd(request.Amount, v, "amount");
        var on = v.RequiredFact(request.DisbursedOn, "disbursed_on", time.Today());
        v.Text(request.Payee, "payee", 1, 200);
        if (request.PayeeNationCode.Length > 0)
        {
            v.NationCode(request.PayeeNationCode, "payee_nation_code");
        }
        v.Text(request.Purpose, "purpose", 1, 500);
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var line = await db.BudgetLines.GetAsync(request.BudgetLineId, "budget line", ct);
            line.Disburse(usd!.Value, request.Advance);
            var disbursement = new Disbursement
            {
                BudgetLineId = line.Id,
                UsdCents = usd.Value,
                DisbursedOn = on!.Value,
                Payee = request.Payee,
                PayeeNation = request.PayeeNationCode,
                Purpose = request.Purpose,
                Advance = request.Advance,
                RecordedBy = caller.Subject,
                RecordedAt = time.UtcNow(),
                RequestId = request.RequestId,
            };
            ledger.Append(disbursement);
            ledger.Head.DisbursedUsdCents += disbursement.UsdCents;
            db.Disbursements.Add(disbursement);
            return disbursement.ToProto();
        });
    }

    public override async Task<ListDisbursementsResponse> ListDisbursements(ListDisbursementsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        v.OptionalId(request.BudgetLineId, "budget_line_id");
        v.ThrowIfAny();
        var query = db.Disbursements.AsNoTracking();
        if (request.BudgetLineId.Length > 0)
        {
            query = query.Where(d => d.BudgetLineId == request.BudgetLineId);
        }
        var (items, page) = await query.ToPageAsync(cursor, context.CancellationToken);
        return new ListDisbursementsResponse { Disbursements = { items.Select(d => d.ToProto()) }, Page = page };
    }
}

public static class DisbursementMapping
{
    public static V1.Disbursement ToProto(this Disbursement d) => new()
    {
        Id = d.Id,
        BudgetLineId = d.BudgetLineId,
        Amount = BudgetMapping.Usd(d.UsdCents),
        DisbursedOn = d.DisbursedOn.ToProto(),
        Payee = d.Payee,
        PayeeNationCode = d.PayeeNation,
        Purpose = d.Purpose,
        Advance = d.Advance,
        LedgerSequence = d.Sequence,
        Hash = d.Hash,
        Audit = new AuditMetadata
        {
            CreateTime = d.RecordedAt.ToTimestamp(),
            CreatedBy = d.RecordedBy,
            UpdateTime = d.RecordedAt.ToTimestamp(),
            UpdatedBy = d.RecordedBy,
            LastRequestId = d.RequestId,
        },
    };
}
