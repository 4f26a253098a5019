using Coordination.Events;
using Coordination.Messaging;
using Coordination.Personnel.Contingents;
using Coordination.Personnel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Personnel.Agreements;

/// <summary>
/// One party to a status-of-forces agreement, as diplomacy announced it: personnel's local copy, so a deployment never
/// calls diplomacy. A nation may deploy while a status-of-forces agreement to which both it and the host state are
/// parties is in force: from the day it entered into force until the day it was terminated.
/// </summary>
public sealed class StatusOfForcesParty
{
    public string AgreementId { get; init; } = "";
    public string Nation { get; init; } = "";
    public string Title { get; init; } = "";
    /// <summary>Null while only the termination has been heard of (events may arrive in any order).</summary>
    public DateOnly? InForceOn { get; set; }
    /// <summary>The earliest termination heard of; the agreement stops counting from that day.</summary>
    public DateOnly? TerminatedOn { get; set; }
    public DateTime RecordedAt { get; init; }
}

public sealed class StatusOfForcesPartyConfiguration : IEntityTypeConfiguration<StatusOfForcesParty>
{
    public void Configure(EntityTypeBuilder<StatusOfForcesParty> b)
    {
        b.ToTable("status_of_forces_parties");
        b.HasKey(x => new { x.AgreementId, x.Nation });
        b.Property(x => x.AgreementId).HasMaxLength(32);
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.Title).HasMaxLength(300);
        b.HasIndex(x => new { x.Nation, x.InForceOn });
    }
}

/// <summary>The days one status-of-forces agreement lets a nation deploy: from its entry into force to its termination.</summary>
public sealed record StatusOfForcesPeriod(string Nation, DateOnly InForceOn, DateOnly? TerminatedOn)
{
    public bool Covers(DateOnly day) => InForceOn <= day && !(TerminatedOn <= day);
}

/// <summary>What the deployment rule and the strength report know of the nations' status-of-forces agreements.</summary>
public static class StatusOfForces
{
    /// <summary>The host state: only an agreement to which it is a party lets a nation's forces into its territory.</summary>
    public const string HostState = "HTI";

    public const string Kind = "STATUS_OF_FORCES";

    /// <summary>Every period an agreement with the host state was in force, for every party (the host's own rows included).</summary>
    public static Task<List<StatusOfForcesPeriod>> PeriodsAsync(this PersonnelDbContext db, CancellationToken ct) =>
        Periods(db, db.StatusOfForces).ToListAsync(ct);

    /// <summary>The periods of one nation: what its deployment is judged against.</summary>
    public static Task<List<StatusOfForcesPeriod>> PeriodsOfAsync(this PersonnelDbContext db, string nation, CancellationToken ct) =>
        Periods(db, db.StatusOfForces.Where(p => p.Nation == nation)).ToListAsync(ct);

    private static IQueryable<StatusOfForcesPeriod> Periods(PersonnelDbContext db, IQueryable<StatusOfForcesParty> parties) =>
        parties.AsNoTracking()
            .Where(p => p.InForceOn != null && db.StatusOfForces.Any(h => h.AgreementId == p.AgreementId && h.Nation == HostState))
            .Select(p => new StatusOfForcesPeriod(p.Nation, p.InForceOn!.Value, p.TerminatedOn));

    /// <summary>
    /// Applies what diplomacy announced of a status-of-forces agreement to each of its parties' rows, adding the rows of
    /// parties not heard of yet (an agreement's events may arrive in any order), and returns the rows; other kinds are
    /// not personnel's concern (none is returned).
    /// </summary>
    internal static async Task<List<StatusOfForcesParty>> ApplyAsync(PersonnelDbContext db, string kind, string agreementId, IEnumerable<string> nations,
        string title, DateTime at, Action<StatusOfForcesParty> apply, CancellationToken ct)
    {
        if (kind != Kind)
        {
            return [];
        }
        var parties = await db.StatusOfForces.Where(p => p.AgreementId == agreementId).ToListAsync(ct);
        foreach (var nation in nations.Distinct(StringComparer.Ordinal).Where(n => parties.All(p => p.Nation != n)).ToList())
        {
            var party = new StatusOfForcesParty { AgreementId = agreementId, Nation = nation, Title = title.Length > 300 ? title[..300] : title, RecordedAt = at };
            db.StatusOfForces.Add(party);
            parties.Add(party);
        }
        parties.ForEach(apply);
        return parties;
    }
}

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
