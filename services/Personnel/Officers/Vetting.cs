using Coordination.Contracts;
using Coordination.Personnel.V1;

namespace Coordination.Personnel.Officers;

/// <summary>One attempt at a vetting stage.</summary>
public sealed record VettingEntry(VettingStage Stage, bool Passed, DateOnly On);

/// <summary>
/// The one place that says how vetting runs: five stages in a fixed order, each recorded only once the one before has
/// passed; a failed stage may be retaken, a passed one is final; attempts happen in date order. The nation records the
/// first stage, the mission the others.
/// </summary>
public static class Vetting
{
    public static readonly VettingStage[] Order =
    [
        VettingStage.NationCertification, VettingStage.Language, VettingStage.Interview, VettingStage.Driving, VettingStage.Firearms,
    ];

    /// <summary>
    /// The one stage a nation records about its own officers: its certification that they were not involved in serious
    /// violations. LANGUAGE, INTERVIEW, DRIVING and FIREARMS are the mission's vetting (docs/security.md).
    /// </summary>
    public static bool NationRecords(VettingStage stage) => stage == VettingStage.NationCertification;

    /// <summary>The stage to pass next; Unspecified once every stage has passed.</summary>
    public static VettingStage Next(IEnumerable<VettingEntry> entries)
    {
        var passed = entries.Where(e => e.Passed).Select(e => e.Stage).ToHashSet();
        return Order.FirstOrDefault(s => !passed.Contains(s));
    }

    /// <summary>True when the latest attempt at the next stage failed.</summary>
    public static bool Failed(IReadOnlyList<VettingEntry> entries)
    {
        var next = Next(entries);
        return entries.LastOrDefault(e => e.Stage == next) is { Passed: false };
    }

    /// <summary>Why <paramref name="entry"/> cannot follow <paramref name="entries"/>: (rule, explanation), or null when it can.</summary>
    public static (string Rule, string Reason)? Refusal(IReadOnlyList<VettingEntry> entries, VettingEntry entry)
    {
        if (entries.Any(e => e.Stage == entry.Stage && e.Passed))
        {
            return ("VETTING_STAGE_PASSED", $"{ProtoEnumNames.Of(entry.Stage)} has already been passed.");
        }
        var next = Next(entries);
        if (entry.Stage != next)
        {
            var before = Order[Array.IndexOf(Order, entry.Stage) - 1];
            return ("VETTING_ORDER", $"{ProtoEnumNames.Of(entry.Stage)} can be recorded only after {ProtoEnumNames.Of(before)} has passed; the next stage is {ProtoEnumNames.Of(next)}.");
        }
        if (entries.Count > 0 && entry.On < entries[^1].On)
        {
            return ("VETTING_ORDER", $"{ProtoEnumNames.Of(entry.Stage)} on {entry.On:yyyy-MM-dd} is before the previous result, recorded for {entries[^1].On:yyyy-MM-dd}.");
        }
        return null;
    }
}
