using Coordination.Errors;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Persistence;

/// <summary>Loading a record the caller named by id: NOT_FOUND when there is none.</summary>
public static class Records
{
    public static async Task<T> GetAsync<T>(this IQueryable<T> set, string id, string resourceType, CancellationToken ct)
        where T : class, IKeyed =>
        await set.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new ResourceNotFoundException(resourceType, id);
}
