using Coordination.Events;
using Coordination.Messaging;
using Coordination.Persistence;
using Coordination.Personnel.Strength;
using Coordination.Tests.Personnel;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Coordination.Tests.Persistence;

/// <summary>
/// One mechanism wakes what waits on this process's commits (the outbox relay, the strength streams): a signal is raised
/// when a save it concerns is committed — not at the save inside a transaction, not after a rollback, not for a save
/// of another kind.
/// </summary>
public sealed class CommitSignalTests(PersonnelFixture fixture) : IClassFixture<PersonnelFixture>
{
    [Fact]
    public async Task A_signal_is_raised_when_a_save_it_concerns_commits_and_never_for_a_rollback_or_another_kind_of_save()
    {
        await using var scope = fixture.Suite.Scope("personnel");
        var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        var (outbox, strength) = (scope.ServiceProvider.GetRequiredService<OutboxSignal>(), scope.ServiceProvider.GetRequiredService<StrengthSignal>());
        var (outboxWoken, strengthWoken) = (outbox.Next, strength.Next);

        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            db.Publish(Requested());
            await db.SaveChangesAsync();
            await rolledBack.RollbackAsync();
        }
        db.ChangeTracker.Clear();
        Assert.False(outboxWoken.IsCompleted, "a rolled-back event woke the relay");

        await using (var committed = await db.Database.BeginTransactionAsync())
        {
            db.Publish(Requested());
            await db.SaveChangesAsync();
            Assert.False(outboxWoken.IsCompleted, "the relay was woken before the commit");
            await committed.CommitAsync();
        }
        Assert.True(outboxWoken.IsCompleted, "the commit of an event did not wake the relay");
        Assert.False(strengthWoken.IsCompleted, "an event alone woke the strength streams");

        // Outside a transaction the save is the commit.
        var again = outbox.Next;
        db.Publish(Requested());
        await db.SaveChangesAsync();
        Assert.True(again.IsCompleted);
    }

    private static ContingentRequested Requested() => new()
    {
        OccurredAt = DateTime.UtcNow, SubjectId = Guid.NewGuid().ToString("N"), Nation = "KEN", UnitType = "FORMED_POLICE_UNIT", OfficerCount = 140,
    };
}
