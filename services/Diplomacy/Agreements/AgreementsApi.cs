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

namespace Coordination.Diplomacy.Agreements;

/// <summary>gRPC surface of agreements: diplomats and mission admins write and read all; a contributor reads its nation's.</summary>
public sealed class AgreementsApi(DiplomacyDbContext db, Writes writes, TimeProvider time) : AgreementService.AgreementServiceBase
{
    public override async Task<V1.Agreement> CreateAgreement(CreateAgreementRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Defined(request.Kind, "kind");
        v.Text(request.Title, "title", 1, 200);
        if (v.CountWithin(request.PartyNationCodes.Count, "party_nation_codes", 2, 50))
        {
            for (var i = 0; i < request.PartyNationCodes.Count; i++)
            {
                v.NationCode(request.PartyNationCodes[i], $"party_nation_codes[{i}]");
            }
            v.Unique(request.PartyNationCodes, nation => nation, "party_nation_codes");
        }
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, () =>
        {
            var agreement = Agreement.Draft(request.Kind, request.Title, request.PartyNationCodes, Audit.Created(caller, request.RequestId, time.UtcNow()));
            db.Agreements.Add(agreement);
            return Task.FromResult(agreement.ToProto());
        });
    }

    public override async Task<V1.Agreement> GetAgreement(GetAgreementRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var agreement = await FindAsync(request.Id, context.CancellationToken);
        if (!agreement.Parties.Any(p => caller.Reaches(p.Nation)))
        {
            throw new AccessDeniedException($"A {caller.Role} of {caller.Nation} reads only agreements its nation is party to.");
        }
        return agreement.ToProto();
    }

    public override async Task<ListAgreementsResponse> ListAgreements(ListAgreementsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        if (request.NationCode.Length > 0)
        {
            v.NationCode(request.NationCode, "nation_code");
        }
        v.ThrowIfAny();
        var nation = caller.NationScope(request.NationCode, "list the agreements");
        var query = db.Agreements.AsNoTracking();
        if (nation.Length > 0)
        {
            query = query.Where(a => a.Parties.Any(p => p.Nation == nation));
        }
        var (items, page) = await query.ToPageAsync(cursor, context.CancellationToken);
        return new ListAgreementsResponse { Agreements = { items.Select(a => a.ToProto()) }, Page = page };
    }

    public override async Task<V1.Agreement> ChangePartyStatus(ChangePartyStatusRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.Id);
        v.NationCode(request.NationCode, "nation_code");
        v.Defined(request.Status, "status");
        var on = v.RequiredFact(request.EffectiveOn, "effective_on", time.Today());
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var agreement = await FindAsync(request.Id, context.CancellationToken);
            var now = time.UtcNow();
            if (agreement.ChangeParty(request.NationCode, request.Status, on!.Value, caller, request.RequestId, now))
            {
                db.Publish(new AgreementInForce
                {
                    OccurredAt = now,
                    SubjectId = agreement.Id,
                    Kind = AgreementLifecycle.KindName(agreement.Kind),
                    Title = agreement.Title,
                    Parties = [.. agreement.Parties.OrderBy(p => p.Position).Select(p => p.Nation)],
                    InForceOn = agreement.InForceOn!.Value,
                });
            }
            else if (request.Status == AgreementStatus.Terminated)
            {
                // Personnel stops counting a terminated status-of-forces agreement from this day.
                db.Publish(new AgreementTerminated
                {
                    OccurredAt = now,
                    SubjectId = agreement.Id,
                    Nation = request.NationCode,
                    Kind = AgreementLifecycle.KindName(agreement.Kind),
                    Title = agreement.Title,
                    Parties = [.. agreement.Parties.OrderBy(p => p.Position).Select(p => p.Nation)],
                    TerminatedBy = request.NationCode,
                    TerminatedOn = on.Value,
                });
            }
            return agreement.ToProto();
        });
    }

    public override async Task<AgreementMatrix> GetAgreementMatrix(GetAgreementMatrixRequest request, ServerCallContext context)
    {
        var agreements = await db.Agreements.AsNoTracking().ToListAsync(context.CancellationToken);
        var cells = agreements
            .SelectMany(a => a.Parties.Select(p => (p.Nation, Agreement: a)))
            .GroupBy(x => (x.Nation, x.Agreement.Kind))
            .Select(g => g.OrderByDescending(x => AgreementLifecycle.Rank(x.Agreement.Status)).First())
            .OrderBy(x => x.Nation, StringComparer.Ordinal).ThenBy(x => x.Agreement.Kind)
            .Select(x => new AgreementMatrixCell { NationCode = x.Nation, Kind = x.Agreement.Kind, Status = x.Agreement.Status, AgreementId = x.Agreement.Id });
        return new AgreementMatrix { Cells = { cells } };
    }

    private async Task<Agreement> FindAsync(string id, CancellationToken ct)
    {
        var v = new Violations();
        v.Id(id);
        v.ThrowIfAny();
        return await db.Agreements.GetAsync(id, "agreement", ct);
    }
}
