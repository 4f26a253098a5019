using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Validation;
using Coordination.Values;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Diplomacy.Partners;

/// <summary>Partner briefs: a contributor reads its own nation's, diplomats and mission admins any.</summary>
public sealed class PartnersApi(DiplomacyDbContext db) : PartnerService.PartnerServiceBase
{
    public override async Task<PartnerBrief> GetPartnerBrief(GetPartnerBriefRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.NationCode(request.NationCode, "nation_code");
        v.ThrowIfAny();
        caller.RequireNationAccess(request.NationCode, "read partner briefs", Roles.Diplomat, Roles.MissionAdmin);

        var tally = await db.PartnerTallies.AsNoTracking().FirstOrDefaultAsync(t => t.Nation == request.NationCode, context.CancellationToken);
        return new PartnerBrief
        {
            NationCode = request.NationCode,
            DeployedOfficers = tally?.DeployedOfficers ?? 0,
            DeployedContingents = tally?.DeployedContingents ?? 0,
            PledgedUsd = new ExactMoney("USD", tally?.PledgedUsdCents ?? 0).ToProto(),
            ContributionsPledged = tally?.ContributionsPledged ?? 0,
            UpdateTime = tally?.UpdatedAt.ToTimestamp(),
        };
    }
}
