using Coordination.Validation;

namespace Coordination.Logistics.Planning;

/// <summary>
/// How far ahead logistics plans: a needed-by day, an in-kind pledge's expected day and a shipment's ETA lie between
/// now and two years ahead (two mandate periods); a later one is a typo or an attempt to skew the plans.
/// </summary>
public static class PlanningHorizon
{
    public static readonly Horizon Ahead = Horizon.Days(730);
}
