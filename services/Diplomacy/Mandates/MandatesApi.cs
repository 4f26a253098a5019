using Coordination.Auth;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Errors;
using Coordination.Events;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Validation;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Diplomacy.Mandates;

/// <summary>gRPC surface of mandates. Diplomats and mission admins write; every authenticated caller reads.</summary>
public sealed class MandatesApi(DiplomacyDbContext db, IdempotentRequests requests, TimeProvider time) : MandateService.MandateServiceBase
{
    private static readonly string[] Writers = [Roles.Diplomat, Roles.MissionAdmin];

    public override Task<V1.Mandate> AdoptMandate(AdoptMandateRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Text(request.ResolutionSymbol, "resolution_symbol", 1, 60);
        var adoptedOn = v.RequiredDate(request.AdoptedOn, "adopted_on");
        var vote = ReadVote(request.Vote, v);
        var start = v.RequiredDate(request.PeriodStart, "period_start");
        var end = v.RequiredDate(request.PeriodEnd, "period_end");
        if (start is not null && end is not null)
        {
            v.Check(end > start, "period_end", "must be after period_start");
        }
        v.Range(request.PersonnelCeiling, "personnel_ceiling", 1, 100_000);
        v.ThrowIfAny();
        caller.RequireRole("adopt mandates", Writers);

        return requests.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            await EnsureSymbolIsNewAsync(request.ResolutionSymbol, context.CancellationToken);
            var now = time.UtcNow();
            var mandate = Mandate.Adopt(request.ResolutionSymbol, adoptedOn!.Value, vote, start!.Value, end!.Value,
                request.PersonnelCeiling, Audit.Created(caller, request.RequestId, now));
            db.Mandates.Add(mandate);
            db.Publish(new MandateAdopted
            {
                OccurredAt = now,
                SubjectId = mandate.Id,
                ResolutionSymbol = mandate.ResolutionSymbol,
                AdoptedOn = mandate.AdoptedOn,
                PeriodStart = mandate.PeriodStart,
                PeriodEnd = mandate.PeriodEnd,
                PersonnelCeiling = mandate.PersonnelCeiling,
            });
            return mandate.ToProto();
        });
    }

    public override async Task<V1.Mandate> GetMandate(GetMandateRequest request, ServerCallContext context)
    {
        _ = Caller.From(context);
        return (await FindAsync(request.Id, context.CancellationToken)).ToProto();
    }

    public override async Task<ListMandatesResponse> ListMandates(ListMandatesRequest request, ServerCallContext context)
    {
        _ = Caller.From(context);
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        v.ThrowIfAny();
        var (items, page) = await db.Mandates.AsNoTracking().ToPageAsync(cursor, context.CancellationToken);
        return new ListMandatesResponse { Mandates = { items.Select(m => m.ToProto()) }, Page = page };
    }

    public override async Task<V1.Mandate> ExtendMandate(ExtendMandateRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.Id);
        v.Text(request.ResolutionSymbol, "resolution_symbol", 1, 60);
        var adoptedOn = v.RequiredDate(request.AdoptedOn, "adopted_on");
        var end = v.RequiredDate(request.PeriodEnd, "period_end");
        var vote = ReadVote(request.Vote, v);
        v.Range(request.PersonnelCeiling, "personnel_ceiling", 0, 100_000);
        v.ThrowIfAny();
        caller.RequireRole("renew mandates", Writers);
        var mandate = await FindAsync(request.Id, context.CancellationToken);

        return await requests.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            await EnsureSymbolIsNewAsync(request.ResolutionSymbol, context.CancellationToken);
            var now = time.UtcNow();
            var renewal = mandate.Extend(request.ResolutionSymbol, adoptedOn!.Value, end!.Value, request.PersonnelCeiling, vote, caller, request.RequestId, now);
            db.Publish(new MandateExtended
            {
                OccurredAt = now,
                SubjectId = mandate.Id,
                ResolutionSymbol = renewal.ResolutionSymbol,
                AdoptedOn = renewal.AdoptedOn,
                PeriodStart = mandate.PeriodStart,
                PreviousPeriodEnd = renewal.PreviousPeriodEnd,
                PeriodEnd = renewal.PeriodEnd,
                PersonnelCeiling = renewal.PersonnelCeiling,
            });
            return mandate.ToProto();
        });
    }

    private async Task EnsureSymbolIsNewAsync(string symbol, CancellationToken ct)
    {
        if (await db.Mandates.AnyAsync(m => m.ResolutionSymbol == symbol, ct)
            || await db.Set<MandateRenewal>().AnyAsync(r => r.ResolutionSymbol == symbol, ct))
        {
            throw new ResourceAlreadyExistsException("resolution", symbol, $"Resolution {symbol} is already recorded.");
        }
    }

    private static CouncilVote ReadVote(Vote? vote, Violations v)
    {
        if (vote is null)
        {
            return new CouncilVote(0, 0, 0);
        }
        v.Check(vote.InFavour >= 0 && vote.Against >= 0 && vote.Abstentions >= 0, "vote", "counts must not be negative");
        v.Check(vote.InFavour + vote.Against + vote.Abstentions <= 15, "vote", "the Council has 15 members; the counts add up to more");
        return new CouncilVote(vote.InFavour, vote.Against, vote.Abstentions);
    }

    private async Task<Mandate> FindAsync(string id, CancellationToken ct)
    {
        var v = new Violations();
        v.Id(id);
        v.ThrowIfAny();
        return await db.Mandates.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new ResourceNotFoundException("mandate", id);
    }
}
