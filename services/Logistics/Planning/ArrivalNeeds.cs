using Coordination.Contracts;
using Coordination.Logistics.V1;

namespace Coordination.Logistics.Planning;

/// <summary>
/// What the arrival of pledged units will need, by the month they are expected: a pledge at L2 or above is expected a
/// lead time after the day it reached its level (the planning norms below, logistics' own assumptions from UN PCRS:
/// RAPID_DEPLOYMENT deploys within 60 days), and its officers need rations, places to sleep and equipment. A formed
/// police unit brings its major equipment under an MOU (to inspect on arrival); individual and staff officers are
/// equipped by the mission (a kit each).
/// </summary>
public static class ArrivalNeeds
{
    /// <summary>Days from reaching a level to the expected arrival; levels not listed (L1) are not planned for.</summary>
    public static readonly IReadOnlyDictionary<string, int> LeadDays = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["L2"] = 180,
        ["L3"] = 90,
        ["RAPID_DEPLOYMENT"] = 60,
    };

    /// <summary>Person-days of rations each arriving officer needs stocked for the first month.</summary>
    public const int RationDaysPerOfficer = 30;

    public const string FormedPoliceUnit = "FORMED_POLICE_UNIT";

    /// <summary>The levels whose pledges enter the planning.</summary>
    public static IReadOnlyCollection<string> PlannedLevels => (IReadOnlyCollection<string>)LeadDays.Keys;

    /// <summary>The first day of the month a pledge is expected in, or null when it is not planned for.</summary>
    public static DateOnly? ExpectedMonth(ExpectedArrival a) =>
        a is { Withdrawn: false, LevelReachedOn: { } reached } && LeadDays.TryGetValue(a.ReadinessLevel, out var lead)
            ? FirstOfMonth(reached.AddDays(lead))
            : null;

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The needs per expected month, earliest first.</summary>
    public static IEnumerable<ArrivalMonthNeeds> ByMonth(IEnumerable<ExpectedArrival> pledges) =>
        pledges.Select(p => (Month: ExpectedMonth(p), Pledge: p))
            .Where(x => x.Month is not null)
            .GroupBy(x => x.Month!.Value)
            .OrderBy(g => g.Key)
            .Select(g => new ArrivalMonthNeeds
            {
                Month = g.Key.ToProto(),
                PledgeCount = g.Count(),
                Officers = g.Sum(x => x.Pledge.Officers),
                RationDays = g.Sum(x => (long)x.Pledge.Officers * RationDaysPerOfficer),
                AccommodationPlaces = g.Sum(x => x.Pledge.Officers),
                FormedPoliceUnits = g.Count(x => x.Pledge.UnitType == FormedPoliceUnit),
                MissionIssuedKits = g.Where(x => x.Pledge.UnitType != FormedPoliceUnit).Sum(x => x.Pledge.Officers),
            });
}
