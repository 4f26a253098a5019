using Microsoft.EntityFrameworkCore;

namespace Coordination.Persistence;

/// <summary>
/// Two calls racing to create the same row (the first two receipts of an item in a warehouse, each opening its balance;
/// two rotations relieving the same contingent) lose on a unique key, not on a revision. That is a concurrent change
/// all the same: ABORTED, and a retry with the same request_id applies on fresh state and gets the precise answer.
/// </summary>
public static class ConcurrentWrites
{
    public static async Task<T> AbortOnRaceAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && ServiceDbContext.IsUniqueViolation(e))
        {
            throw new DbUpdateConcurrencyException("A concurrent change created the same record first; retry with the same request_id.", e);
        }
    }
}
