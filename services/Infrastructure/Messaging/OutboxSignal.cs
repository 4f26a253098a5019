using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Messaging;

/// <summary>Wakes the outbox relay as soon as a transaction that wrote events commits.</summary>
public sealed class OutboxSignal : CommitSignal
{
    public override bool Concerns(ServiceDbContext db) => db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
}
