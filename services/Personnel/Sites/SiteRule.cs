using Coordination.Errors;
using Coordination.Personnel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Sites;

/// <summary>
/// Site ids come from logistics, which announces its sites by event. Once personnel has heard of any site it refuses
/// an id it has not heard of; before that (a fresh deployment, or logistics not running) it accepts any well-formed id,
/// so contingents can still be recorded. A site registered a moment ago may still be on its way: retry shortly.
/// </summary>
public static class SiteRule
{
    public static async Task EnsureKnownAsync(this PersonnelDbContext db, string siteId, CancellationToken ct)
    {
        if (siteId.Length == 0 || await db.Sites.AnyAsync(s => s.SiteId == siteId, ct) || !await db.Sites.AnyAsync(ct))
        {
            return;
        }
        throw new PreconditionFailedException("UNKNOWN_SITE", $"sites/{siteId}",
            $"Logistics has announced no site {siteId}. Site ids come from logistics' CreateSite; a site registered a moment ago may not have reached personnel yet, so retry shortly.");
    }
}
