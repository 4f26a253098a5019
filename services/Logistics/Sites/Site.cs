using Coordination.Auth;
using Coordination.Logistics.V1;
using Coordination.Persistence;

namespace Coordination.Logistics.Sites;

/// <summary>A critical site the mission protects, with its security status.</summary>
public sealed class Site : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string Name { get; private init; } = "";
    public SiteKind Kind { get; private init; }
    public double Latitude { get; private init; }
    public double Longitude { get; private init; }
    public SiteStatus Status { get; private set; }
    public int RequiredPosture { get; private init; }
    public int Revision { get; private set; }
    public Audit Audit { get; private init; } = null!;

    private Site()
    {
    }

    public static Site Register(string name, SiteKind kind, double latitude, double longitude, SiteStatus status, int requiredPosture, Audit audit) => new()
    {
        Name = name,
        Kind = kind,
        Latitude = latitude,
        Longitude = longitude,
        Status = status,
        RequiredPosture = requiredPosture,
        Audit = audit,
    };

    /// <summary>Changes the status and returns the history entry that records who, when and why.</summary>
    public SiteStatusChange ChangeStatus(SiteStatus target, string reason, Caller caller, string requestId, DateTime now)
    {
        SiteLifecycle.EnsureAllowed(Id, Status, target);
        var change = new SiteStatusChange
        {
            SiteId = Id,
            PreviousStatus = Status,
            Status = target,
            Reason = reason,
            ChangedBy = caller.Subject,
            ChangedAt = now,
        };
        Status = target;
        Revision++;
        Audit.Touch(caller, requestId, now);
        return change;
    }
}

/// <summary>One change of a site's status: the site's history.</summary>
public sealed class SiteStatusChange : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string SiteId { get; init; } = "";
    public SiteStatus PreviousStatus { get; init; }
    public SiteStatus Status { get; init; }
    public string Reason { get; init; } = "";
    public string ChangedBy { get; init; } = "";
    public DateTime ChangedAt { get; init; }
}
