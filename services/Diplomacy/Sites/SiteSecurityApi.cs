using Coordination.Contracts;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Diplomacy.Sites;

/// <summary>The critical sites' security records as diplomacy reports them (from SiteStatusChanged); every role reads them.</summary>
public sealed class SiteSecurityApi(DiplomacyDbContext db) : SiteSecurityService.SiteSecurityServiceBase
{
    /// <summary>The most sites one answer lists: the mission protects a few dozen.</summary>
    public const int MaxSites = 1_000;

    public override async Task<ListSiteSecurityRecordsResponse> ListSiteSecurityRecords(ListSiteSecurityRecordsRequest request, ServerCallContext context)
    {
        var tallies = await db.SiteStatusTallies.AsNoTracking().OrderBy(t => t.SiteName).ThenBy(t => t.SiteId).Take(MaxSites)
            .ToListAsync(context.CancellationToken);
        return new ListSiteSecurityRecordsResponse
        {
            Sites =
            {
                tallies.Select(t => new SiteSecurityRecord
                {
                    SiteId = t.SiteId, SiteName = t.SiteName, Status = t.LastStatus, StatusChangedAt = t.LastChangedAt.ToTimestamp(),
                    Changes = t.Changes, TimesLost = t.TimesLost,
                }),
            },
        };
    }
}
