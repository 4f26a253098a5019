using Coordination.Events;
using Coordination.Persistence;
using Coordination.Personnel.Equipment;
using Coordination.Personnel.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Coordination.Tests.Personnel;

/// <summary>
/// Logistics announces an inspection and, when it is below the threshold, that too: the two may arrive in either order,
/// and an older inspection may arrive after a newer one. The line's condition is its latest inspection's, whole.
/// </summary>
public sealed class EquipmentConditionTests : IAsyncLifetime
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"coordination-personnel-{Guid.NewGuid():N}.db");
    private PersonnelDbContext db = null!;

    public async Task InitializeAsync()
    {
        db = new PersonnelDbContext(new DbContextOptionsBuilder<PersonnelDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options);
        await SqliteSchema.EnsureAsync(db, rebuildStale: false, default);
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        foreach (var part in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(part);
        }
    }

    [Fact]
    public async Task The_threshold_heard_before_its_inspection_stays_below_and_a_later_inspection_clears_it()
    {
        await Below("i2", new DateOnly(2025, 2, 1), 70);
        await Inspected("i2", new DateOnly(2025, 2, 1), 70);
        Assert.Equal(("i2", 70, true), await Condition());

        await Inspected("i3", new DateOnly(2025, 3, 1), 93);
        Assert.Equal(("i3", 93, false), await Condition());
    }

    [Fact]
    public async Task An_older_inspection_heard_late_changes_nothing()
    {
        await Inspected("i3", new DateOnly(2025, 3, 1), 93);
        await Below("i2", new DateOnly(2025, 2, 1), 70);
        await Inspected("i2", new DateOnly(2025, 2, 1), 70);

        Assert.Equal(("i3", 93, false), await Condition());
    }

    [Fact]
    public async Task The_contingent_is_announced_reduced_at_its_first_line_below_and_restored_at_its_last_line_back()
    {
        await Below("a1", new DateOnly(2025, 2, 1), 70, "line-a");
        await Below("b1", new DateOnly(2025, 2, 2), 80, "line-b");
        await Inspected("a2", new DateOnly(2025, 3, 1), 95, "line-a");
        Assert.Equal([true], await Announced());

        await Inspected("b2", new DateOnly(2025, 3, 2), 91, "line-b");
        Assert.Equal([true, false], await Announced());
    }

    /// <summary>The ContingentCapabilityChanged events in the outbox, in order: reduced (true) or restored (false).</summary>
    private async Task<List<bool>> Announced() =>
        (await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == nameof(ContingentCapabilityChanged)).ToListAsync())
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
            .Select(m => System.Text.Json.JsonSerializer.Deserialize<ContingentCapabilityChanged>(m.Payload, EventCatalog.JsonOptions)!.ReducedCapability)
            .ToList();

    private Task Inspected(string inspection, DateOnly on, int percent, string line = "line-1") => Apply(new EquipmentInspected
    {
        OccurredAt = DateTime.UtcNow, SubjectId = line, Nation = "TCD", ContingentId = "contingent-1", InspectionId = inspection,
        Kind = "PERIODIC", LeaseType = "WET", Quantity = 6, ServiceabilityPercent = percent, InspectedOn = on,
    }, inspection, on, percent, below: false);

    private Task Below(string inspection, DateOnly on, int percent, string line = "line-1") => Apply(new ServiceabilityBelowThreshold
    {
        OccurredAt = DateTime.UtcNow, SubjectId = line, Nation = "TCD", ContingentId = "contingent-1", InspectionId = inspection,
        ServiceabilityPercent = percent, ThresholdPercent = 90, InspectedOn = on,
    }, inspection, on, percent, below: true);

    /// <summary>What each consumer does with its event, in the transaction and with the save its idempotent base makes.</summary>
    private async Task Apply(IntegrationEvent message, string inspection, DateOnly on, int percent, bool below)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await EquipmentConditions.ApplyAsync(db, message, "contingent-1", inspection, on, percent, below, default);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        db.ChangeTracker.Clear();
    }

    private async Task<(string, int, bool)> Condition()
    {
        var condition = await db.EquipmentConditions.AsNoTracking().SingleAsync();
        Assert.Equal(("contingent-1", "TCD"), (condition.ContingentId, condition.Nation));
        return (condition.InspectionId, condition.ServiceabilityPercent, condition.BelowThreshold);
    }
}
