using Coordination.Errors;
using Coordination.Logistics.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Logistics.Mandates;

/// <summary>
/// The mandate logistics serves: of the mandates heard of, the one whose period ends last (a renewal or a successor ends
/// later). Support plans end with it, and a requisition or shipment may not be planned past its end unless it is renewed.
/// </summary>
public static class MandateCalendar
{
    /// <summary>The mandate served, or null while none is known.</summary>
    public static Task<KnownMandate?> ServedAsync(this LogisticsDbContext db, CancellationToken ct) =>
        db.KnownMandates.AsNoTracking().Where(m => m.PeriodEnd != null).OrderByDescending(m => m.PeriodEnd).ThenBy(m => m.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Refuses <paramref name="day"/> for <paramref name="field"/> when it lies past the end of the mandate running
    /// <paramref name="today"/>. With none running (none heard, or the last one ended with no renewal heard) nothing is
    /// refused: what is in the mission area must still be supplied and moved home.
    /// </summary>
    public static void EnsureWithin(KnownMandate? mandate, DateOnly day, DateOnly today, string field, string what)
    {
        if (mandate?.PeriodEnd is { } end && today <= end && day > end)
        {
            throw new PreconditionFailedException("MANDATE_END", $"mandates/{mandate.Id}",
                $"{field} {day:yyyy-MM-dd} is past the end of the mandate ({mandate.ResolutionSymbol}) on {end:yyyy-MM-dd}: {what} cannot run past the " +
                "mandate's end unless it is renewed.");
        }
    }
}
