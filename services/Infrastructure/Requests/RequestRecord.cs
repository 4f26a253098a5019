namespace Coordination.Requests;

/// <summary>The first answer to a mutating call, kept by the caller's request id so a retry gets it again.</summary>
public sealed class RequestRecord
{
    /// <summary>Whose request ids these are: a hash of the token's issuer and subject, so partners cannot collide.</summary>
    public string Scope { get; init; } = "";
    public string RequestId { get; init; } = "";
    public string Method { get; init; } = "";
    /// <summary>SHA-256 of the request, to refuse a reused id carrying a different request.</summary>
    public string RequestHash { get; init; } = "";
    public byte[] Response { get; init; } = [];
    public DateTime CreatedAt { get; init; }
}
