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
