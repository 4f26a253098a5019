using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Persistence;

/// <summary>
/// Two calls racing to create rows under one unique key (two rotations relieving the same contingent) lose on that
/// key, not on a revision. That is a concurrent change all the same: ABORTED, and a retry with the same request_id
/// applies on fresh state and gets the precise refusal.
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
