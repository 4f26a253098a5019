using Coordination.Diplomacy.V1;
using Coordination.Persistence;

namespace Coordination.Diplomacy.Commitments;

/// <summary>
/// What a partner announced, and what has fulfilled it so far. Promised and delivered are counted in one unit:
/// officers for a personnel commitment, USD cents for a funds commitment.
/// </summary>
public sealed class Commitment : IKeyed
{
    private readonly List<CommitmentFulfilment> fulfilments = [];

    public string Id { get; private init; } = Ids.New();
    public string Nation { get; private init; } = "";
    public CommitmentKind Kind { get; private init; }
    public string Description { get; private init; } = "";
    public string EngagementId { get; private init; } = "";
    public DateOnly AnnouncedOn { get; private init; }
    public DateOnly DueOn { get; private init; }
    public long Promised { get; private init; }
    public long Delivered { get; private set; }
    public int Revision { get; private set; }
    public Audit Audit { get; private init; } = null!;
    public IReadOnlyList<CommitmentFulfilment> Fulfilments => fulfilments;

    private Commitment()
    {
    }

    public static Commitment Announce(string nation, CommitmentKind kind, string description, string engagementId,
        DateOnly announcedOn, DateOnly dueOn, long promised, Audit audit) => new()
    {
        Nation = nation,
        Kind = kind,
        Description = description,
        EngagementId = engagementId,
        AnnouncedOn = announcedOn,
        DueOn = dueOn,
        Promised = promised,
        Audit = audit,
    };

    public long Outstanding => Promised - Delivered;

    /// <summary>Fulfilled beats everything; past due and short is slipping; otherwise partly fulfilled or open.</summary>
    public CommitmentState StateOn(DateOnly today) =>
        Delivered >= Promised ? CommitmentState.Fulfilled
        : today > DueOn ? CommitmentState.Slipping
        : Delivered > 0 ? CommitmentState.PartlyFulfilled
        : CommitmentState.Open;

    /// <summary>Counts up to what is outstanding of <paramref name="available"/>; returns what it took.</summary>
    public long Fulfil(string source, string sourceId, long available, DateOnly countedOn, DateTime now)
    {
        var take = Math.Min(available, Outstanding);
        if (take <= 0 || fulfilments.Any(f => f.SourceId == sourceId))
        {
            return 0;
        }
        fulfilments.Add(new CommitmentFulfilment { CommitmentId = Id, Source = source, SourceId = sourceId, Quantity = take, CountedOn = countedOn });
        Delivered += take;
        Revision++;
        Audit.TouchBySystem(source, now);
        return take;
    }

    /// <summary>
    /// Takes back what <paramref name="sourceId"/> counted (its pledge was withdrawn): the fulfilment goes and the
    /// delivered figure drops, so the state follows from what is left. Returns what it took back, 0 when it counted nothing.
    /// </summary>
    public long Unfulfil(string sourceId, string reason, DateTime now)
    {
        var counted = fulfilments.Where(f => f.SourceId == sourceId).ToList();
        if (counted.Count == 0)
        {
            return 0;
        }
        var taken = counted.Sum(f => f.Quantity);
        fulfilments.RemoveAll(f => f.SourceId == sourceId);
        Delivered = Math.Max(0, Delivered - taken);
        Revision++;
        Audit.TouchBySystem(reason, now);
        return taken;
    }
}

/// <summary>A pledge or payment counted towards a commitment.</summary>
public sealed class CommitmentFulfilment
{
    public string CommitmentId { get; init; } = "";
    /// <summary>"personnel-pledge" or "contribution".</summary>
    public string Source { get; init; } = "";
    public string SourceId { get; init; } = "";
    public long Quantity { get; init; }
    public DateOnly CountedOn { get; init; }
}
