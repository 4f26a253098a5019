using Coordination.Persistence;
using Coordination.Personnel.Agreements;
using Coordination.Personnel.Contingents;
using Coordination.Personnel.Equipment;
using Coordination.Personnel.Mandates;
using Coordination.Personnel.Officers;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.Pledges;
using Coordination.Personnel.Sites;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Strength;

/// <summary>Wakes this replica's strength streams when one of its own commits touched what the report counts.</summary>
public sealed class StrengthSignal : CommitSignal
{
    public override bool Concerns(ServiceDbContext db) => db is PersonnelDbContext && db.ChangeTracker.Entries().Any(e =>
        e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && e.Entity is Contingent or Pledge or Officer or MandateView or SiteView or StatusOfForcesParty or EquipmentCondition);
}

/// <summary>How strength streams poll and keep alive. Bound from <c>Personnel:StrengthStream</c>.</summary>
public sealed class StrengthStreamOptions
{
    public const string Section = "Personnel:StrengthStream";

    /// <summary>Longest a stream waits before re-reading the report, to see changes made through other replicas.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest a stream stays silent; then it repeats the report so proxies keep it open.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);
}
