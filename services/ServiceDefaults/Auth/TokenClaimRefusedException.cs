namespace Coordination.Auth;

/// <summary>A signed, valid token whose claims the suite refuses; its message is safe to show the caller.</summary>
public sealed class TokenClaimRefusedException(string message) : Exception(message);
