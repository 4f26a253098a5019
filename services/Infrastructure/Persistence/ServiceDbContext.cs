using System.Text.Json;
using Coordination.Events;
using Coordination.Messaging;
using Coordination.Requests;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Persistence;

/// <summary>
/// Base of every service's database: the service's own tables plus the outbox, the processed-message log
/// and the request log. An event added with <see cref="Publish"/> commits with the change it announces.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ProcessedMessage> ProcessedMessages => Set<ProcessedMessage>();
    public DbSet<RequestRecord> RequestRecords => Set<RequestRecord>();

    /// <summary>The signals the saves so far concern, raised when they are committed (<see cref="CommitSignalInterceptor"/>).</summary>
    internal HashSet<CommitSignal> SignalsOnCommit { get; } = [];

    /// <summary>Queues an integration event; it is written by the next SaveChanges, in the same transaction.</summary>
    public void Publish(IntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        OutboxMessages.Add(new OutboxMessage
        {
            Id = integrationEvent.EventId,
            MessageType = EventCatalog.NameOf(type),
            Payload = JsonSerializer.Serialize(integrationEvent, type, EventCatalog.JsonOptions),
            OccurredAt = integrationEvent.OccurredAt,
            NextAttemptAt = integrationEvent.OccurredAt,
        });
    }

    /// <summary>True when the failure is a unique or primary key violation, on either provider.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };

    /// <summary>True when a write broke a CHECK constraint, on either provider, raised directly or from SaveChanges.</summary>
    public static bool IsCheckViolation(Exception exception) => (exception is DbUpdateException ? exception.InnerException : exception) switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.CheckViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 275, // SQLITE_CONSTRAINT_CHECK
        _ => false,
    };

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(x => x.Id);
            b.Property(x => x.MessageType).HasMaxLength(200);
            b.Property(x => x.LastError).HasMaxLength(2000);
            b.HasIndex(x => new { x.DispatchedAt, x.NextAttemptAt });
        });
        modelBuilder.Entity<ProcessedMessage>(b =>
        {
            b.ToTable("processed_messages");
            b.HasKey(x => new { x.MessageId, x.Consumer });
            b.Property(x => x.Consumer).HasMaxLength(200);
            b.HasIndex(x => x.ProcessedAt);
        });
        modelBuilder.Entity<RequestRecord>(b =>
        {
            b.ToTable("request_records");
            b.HasKey(x => new { x.Scope, x.RequestId });
            b.Property(x => x.Scope).HasMaxLength(200);
            b.Property(x => x.RequestId).HasMaxLength(64);
            b.Property(x => x.Method).HasMaxLength(200);
            b.Property(x => x.RequestHash).HasMaxLength(64);
            b.HasIndex(x => x.CreatedAt);
        });
    }
}
