namespace Coordination.Requests;

/// <summary>
/// What a service needs around every one of its writes, registered once (<see cref="WriteGuards.AddWriteGuard{TGuard}"/>)
/// rather than written into each handler: finance locks its ledger head first in the write's transaction and refuses a
/// running total beyond its bound. A service that needs nothing registers nothing and gets <see cref="WriteGuards.None"/>.
/// </summary>
public interface IWriteGuard
{
    /// <summary>Runs first in the write's transaction, before the stored answer is looked up and before the write's own loads.</summary>
    Task EnterAsync(CancellationToken ct);

    /// <summary>The refusal <paramref name="failure"/> of a write means to this service, or null to let it pass as it is.</summary>
    Exception? Refusal(Exception failure);
}
