using Coordination.Persistence;
using Coordination.Contracts;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.V1;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Strength;

/// <summary>
/// What falls due within a window from the service's today: rotations, credential expiries, pledge renewals. A nation
/// sees its own, and the tour ends of another nation's contingents that one of its own is scheduled to relieve.
/// </summary>
public sealed class DueReports(PersonnelDbContext db, TimeProvider time)
{
    public async Task<DueReport> ReadAsync(int days, string nation, CancellationToken ct)
    {
        var today = time.Today();
        var until = today.AddDays(days);

        var contingents = db.Contingents.AsNoTracking().Where(c => c.Status == ContingentStatus.Deployed && c.PlannedTourEnd <= until);
        var qualifications = db.Qualifications.AsNoTracking().Where(q => q.ExpiresOn >= today && q.ExpiresOn <= until);
        var pledges = db.Pledges.AsNoTracking().Where(p => p.Status == PledgeStatus.Active && p.RenewalDueOn <= until);
        if (nation.Length > 0)
        {
            contingents = contingents.Where(c => c.Nation == nation || db.Rotations.Any(r => r.OutgoingContingentId == c.Id && r.Nation == nation));
            qualifications = qualifications.Where(q => q.Nation == nation);
            pledges = pledges.Where(p => p.Nation == nation);
        }
        var ending = await contingents.OrderBy(c => c.PlannedTourEnd).ThenBy(c => c.Id).ToListAsync(ct);
        var ids = ending.Select(c => c.Id).ToList();
        var reliefs = await db.Rotations.AsNoTracking().Where(r => ids.Contains(r.OutgoingContingentId)).ToDictionaryAsync(r => r.OutgoingContingentId, ct);
        // Expiring qualifications are few; grouping them here keeps date aggregates out of SQL, where the providers differ.
        var expiring = await qualifications.Select(q => new { q.Nation, q.Kind, q.Name, ExpiresOn = q.ExpiresOn!.Value }).ToListAsync(ct);
        var renewals = await pledges.OrderBy(p => p.RenewalDueOn).ThenBy(p => p.Id).ToListAsync(ct);
        var mandateEnding = await Mandates.MandateViews.ExpiringAsync(db, ct);

        return new DueReport
        {
            From = today.ToProto(),
            Until = until.ToProto(),
            Rotations =
            {
                ending.Select(c =>
                {
                    var relief = reliefs.GetValueOrDefault(c.Id);
                    return new RotationDue
                    {
                        ContingentId = c.Id,
                        NationCode = c.Nation,
                        ContingentName = c.Name,
                        SiteId = c.SiteId,
                        OfficerCount = c.OfficerCount,
                        PlannedTourEnd = c.PlannedTourEnd.ToProto(),
                        Overdue = c.PlannedTourEnd < today,
                        RotationId = relief?.Id ?? "",
                        IncomingContingentId = relief?.IncomingContingentId ?? "",
                        IncomingArrivesOn = relief?.IncomingArrivesOn.ToProto(),
                        IncomingNationCode = relief?.Nation ?? "",
                        EndsWithMandate = mandateEnding?.EndsTourOf(c.PlannedTourEnd) == true,
                    };
                }),
            },
            CredentialExpiries =
            {
                expiring.GroupBy(q => (q.Nation, q.Kind, q.Name))
                    .OrderBy(g => g.Key.Nation, StringComparer.Ordinal).ThenBy(g => g.Key.Kind).ThenBy(g => g.Key.Name, StringComparer.Ordinal)
                    .Select(g => new CredentialExpiries
                    {
                        NationCode = g.Key.Nation,
                        Kind = g.Key.Kind,
                        Name = g.Key.Name,
                        Officers = g.Count(),
                        EarliestExpiry = g.Min(q => q.ExpiresOn).ToProto(),
                    }),
            },
            PledgeRenewals =
            {
                renewals.Select(p => new PledgeRenewalDue
                {
                    PledgeId = p.Id,
                    NationCode = p.Nation,
                    OfficerCount = p.OfficerCount,
                    ReadinessLevel = p.ReadinessLevel,
                    RenewalDueOn = p.RenewalDueOn.ToProto(),
                    Overdue = p.RenewalDueOn < today,
                }),
            },
        };
    }
}
