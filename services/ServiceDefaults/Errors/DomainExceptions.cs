namespace Coordination.Errors;

/// <summary>A request was malformed; each violation names the field at fault. Maps to INVALID_ARGUMENT.</summary>
public sealed class RequestValidationException(IReadOnlyList<FieldViolation> violations)
    : Exception(string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;
}

/// <summary>One field of a request and what is wrong with it.</summary>
public sealed record FieldViolation(string Field, string Description);

/// <summary>The named resource does not exist (or the caller may not know it does). Maps to NOT_FOUND.</summary>
public sealed class ResourceNotFoundException(string resourceType, string resourceId)
    : Exception($"{resourceType} '{resourceId}' was not found.")
{
    public string ResourceType { get; } = resourceType;
    public string ResourceId { get; } = resourceId;
}

/// <summary>The resource to create exists already. Maps to ALREADY_EXISTS.</summary>
public sealed class ResourceAlreadyExistsException(string resourceType, string resourceId, string message)
    : Exception(message)
{
    public string ResourceType { get; } = resourceType;
    public string ResourceId { get; } = resourceId;
}

/// <summary>The system is not in a state that allows the change, e.g. an illegal status transition.
/// Maps to FAILED_PRECONDITION; <see cref="Type"/> lets a client tell the rules apart.</summary>
public sealed class PreconditionFailedException(string type, string subject, string message) : Exception(message)
{
    public string Type { get; } = type;
    public string Subject { get; } = subject;
}

/// <summary>The caller is known but its role or nation does not allow this. Maps to PERMISSION_DENIED.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
