using Coordination.Auth;
using Coordination.Contracts;

namespace Coordination.Persistence;

/// <summary>Who created and last changed a record, when, and through which request id.</summary>
public sealed class Audit
{
    public DateTime CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public string LastRequestId { get; private set; } = "";

    /// <summary>The audit as the contract shows it on every record.</summary>
    public Common.V1.AuditMetadata ToProto() => new()
    {
        CreateTime = CreatedAt.ToTimestamp(),
        CreatedBy = CreatedBy,
        UpdateTime = UpdatedAt.ToTimestamp(),
        UpdatedBy = UpdatedBy,
        LastRequestId = LastRequestId,
    };

    public static Audit Created(Caller caller, string requestId, DateTime now) => new()
    {
        CreatedAt = now,
        CreatedBy = caller.Subject,
        UpdatedAt = now,
        UpdatedBy = caller.Subject,
        LastRequestId = requestId,
    };

    /// <summary>For changes made by the system itself, e.g. an event from another service.</summary>
    public static Audit System(string reason, DateTime now) => new()
    {
        CreatedAt = now,
        CreatedBy = $"system:{reason}",
        UpdatedAt = now,
        UpdatedBy = $"system:{reason}",
        LastRequestId = "",
    };

    public void Touch(Caller caller, string requestId, DateTime now)
    {
        UpdatedAt = now;
        UpdatedBy = caller.Subject;
        LastRequestId = requestId;
    }

    public void TouchBySystem(string reason, DateTime now)
    {
        UpdatedAt = now;
        UpdatedBy = $"system:{reason}";
    }
}
