namespace Coordination.Finance.Reimbursements;

/// <summary>
/// What one MOU line of contingent-owned equipment has accrued: from each inspection to the next, units × the lease's
/// monthly rate × the inspection's factor (all of it, or its serviceability when it was found below threshold), by the
/// day (<see cref="Proration"/>). The line ends at its first REPATRIATION inspection or on the day its contingent was
/// repatriated, whichever comes first: equipment that went home with its contingent earns nothing after, whether or not
/// it was inspected out. Until then the last inspection runs to the day asked.
/// </summary>
public sealed record EquipmentAccrual(decimal Usd, DateOnly? Start, DateOnly? End, bool Closed, int Quantity)
{
    /// <param name="repatriatedOn">The day the line's contingent went home, when finance has heard it.</param>
    public static EquipmentAccrual Of(IEnumerable<CoeInspection> inspections, DateOnly asOf, DateOnly? repatriatedOn, ReimbursementRates rates)
    {
        var known = inspections.Where(i => i.Detailed).OrderBy(i => i.InspectedOn).ThenBy(i => i.InspectionId, StringComparer.Ordinal).ToList();
        if (known.Count == 0)
        {
            return new EquipmentAccrual(0m, null, null, false, 0);
        }
        var usd = 0m;
        var start = known[0].InspectedOn;
        for (var i = 0; i < known.Count; i++)
        {
            var inspection = known[i];
            if (repatriatedOn is { } home && inspection.InspectedOn >= home)
            {
                return new EquipmentAccrual(usd, start, home, true, known[Math.Max(0, i - 1)].Quantity);
            }
            if (inspection.Kind == CoeInspection.Repatriation)
            {
                return new EquipmentAccrual(usd, start, inspection.InspectedOn, true, known[0].Quantity);
            }
            var next = i + 1 < known.Count ? known[i + 1].InspectedOn : repatriatedOn ?? asOf;
            var end = repatriatedOn is { } left && left < next ? left : next;
            var rate = inspection.LeaseType == "WET" ? rates.WetLeaseMonthlyUsd : rates.DryLeaseMonthlyUsd;
            usd += Proration.Accrued(inspection.Quantity, rate, inspection.Factor, Proration.Days(inspection.InspectedOn, end));
        }
        return repatriatedOn is { } day
            ? new EquipmentAccrual(usd, start, day, true, known[^1].Quantity)
            : new EquipmentAccrual(usd, start, asOf, false, known[^1].Quantity);
    }
}
