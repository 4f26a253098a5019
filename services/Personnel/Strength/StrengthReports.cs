using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Personnel.Agreements;
using Coordination.Personnel.Contingents;
using Coordination.Personnel.Officers;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.V1;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Strength;

/// <summary>
/// Reads the strength report: a handful of small grouped queries, summed in memory (integers only, so both providers
/// agree). Officers are counted from their tallies (nation, status, gender), kept in the transaction of every change
/// to an officer, never by counting the officers: that keeps the report fast with a hundred thousand of them.
/// <para>
/// What each caller sees (docs/security.md): the mission's totals against the ceiling, and every nation's officers
/// pledged and deployed with their gender, are public; the rest of a nation's figures (requested and notified
/// officers, officers by where they stand in vetting, its agreements, its officers at each site) only for the nations
/// the caller reaches. Site coverage (required posture against every nation's officers on duty) is the mission's.
/// </para>
/// </summary>
public sealed class StrengthReports(PersonnelDbContext db, TimeProvider time)
{
    private static readonly ReadinessLevel[] Levels = [ReadinessLevel.L1, ReadinessLevel.L2, ReadinessLevel.L3, ReadinessLevel.RapidDeployment];

    public async Task<StrengthReport> ReadAsync(string nation, Caller caller, CancellationToken ct)
    {
        var mandate = await db.Mandates.AsNoTracking().OrderByDescending(m => m.PeriodEnd).FirstOrDefaultAsync(ct);
        var contingents = await db.Contingents.AsNoTracking()
            .GroupBy(c => new { c.Nation, c.Status, c.SiteId })
            .Select(g => new { g.Key.Nation, g.Key.Status, g.Key.SiteId, Officers = g.Sum(c => c.OfficerCount) })
            .ToListAsync(ct);
        var pledges = await db.Pledges.AsNoTracking()
            .Where(p => p.Status == PledgeStatus.Active)
            .GroupBy(p => new { p.Nation, p.ReadinessLevel })
            .Select(g => new { g.Key.Nation, g.Key.ReadinessLevel, Pledges = g.Count(), Officers = g.Sum(p => p.OfficerCount) })
            .ToListAsync(ct);
        var tallies = db.OfficerTallies.AsNoTracking().Where(t => t.Count != 0);
        if (nation.Length > 0)
        {
            tallies = tallies.Where(t => t.Nation == nation);
        }
        var officers = await tallies.ToListAsync(ct);
        var agreements = await db.PeriodsAsync(ct);
        var sites = await db.Sites.AsNoTracking().ToListAsync(ct);
        var reduced = await ReducedCapabilityAsync(nation, ct);
        var endingWithMandate = await EndingWithMandateAsync(mandate, nation, ct);
        var today = time.Today();

        var report = new StrengthReport
        {
            MandateResolutionSymbol = mandate?.ResolutionSymbol ?? "",
            AuthorizedCeiling = mandate?.PersonnelCeiling ?? 0,
            Mission = Figures(pledges.Sum(p => p.Officers), contingents.Select(c => (c.Status, c.Officers))),
            AllNations = caller.ActsForMission,
        };
        if (mandate?.UniformedCeiling is { } uniformed)
        {
            report.UniformedCeiling = uniformed;
        }
        if (mandate?.CivilianCeiling is { } civilian)
        {
            report.CivilianCeiling = civilian;
        }
        if (mandate?.ExpiryWarningDays is not null)
        {
            report.MandateExpiry = mandate.ToExpiry();
        }

        var nations = nation.Length > 0
            ? [nation]
            : contingents.Select(c => c.Nation).Concat(pledges.Select(p => p.Nation)).Concat(officers.Select(o => o.Nation))
                .Concat(agreements.Select(a => a.Nation)).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var code in nations)
        {
            var figures = Figures(pledges.Where(p => p.Nation == code).Sum(p => p.Officers),
                contingents.Where(c => c.Nation == code).Select(c => (c.Status, c.Officers)));
            var deployedGender = Share(officers.Where(o => o.Nation == code && o.Status == OfficerStatus.Deployed).Select(o => (o.Gender, o.Count)));
            if (!caller.Reaches(code))
            {
                if (nation.Length > 0 || figures.PledgedOfficers > 0 || figures.DeployedOfficers > 0)
                {
                    report.Nations.Add(new NationStrength
                    {
                        NationCode = code,
                        Figures = new StrengthFigures { PledgedOfficers = figures.PledgedOfficers, DeployedOfficers = figures.DeployedOfficers },
                        DeployedGender = deployedGender,
                    });
                }
                continue;
            }
            var own = officers.Where(o => o.Nation == code).ToList();
            var since = agreements.Where(a => a.Nation == code && a.Covers(today)).Min(a => (DateOnly?)a.InForceOn);
            report.Nations.Add(new NationStrength
            {
                NationCode = code,
                Figures = figures,
                Officers = new OfficerCounts
                {
                    Registered = own.Sum(o => o.Count),
                    InVetting = own.Where(o => o.Status == OfficerStatus.InVetting).Sum(o => o.Count),
                    NotCleared = own.Where(o => o.Status == OfficerStatus.NotCleared).Sum(o => o.Count),
                    Vetted = own.Where(o => o.Status == OfficerStatus.Vetted).Sum(o => o.Count),
                    Assigned = own.Where(o => o.Status == OfficerStatus.Assigned).Sum(o => o.Count),
                    Deployed = own.Where(o => o.Status == OfficerStatus.Deployed).Sum(o => o.Count),
                    Repatriated = own.Where(o => o.Status == OfficerStatus.Repatriated).Sum(o => o.Count),
                },
                DeployedGender = deployedGender,
                StatusOfForcesInForce = since is not null,
                StatusOfForcesInForceOn = since.ToProto(),
                OwnFigures = true,
                ReducedCapabilityContingentIds = { reduced.Where(r => r.Nation == code).Select(r => r.Id) },
                ContingentsEndingWithMandateIds = { endingWithMandate.Where(r => r.Nation == code).Select(r => r.Id) },
            });
        }

