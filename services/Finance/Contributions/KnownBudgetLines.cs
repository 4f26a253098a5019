using System.Collections.Concurrent;
using Coordination.Errors;
using Coordination.Finance.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Contributions;

/// <summary>
/// Budget lines known to exist. A line is never deleted, so once seen it needs no second look: the hot path checks a
/// flow's line without a round trip.
/// </summary>
public sealed class KnownBudgetLines
{
    private readonly ConcurrentDictionary<string, bool> lines = new(StringComparer.Ordinal);

    public async Task EnsureAsync(FinanceDbContext db, string lineId, CancellationToken ct)
    {
        if (lines.ContainsKey(lineId))
        {
            return;
        }
        if (!await db.BudgetLines.AnyAsync(l => l.Id == lineId, ct))
        {
            throw new ResourceNotFoundException("budget line", lineId);
        }
        lines.TryAdd(lineId, true);
    }
}
