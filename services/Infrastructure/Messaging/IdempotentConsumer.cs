using Coordination.Events;
using Coordination.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Coordination.Messaging;

/// <summary>
/// Base of every consumer: handles a message once per consumer however often the broker delivers it. The effect,
/// any events it publishes, and the processed-message mark commit in one transaction; a failure rolls all of it
/// back and lets the broker retry (and, in the end, move the message to the error queue, never drop it).
/// Consumers run concurrently, so read models carry a revision checked on save: of two events racing for one
/// row, the later save fails, is retried on fresh state, and nothing is lost.
/// </summary>
public abstract partial class IdempotentConsumer<TEvent>(ServiceDbContext db, ILogger logger) : IConsumer<TEvent>
    where TEvent : IntegrationEvent
{
    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var messageId = context.MessageId ?? context.Message.EventId;
        var consumer = GetType().Name;
        var ct = context.CancellationToken;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.ProcessedMessages.AnyAsync(p => p.MessageId == messageId && p.Consumer == consumer, ct))
        {
            LogDuplicate(logger, typeof(TEvent).Name, messageId, consumer);
            return;
        }

        await HandleAsync(context.Message, ct);
        db.ProcessedMessages.Add(new ProcessedMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = DateTime.UtcNow });
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (ServiceDbContext.IsUniqueViolation(e))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (!await db.ProcessedMessages.AnyAsync(p => p.MessageId == messageId && p.Consumer == consumer, ct))
            {
                throw; // a race on the service's own rows, not a duplicate: the broker retries with fresh state
            }
            // Another delivery of the same message won the race; its effect stands, this one is discarded.
            LogDuplicate(logger, typeof(TEvent).Name, messageId, consumer);
        }
    }

    /// <summary>Applies the event to this service's state through the shared context; do not save.</summary>
    protected abstract Task HandleAsync(TEvent message, CancellationToken ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "{EventType} {MessageId} already handled by {Consumer}; ignored")]
    private static partial void LogDuplicate(ILogger logger, string eventType, Guid messageId, string consumer);
}
