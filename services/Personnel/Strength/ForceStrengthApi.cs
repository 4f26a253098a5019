using System.Diagnostics;
using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Personnel.Contingents;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.V1;
using Coordination.Persistence;
using Coordination.Validation;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coordination.Personnel.Strength;

/// <summary>
/// Mission-wide strength. The totals against the ceiling and, per nation, officers pledged and deployed (with their
/// gender) are public mission information, read by every role; a nation's own figures (its pipeline, vetting outcomes,
/// sites, due items) go only to the roles that reach that nation (docs/security.md).
/// </summary>
public sealed class ForceStrengthApi(PersonnelDbContext db, StrengthReports reports, DueReports due, StrengthSignal signal,
    IOptions<StrengthStreamOptions> streamOptions, TimeProvider time) : ForceStrengthService.ForceStrengthServiceBase
{
    public override async Task<ForceStrength> GetForceStrength(GetForceStrengthRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var mandate = await db.Mandates.AsNoTracking().OrderByDescending(m => m.PeriodEnd).FirstOrDefaultAsync(ct);
        var byStatus = await db.Contingents.AsNoTracking()
            .GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Officers = g.Sum(c => c.OfficerCount), Contingents = g.Count() })
            .ToListAsync(ct);

        var strength = new ForceStrength
        {
            MandateResolutionSymbol = mandate?.ResolutionSymbol ?? "",
            MandatePeriodEnd = mandate?.PeriodEnd.ToProto(),
            AuthorizedCeiling = mandate?.PersonnelCeiling ?? 0,
            DeployedOfficers = byStatus.Where(s => ContingentLifecycle.InMissionArea.Contains(s.Status)).Sum(s => s.Officers),
            DeployedContingents = byStatus.Where(s => ContingentLifecycle.InMissionArea.Contains(s.Status)).Sum(s => s.Contingents),
            PipelineOfficers = byStatus.Where(s => ContingentLifecycle.InPipeline.Contains(s.Status)).Sum(s => s.Officers),
        };
        if (mandate?.UniformedCeiling is { } uniformed)
        {
            strength.UniformedCeiling = uniformed;
        }
        if (mandate?.CivilianCeiling is { } civilian)
        {
            strength.CivilianCeiling = civilian;
        }
        return strength;
    }

    public override async Task<StrengthReport> GetStrengthReport(GetStrengthReportRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        ValidateNation(request.NationCode);
        var report = await reports.ReadAsync(caller.NationScope(request.NationCode, "read the strength"), caller, context.CancellationToken);
        report.AsOf = time.UtcNow().ToTimestamp();
        return report;
    }

    public override Task<DueReport> GetDueReport(GetDueReportRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.Range(request.Days, "days", 1, 366);
        OptionalNation(v, request.NationCode);
        v.ThrowIfAny();
        // Where units stand and when they leave is a nation's own: a nation's role reads only its own nation's due items.
        return due.ReadAsync(request.Days, caller.NationScope(request.NationCode, "read the due report"), context.CancellationToken);
    }

    /// <summary>
    /// Re-reads the report after every local commit that touched strength and at least every poll interval (for commits
    /// through other replicas), and sends it when it differs from the last one sent, or unchanged as a keep-alive.
    /// </summary>
    public override async Task StreamStrength(StreamStrengthRequest request, IServerStreamWriter<StrengthUpdate> responseStream, ServerCallContext context)
    {
        var caller = Caller.From(context);
        ValidateNation(request.NationCode);
        var nation = caller.NationScope(request.NationCode, "read the strength");
        var options = streamOptions.Value;
        var ct = context.CancellationToken;
        StrengthReport? last = null;
        var silence = Stopwatch.StartNew();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var woken = signal.Next; // taken before reading, so a commit during the read is not missed
                var report = await reports.ReadAsync(nation, caller, ct);
                var changed = !report.Equals(last);
                if (changed || silence.Elapsed >= options.KeepAlive)
                {
                    var sent = report.Clone();
                    sent.AsOf = time.UtcNow().ToTimestamp();
                    await responseStream.WriteAsync(new StrengthUpdate { Report = sent, Changed = changed }, ct);
                    last = report;
                    silence.Restart();
                }
                await Task.WhenAny(woken, Task.Delay(options.PollInterval, ct));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The dashboard went away.
        }
    }

    private static void ValidateNation(string nation)
    {
        var v = new Violations();
        OptionalNation(v, nation);
        v.ThrowIfAny();
    }

    /// <summary>A nation_code that narrows a report: empty for every nation the caller reaches.</summary>
    private static void OptionalNation(Violations v, string nation)
    {
        if (nation.Length > 0)
        {
            v.NationCode(nation, "nation_code");
        }
    }
}
