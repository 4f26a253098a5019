using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Personnel.Contingents;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Strength;

/// <summary>Mission-wide strength: aggregates only, so every authenticated role may read it.</summary>
public sealed class ForceStrengthApi(PersonnelDbContext db) : ForceStrengthService.ForceStrengthServiceBase
{
    public override async Task<ForceStrength> GetForceStrength(GetForceStrengthRequest request, ServerCallContext context)
    {
        _ = Caller.From(context);
        var ct = context.CancellationToken;
        var mandate = await db.Mandates.AsNoTracking().OrderByDescending(m => m.PeriodEnd).FirstOrDefaultAsync(ct);
        var byStatus = await db.Contingents.AsNoTracking()
            .GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Officers = g.Sum(c => c.OfficerCount), Contingents = g.Count() })
            .ToListAsync(ct);

        return new ForceStrength
        {
            MandateResolutionSymbol = mandate?.ResolutionSymbol ?? "",
            MandatePeriodEnd = mandate?.PeriodEnd.ToProto(),
            AuthorizedCeiling = mandate?.PersonnelCeiling ?? 0,
            DeployedOfficers = byStatus.Where(s => ContingentLifecycle.InMissionArea.Contains(s.Status)).Sum(s => s.Officers),
            DeployedContingents = byStatus.Where(s => ContingentLifecycle.InMissionArea.Contains(s.Status)).Sum(s => s.Contingents),
            PipelineOfficers = byStatus.Where(s => ContingentLifecycle.InPipeline.Contains(s.Status)).Sum(s => s.Officers),
        };
    }
}
