namespace Coordination.Messaging;

/// <summary>An integration event waiting to be published, written in the same transaction as the change it announces.</summary>
public sealed class OutboxMessage
{
    /// <summary>The event's id; it becomes the broker message id, which consumers deduplicate by.</summary>
    public Guid Id { get; init; }
    public string MessageType { get; init; } = "";
    public string Payload { get; init; } = "";
    public DateTime OccurredAt { get; init; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? DispatchedAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>Which relay pass holds the row, so two replicas never publish the same batch at once.</summary>
    public Guid? ClaimToken { get; set; }
    public DateTime? ClaimedUntil { get; set; }
}

/// <summary>A message a consumer has already handled; a redelivery with the same id changes nothing.</summary>
public sealed class ProcessedMessage
{
    public Guid MessageId { get; init; }
    public string Consumer { get; init; } = "";
    public DateTime ProcessedAt { get; init; }
}
