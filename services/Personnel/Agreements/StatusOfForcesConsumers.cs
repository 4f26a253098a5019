using Coordination.Events;
using Coordination.Messaging;
using Coordination.Personnel.Contingents;
using Coordination.Personnel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Agreements;

/// <summary>Keeps the parties of every status-of-forces agreement diplomacy brings into force, from the day it entered into force.</summary>
public sealed class AgreementInForceConsumer(PersonnelDbContext db, ILogger<AgreementInForceConsumer> logger)
    : IdempotentConsumer<AgreementInForce>(db, logger)
{
    protected override Task HandleAsync(AgreementInForce message, CancellationToken ct) =>
        StatusOfForces.ApplyAsync(db, message.Kind, message.SubjectId, message.Parties, message.Title, message.OccurredAt,
            party => party.InForceOn ??= message.InForceOn, ct);
}

/// <summary>
/// A terminated status-of-forces agreement lets no party deploy from its termination day: the earliest day heard of
/// stands, so a redelivery or another party's later termination changes nothing. A termination recorded late may be
/// dated before contingents of a party deployed: they stay deployed, and a warning names them, for the mission decides
/// their repatriation.
/// </summary>
public sealed partial class AgreementTerminatedConsumer(PersonnelDbContext db, ILogger<AgreementTerminatedConsumer> logger)
    : IdempotentConsumer<AgreementTerminated>(db, logger)
{
    /// <summary>Contingents named in one warning at most; the count names the rest.</summary>
    private const int Named = 20;

    protected override async Task HandleAsync(AgreementTerminated message, CancellationToken ct)
    {
        var parties = await StatusOfForces.ApplyAsync(db, message.Kind, message.SubjectId, message.Parties, message.Title, message.OccurredAt,
            party => party.TerminatedOn = party.TerminatedOn < message.TerminatedOn ? party.TerminatedOn : message.TerminatedOn, ct);
        // Only an agreement with the host state let anyone deploy, so only its end can leave contingents without one.
        if (parties.Count == 0 || parties.All(p => p.Nation != StatusOfForces.HostState))
        {
            return;
        }
        var ended = parties.Min(p => p.TerminatedOn)!.Value;
        var nations = parties.Select(p => p.Nation).ToList();
        var deployedSince = await db.Contingents.AsNoTracking()
            .Where(c => nations.Contains(c.Nation) && ContingentLifecycle.InMissionArea.Contains(c.Status) && c.DeployedOn >= ended)
            .OrderBy(c => c.DeployedOn).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Nation, c.Name, c.DeployedOn })
            .ToListAsync(ct);
        if (deployedSince.Count > 0)
        {
            LogDeployedAfterTermination(logger, message.SubjectId, ended, deployedSince.Count,
                string.Join("; ", deployedSince.Take(Named).Select(c => $"{c.Name} ({c.Nation}, {c.Id}, deployed {c.DeployedOn:yyyy-MM-dd})"))
                    + (deployedSince.Count > Named ? $"; and {deployedSince.Count - Named} more" : ""));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status-of-forces agreement {AgreementId} with the host state ended on {TerminatedOn:yyyy-MM-dd}, "
        + "but {Count} contingents of its parties in the mission area deployed on or after that day: {Contingents}. They stay deployed; the mission decides their repatriation.")]
    private static partial void LogDeployedAfterTermination(ILogger logger, string agreementId, DateOnly terminatedOn, int count, string contingents);
}
