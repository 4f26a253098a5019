namespace Coordination.Requests;

/// <summary>Where a call's answer is kept: the caller's scope and request id, and what the request was (method and hash).</summary>
internal readonly record struct RequestKey(string Scope, string RequestId, string Method, string Hash);
