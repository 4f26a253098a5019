using Coordination.Contracts;
using Coordination.Errors;
using Coordination.Persistence;
using Coordination.Personnel.V1;
using Coordination.Validation;

namespace Coordination.Personnel.Contingents;

/// <summary>
/// An incoming contingent relieving a deployed one in place: both are on duty from the incoming's arrival to the
/// outgoing's departure. A contingent is relieved at most once and relieves at most one other (unique keys). The two
/// may be of different nations (the mission schedules such a relief); both nations see it, as they coordinate it.
/// </summary>
public sealed class Rotation : IKeyed
{
    public const int MinOverlapDays = 1;
    public const int MaxOverlapDays = 30;
    /// <summary>How far ahead a relief may be planned: the outgoing deployed on a past day for a tour of at most 12 months.</summary>
    public static readonly Horizon Ahead = Horizon.Days(366);

    public string Id { get; private init; } = Ids.New();
    /// <summary>The incoming contingent's nation.</summary>
    public string Nation { get; private init; } = "";
    /// <summary>The outgoing contingent's nation; the same as <see cref="Nation"/> but for a relief across nations.</summary>
    public string OutgoingNation { get; private init; } = "";
    public string OutgoingContingentId { get; private init; } = "";
    public string IncomingContingentId { get; private init; } = "";
    public string SiteId { get; private init; } = "";
    public DateOnly IncomingArrivesOn { get; private init; }
    public DateOnly OutgoingDepartsOn { get; private init; }
    public int OverlapDays { get; private init; }
    public Audit Audit { get; private init; } = null!;

    private Rotation()
    {
    }

    /// <summary>
    /// Whether scheduling the relief posts the incoming contingent to a site: it takes over the outgoing one's site and
    /// guards none yet. Posting a unit to a site is the mission's act, here as in AssignContingentToSite.
    /// </summary>
    public static bool PostsIncoming(Contingent outgoing, Contingent incoming) => outgoing.SiteId.Length > 0 && incoming.SiteId.Length == 0;

    /// <summary>Schedules the relief; the incoming contingent takes over the outgoing one's site.</summary>
    public static Rotation Schedule(Contingent outgoing, Contingent incoming, DateOnly arrives, DateOnly departs, Audit audit)
    {
        string subject = $"contingents/{outgoing.Id}";
        if (outgoing.Status != ContingentStatus.Deployed)
        {
            throw new PreconditionFailedException("ROTATION", subject,
                $"{outgoing.Name} is {ProtoEnumNames.Of(outgoing.Status)}; only a {ProtoEnumNames.Of(ContingentStatus.Deployed)} contingent is relieved in place.");
        }
        if (!ContingentLifecycle.InPipeline.Contains(incoming.Status))
        {
            throw new PreconditionFailedException("ROTATION", $"contingents/{incoming.Id}",
                $"{incoming.Name} is {ProtoEnumNames.Of(incoming.Status)}; the relieving contingent must not have deployed yet.");
        }
        if (arrives < outgoing.DeployedOn)
        {
            throw new PreconditionFailedException("ROTATION", subject,
                $"The relief cannot arrive on {arrives:yyyy-MM-dd}, before {outgoing.Name} deployed ({outgoing.DeployedOn:yyyy-MM-dd}).");
        }
        if (incoming.SiteId.Length > 0 && incoming.SiteId != outgoing.SiteId)
        {
            throw new PreconditionFailedException("ROTATION", $"contingents/{incoming.Id}",
                $"{incoming.Name} is assigned to another site than {outgoing.Name}; take it off that site first.");
        }
        if (PostsIncoming(outgoing, incoming))
        {
            incoming.AssignToSite(outgoing.SiteId);
        }
        return new Rotation
        {
            Nation = incoming.Nation,
            OutgoingNation = outgoing.Nation,
            OutgoingContingentId = outgoing.Id,
            IncomingContingentId = incoming.Id,
            SiteId = outgoing.SiteId,
            IncomingArrivesOn = arrives,
            OutgoingDepartsOn = departs,
            OverlapDays = departs.DayNumber - arrives.DayNumber,
            Audit = audit,
        };
    }
}