        // Sites are public; the officers at them count only the contingents of nations the caller reaches.
        var onSites = contingents.Where(c => c.SiteId.Length > 0 && caller.Reaches(c.Nation)).ToList();
        var views = sites.ToDictionary(s => s.SiteId, StringComparer.Ordinal);
        foreach (var siteId in views.Keys.Concat(onSites.Select(c => c.SiteId)).Distinct().Order(StringComparer.Ordinal))
        {
            var here = onSites.Where(c => c.SiteId == siteId).ToList();
            var view = views.GetValueOrDefault(siteId);
            var onDuty = here.Where(c => c.Status == ContingentStatus.Deployed).Sum(c => c.Officers);
            var posture = view?.RequiredPosture ?? 0;
            report.Sites.Add(new SiteStrength
            {
                SiteId = siteId,
                SiteName = view?.Name ?? "",
                SiteStatus = view?.Status ?? "",
                RequiredPosture = posture,
                OfficersOnDuty = onDuty,
                DeployedOfficers = here.Where(c => ContingentLifecycle.InMissionArea.Contains(c.Status)).Sum(c => c.Officers),
                NotifiedOfficers = here.Where(c => ContingentLifecycle.Notified.Contains(c.Status)).Sum(c => c.Officers),
                Shortfall = caller.ActsForMission ? Math.Max(0, posture - onDuty) : 0,
            });
        }

        var levelled = pledges.Where(p => (nation.Length == 0 || p.Nation == nation) && caller.Reaches(p.Nation)).ToList();
        report.PledgesByLevel.Add(Levels.Select(level => new ReadinessLevelCount
        {
            ReadinessLevel = level,
            Pledges = levelled.Where(p => p.ReadinessLevel == level).Sum(p => p.Pledges),
            Officers = levelled.Where(p => p.ReadinessLevel == level).Sum(p => p.Officers),
        }));
        report.DeployedGender = Share(officers.Where(o => o.Status == OfficerStatus.Deployed).Select(o => (o.Gender, o.Count)));
        report.RegisteredGender = Share(officers.Where(o => caller.Reaches(o.Nation)).Select(o => (o.Gender, o.Count)));
        return report;
    }

    /// <summary>Contingents in the mission area with a line of major equipment below its threshold at its latest inspection.</summary>
    private async Task<List<(string Nation, string Id)>> ReducedCapabilityAsync(string nation, CancellationToken ct)
    {
        var below = db.EquipmentConditions.AsNoTracking().Where(e => e.BelowThreshold).Select(e => e.ContingentId);
        var contingents = db.Contingents.AsNoTracking()
            .Where(c => ContingentLifecycle.InMissionArea.Contains(c.Status) && below.Contains(c.Id));
        if (nation.Length > 0)
        {
            contingents = contingents.Where(c => c.Nation == nation);
        }
        var rows = await contingents.Select(c => new { c.Nation, c.Id }).ToListAsync(ct);
        return rows.Select(r => (r.Nation, r.Id)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Contingents in the mission area whose tour ends with the mandate in force, once diplomacy warned it ends unrenewed.</summary>
    private async Task<List<(string Nation, string Id)>> EndingWithMandateAsync(Mandates.MandateView? mandate, string nation, CancellationToken ct)
    {
        if (mandate?.ExpiryWarningDays is null)
        {
            return [];
        }
        var end = mandate.PeriodEnd;
        var contingents = db.Contingents.AsNoTracking()
            .Where(c => ContingentLifecycle.InMissionArea.Contains(c.Status) && c.PlannedTourEnd >= end);
        if (nation.Length > 0)
        {
            contingents = contingents.Where(c => c.Nation == nation);
        }
        var rows = await contingents.Select(c => new { c.Nation, c.Id }).ToListAsync(ct);
        return rows.Select(r => (r.Nation, r.Id)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    private static StrengthFigures Figures(int pledged, IEnumerable<(ContingentStatus Status, int Officers)> contingents)
    {
        var list = contingents.ToList();
        return new StrengthFigures
        {
            PledgedOfficers = pledged,
            RequestedOfficers = list.Where(c => c.Status == ContingentStatus.Requested).Sum(c => c.Officers),
            NotifiedOfficers = list.Where(c => ContingentLifecycle.Notified.Contains(c.Status)).Sum(c => c.Officers),
            DeployedOfficers = list.Where(c => ContingentLifecycle.InMissionArea.Contains(c.Status)).Sum(c => c.Officers),
        };
    }

    private static GenderShare Share(IEnumerable<(Gender Gender, int Count)> officers)
    {
        var list = officers.ToList();
        var female = list.Where(o => o.Gender == Gender.Female).Sum(o => o.Count);
        var male = list.Where(o => o.Gender == Gender.Male).Sum(o => o.Count);
        return new GenderShare
        {
            Female = female,
            Male = male,
            FemaleShareBasisPoints = female + male == 0 ? 0 : (int)(female * 10_000L / (female + male)),
        };
    }
}
