using Coordination.Persistence;
using Coordination.Personnel.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Personnel.Officers;

/// <summary>
/// How many officers of a nation stand at a status, by gender: kept in the transaction of every change to an officer,
/// so the strength report reads a few hundred tallies instead of counting a hundred thousand officers each time.
/// </summary>
public sealed class OfficerTally
{
    public string Nation { get; init; } = "";
    public OfficerStatus Status { get; init; }
    public Gender Gender { get; init; }
    public int Count { get; init; }
}

public sealed class OfficerTallyConfiguration : IEntityTypeConfiguration<OfficerTally>
{
    public void Configure(EntityTypeBuilder<OfficerTally> b)
    {
        b.ToTable("officer_tallies");
        b.HasKey(x => new { x.Nation, x.Status, x.Gender });
        b.Property(x => x.Nation).HasMaxLength(3);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Gender).HasConversion<string>().HasMaxLength(10);
    }
}

/// <summary>Works out what a save changes in the tallies, and applies it with one atomic upsert in the same transaction.</summary>
public static class OfficerTallyChanges
{
    public static SortedDictionary<(string Nation, string Status, string Gender), int> Deltas(ChangeTracker tracker)
    {
        var deltas = new SortedDictionary<(string, string, string), int>();
        void Add(Officer o, OfficerStatus status, int by)
        {
            var key = (o.Nation, status.ToString(), o.Gender.ToString());
            deltas[key] = deltas.GetValueOrDefault(key) + by;
        }
        foreach (var entry in tracker.Entries<Officer>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    Add(entry.Entity, entry.Entity.Status, +1);
                    break;
                case EntityState.Deleted:
                    Add(entry.Entity, entry.Property(o => o.Status).OriginalValue, -1);
                    break;
                case EntityState.Modified when entry.Property(o => o.Status).OriginalValue != entry.Entity.Status:
                    Add(entry.Entity, entry.Property(o => o.Status).OriginalValue, -1);
                    Add(entry.Entity, entry.Entity.Status, +1);
                    break;
            }
        }
        foreach (var unchanged in deltas.Where(d => d.Value == 0).Select(d => d.Key).ToList())
        {
            deltas.Remove(unchanged);
        }
        return deltas;
    }

    /// <summary>
    /// One upsert for every tally the save touched, in key order, so two transactions touching the same tallies lock
    /// them in the same order and wait for each other instead of deadlocking. The same SQL runs on both providers.
    /// </summary>
    public static Task ApplyAsync(DbContext db, SortedDictionary<(string Nation, string Status, string Gender), int> deltas, CancellationToken ct)
    {
        var totals = new RunningTotalsBatch();
        foreach (var ((nation, status, gender), by) in deltas)
        {
            totals.Add("officer_tallies", [("Nation", nation), ("Status", status), ("Gender", gender)], [("Count", by)]);
        }
        return totals.ExecuteAsync(db, ct);
    }
}
