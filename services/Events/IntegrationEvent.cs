namespace Coordination.Events;

/// <summary>
/// A fact one service announces to the others. Every event carries a unique id (also the broker message id,
/// which consumers deduplicate by), when it happened, the id of what it is about, the nation where one applies,
/// and a contract version. Consumers ignore fields they do not know; fields are only ever added.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();
    public required DateTime OccurredAt { get; init; }
    public required string SubjectId { get; init; }
    public string? Nation { get; init; }
    public int Version { get; init; } = 1;
}
