using Coordination.Contracts;
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
    public static async Task<KnownMandate?> ServedAsync(this LogisticsDbContext db, CancellationToken ct) => (await db.PeriodsAsync(ct)).Served;

    /// <summary>The mandates heard of with a period, to tell which one a requisition's or shipment's day falls in.</summary>
    public static async Task<MandatePeriods> PeriodsAsync(this LogisticsDbContext db, CancellationToken ct) =>
        new(await db.KnownMandates.AsNoTracking().Where(m => m.PeriodStart != null && m.PeriodEnd != null).ToListAsync(ct));

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

/// <summary>
/// The periods of the mandates logistics heard of (a handful: one per resolution line), read once per call. A day
/// falls in the period that holds it; where two hold it (a successor adopted before its predecessor's end), the
/// later-ending one serves it, as the mandate served now is chosen (<see cref="Served"/>).
/// </summary>
public sealed class MandatePeriods(IReadOnlyList<KnownMandate> mandates)
{
    /// <summary>The mandate logistics serves: of those heard of, the one whose period ends last; null while none is known.</summary>
    public KnownMandate? Served => Latest(mandates);

    /// <summary>The mandate period <paramref name="day"/> falls in; null when none heard of holds it.</summary>
    public V1.ServedMandate? On(DateOnly day) =>
        Latest(mandates.Where(m => m.PeriodStart <= day && day <= m.PeriodEnd)) is { } m
            ? new V1.ServedMandate
            {
                MandateId = m.Id,
                ResolutionSymbol = m.ResolutionSymbol,
                PeriodStartsOn = m.PeriodStart!.Value.ToProto(),
                PeriodEndsOn = m.PeriodEnd!.Value.ToProto(),
                ExpiringDaysBefore = m.ExpiringNotice ?? 0,
            }
            : null;

    private static KnownMandate? Latest(IEnumerable<KnownMandate> candidates) =>
        candidates.OrderByDescending(m => m.PeriodEnd).ThenBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault();
}
