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
            // Another delivery of the same message won the race; its effect stands, this one is discarded.
            await transaction.RollbackAsync(CancellationToken.None);
            LogDuplicate(logger, typeof(TEvent).Name, messageId, consumer);
        }
    }

    /// <summary>Applies the event to this service's state through the shared context; do not save.</summary>
    protected abstract Task HandleAsync(TEvent message, CancellationToken ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "{EventType} {MessageId} already handled by {Consumer}; ignored")]
    private static partial void LogDuplicate(ILogger logger, string eventType, Guid messageId, string consumer);
}
