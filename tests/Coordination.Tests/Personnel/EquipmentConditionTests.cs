using Coordination.Events;
using Coordination.Persistence;
using Coordination.Personnel.Equipment;
using Coordination.Personnel.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Coordination.Tests.Personnel;

/// <summary>
/// A line's condition is its latest inspection's, whatever order logistics' events arrive in; a contingent in the
/// mission area is announced reduced at its first line below and restored at its last line back, each announcement
/// numbered.
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
        SqliteSchema.DeleteFiles(file);
    }

    [Fact]
    public async Task A_later_inspection_replaces_the_held_one_and_an_older_one_heard_late_changes_nothing()
    {
        await Inspect("line-1", "i2", new DateOnly(2025, 2, 1), 70, below: true);
        Assert.Equal(("i2", 70, true), await Condition());

        await Inspect("line-1", "i3", new DateOnly(2025, 3, 1), 93, below: false);
        await Inspect("line-1", "i1", new DateOnly(2025, 1, 1), 60, below: true);
        Assert.Equal(("i3", 93, false), await Condition());
    }

    [Fact]
    public async Task A_deployed_contingent_is_announced_reduced_at_its_first_line_below_and_restored_at_its_last_line_back_in_numbered_order()
    {
        await DeployedAsync();
        await Inspect("line-a", "a1", new DateOnly(2025, 2, 1), 70, below: true);
        await Inspect("line-b", "b1", new DateOnly(2025, 2, 2), 80, below: true);
        await Inspect("line-a", "a2", new DateOnly(2025, 3, 1), 95, below: false);
        Assert.Equal([(true, 1)], await Announced());

        await Inspect("line-b", "b2", new DateOnly(2025, 3, 2), 91, below: false);
        Assert.Equal([(true, 1), (false, 2)], await Announced());
    }

    [Fact]
    public async Task A_contingent_outside_the_mission_area_is_not_announced()
    {
        await Inspect("line-1", "i2", new DateOnly(2025, 2, 1), 70, below: true);

        Assert.Empty(await Announced());
    }

    private string contingentId = "contingent-1";

    /// <summary>A Chadian contingent in the mission area, for the inspections to be about.</summary>
    private async Task DeployedAsync()
    {
        var contingent = Coordination.Personnel.Contingents.Contingent.Request("TCD", "Chad FPU 1", Coordination.Personnel.V1.UnitType.FormedPoliceUnit,
            140, 12, "", "", "", Audit.System("test", DateTime.UtcNow));
        db.Contingents.Add(contingent);
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlAsync($"UPDATE contingents SET \"Status\" = 'Deployed' WHERE \"Id\" = {contingent.Id}");
        db.ChangeTracker.Clear();
        contingentId = contingent.Id;
    }

    /// <summary>The ContingentCapabilityChanged events in the outbox, in order: reduced or restored, and their number.</summary>
    private async Task<List<(bool, int)>> Announced() =>
        (await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == nameof(ContingentCapabilityChanged)).ToListAsync())
            .Select(m => System.Text.Json.JsonSerializer.Deserialize<ContingentCapabilityChanged>(m.Payload, EventCatalog.JsonOptions)!)
            .OrderBy(e => e.Sequence)
            .Select(e => (e.ReducedCapability, e.Sequence))
            .ToList();

    /// <summary>What the consumer does with logistics' event, in the transaction and with the save its idempotent base makes.</summary>
    private async Task Inspect(string line, string inspection, DateOnly on, int percent, bool below)
    {
        var message = new EquipmentInspected
        {
            OccurredAt = DateTime.UtcNow, SubjectId = line, Nation = "TCD", ContingentId = contingentId, InspectionId = inspection,
            Kind = "PERIODIC", LeaseType = "WET", Quantity = 6, ServiceabilityPercent = percent, InspectedOn = on, BelowThreshold = below,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await EquipmentConditions.ApplyAsync(db, message, default);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        db.ChangeTracker.Clear();
    }

    private async Task<(string, int, bool)> Condition()
    {
        var condition = await db.EquipmentConditions.AsNoTracking().SingleAsync();
        Assert.Equal((contingentId, "TCD"), (condition.ContingentId, condition.Nation));
        return (condition.InspectionId, condition.ServiceabilityPercent, condition.BelowThreshold);
    }
}
