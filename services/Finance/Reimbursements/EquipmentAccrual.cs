namespace Coordination.Finance.Reimbursements;

/// <summary>
/// What one MOU line of contingent-owned equipment has accrued: from each inspection to the next, units × the lease's
/// monthly rate × the inspection's factor (all of it, or its serviceability when it was found below threshold), by the
/// day (<see cref="Proration"/>). The first REPATRIATION inspection ends the line; until then the last inspection runs
/// to the day asked.
/// </summary>
public sealed record EquipmentAccrual(decimal Usd, DateOnly? Start, DateOnly? End, bool Closed, int Quantity)
{
    public static EquipmentAccrual Of(IEnumerable<CoeInspection> inspections, DateOnly asOf, ReimbursementRates rates)
    {
        var known = inspections.Where(i => i.Detailed).OrderBy(i => i.InspectedOn).ThenBy(i => i.InspectionId, StringComparer.Ordinal).ToList();
        if (known.Count == 0)
        {
            return new EquipmentAccrual(0m, null, null, false, 0);
        }
        var usd = 0m;
        for (var i = 0; i < known.Count; i++)
        {
            var inspection = known[i];
            if (inspection.Kind == CoeInspection.Repatriation)
            {
                return new EquipmentAccrual(usd, known[0].InspectedOn, inspection.InspectedOn, true, known[0].Quantity);
            }
            var end = i + 1 < known.Count ? known[i + 1].InspectedOn : asOf;
            var rate = inspection.LeaseType == "WET" ? rates.WetLeaseMonthlyUsd : rates.DryLeaseMonthlyUsd;
            usd += Proration.Accrued(inspection.Quantity, rate, inspection.Factor, Proration.Days(inspection.InspectedOn, end));
        }
        return new EquipmentAccrual(usd, known[0].InspectedOn, asOf, false, known[^1].Quantity);
    }
}
