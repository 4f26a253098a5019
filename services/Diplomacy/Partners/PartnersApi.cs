using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Diplomacy.Agreements;
using Coordination.Diplomacy.Commitments;
using Coordination.Diplomacy.Persistence;
using Coordination.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Validation;
using Coordination.Values;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Diplomacy.Partners;

/// <summary>Partner briefs: a contributor reads its own nation's, diplomats and mission admins any.</summary>
public sealed class PartnersApi(DiplomacyDbContext db, TimeProvider time) : PartnerService.PartnerServiceBase
{
    public override async Task<PartnerBrief> GetPartnerBrief(GetPartnerBriefRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.NationCode(request.NationCode, "nation_code");
        v.ThrowIfAny();
        caller.RequireNation(request.NationCode, "read partner briefs");

        var ct = context.CancellationToken;
        var today = time.Today();
        var tally = await db.PartnerTallies.AsNoTracking().FirstOrDefaultAsync(t => t.Nation == request.NationCode, ct);
        var commitments = await db.Commitments.AsNoTracking().Where(c => c.Nation == request.NationCode)
            .OrderBy(c => c.DueOn).ThenBy(c => c.Id).Take(200).ToListAsync(ct);
        var reduced = await db.ContingentCapabilities.AsNoTracking().Where(c => c.Nation == request.NationCode && c.Reduced && !c.Repatriated)
            .OrderBy(c => c.ContingentId).Select(c => c.ContingentId).Take(200).ToListAsync(ct);
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.Parties.Any(p => p.Nation == request.NationCode))
            .OrderBy(a => a.Id).Take(200).ToListAsync(ct);
        return new PartnerBrief
        {
            PledgedOfficers = tally?.PledgedOfficers ?? 0,
            PaidUsd = new ExactMoney("USD", tally?.PaidUsdCents ?? 0).ToProto(),
            Commitments = { commitments.Select(c => c.ToProto(today)) },
            CommitmentCounts =
            {
                commitments.GroupBy(c => c.StateOn(today)).OrderBy(g => g.Key)
                    .Select(g => new CommitmentStateCount { State = g.Key, Count = g.Count() }),
            },
            Agreements = { agreements.Select(a => a.ToProto()) },
            NationCode = request.NationCode,
            DeployedOfficers = tally?.DeployedOfficers ?? 0,
            DeployedContingents = tally?.DeployedContingents ?? 0,
            PledgedUsd = new ExactMoney("USD", tally?.PledgedUsdCents ?? 0).ToProto(),
            ContributionsPledged = tally?.ContributionsPledged ?? 0,
            InKindPledgedUsd = new ExactMoney("USD", tally?.InKindPledgedUsdCents ?? 0).ToProto(),
            UpdateTime = tally?.UpdatedAt.ToTimestamp(),
            ReducedCapabilityContingentIds = { reduced },
        };
    }
}
