using System.Security.Claims;
using Coordination.Errors;
using Coordination.Validation;
using Grpc.Core;

namespace Coordination.Auth;

/// <summary>
/// Who is calling: the subject, its nation and its role, read from a validated token, and what its role may do in the
/// RPC being called (<see cref="Grant"/>, from the service's <see cref="AccessTable"/>).
/// </summary>
public sealed record Caller(string Subject, string Nation, string Role, Grant Grant = default)
{
    internal const string GrantKey = "coordination.grant";

    /// <summary>Who vouches for the subject (the token's <c>iss</c>): a subject is only unique within its issuer.</summary>
    public string Issuer { get; init; } = "";

    /// <summary>Acts for the mission on every nation's records (a mission role), not only declares for its own nation.</summary>
    public bool ActsForMission => Grant.AnyNation;

    /// <summary>
    /// The caller of a gRPC handler, with the grant <see cref="AccessInterceptor"/> found for its role. Without one the
    /// call is refused: a handler reached without the access check grants nothing.
    /// </summary>
    public static Caller From(ServerCallContext context)
    {
        var caller = From(context.GetHttpContext().User);
        return context.UserState.TryGetValue(GrantKey, out var grant) && grant is Grant g
            ? caller with { Grant = g }
            : throw new AccessDeniedException("No access rule admitted this call, so it is refused.");
    }

    public static Caller From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "A bearer token is required."));
        }
        return new Caller(
            user.FindFirstValue(ClaimNames.Subject) ?? "",
            user.FindFirstValue(ClaimNames.Nation) ?? "",
            user.FindFirstValue(ClaimNames.Role) ?? "")
        {
            Issuer = user.FindFirstValue(ClaimNames.Issuer) ?? "",
        };
    }

    /// <summary>May the caller see and act on <paramref name="nation"/>'s own records here?</summary>
    public bool Reaches(string nation) =>
        Grant.AnyNation || (Grant.OwnNation && string.Equals(nation, Nation, StringComparison.Ordinal));

    /// <summary>Refuses the call unless the caller reaches <paramref name="nation"/>'s records (<see cref="Reaches"/>).</summary>
    public void RequireNation(string nation, string action)
    {
        if (!Reaches(nation))
        {
            throw new AccessDeniedException(Grant.OwnNation
                ? $"A {Role} of {Nation} may not {action} for {Fields.Quote(nation)}; it acts only for its own nation."
                : $"Role '{Role}' may not {action}: that is a nation's own record.");
        }
    }

    /// <summary>
    /// Refuses what only the mission records (a vetting stage past the nation's certification, an assessment visit, a
    /// deployment) inside an RPC a nation's own role may call: the nation declares, the mission verifies.
    /// </summary>
    public void RequireMission(string act)
    {
        if (!ActsForMission)
        {
            throw new AccessDeniedException($"A {Role} of {Nation} may not {act}: the mission records it; a nation declares only its own facts.");
        }
    }

    /// <summary>
    /// The nation a list or report is limited to. A role that reaches only its own nation always gets its own (asking for
    /// another is refused); the others get what they ask for ("" for all) and filter what they may not see with
    /// <see cref="Reaches"/>.
    /// </summary>
    public string NationScope(string requested, string action)
    {
        if (Grant.AnyNation || Grant.PublicPart)
        {
            return requested;
        }
        if (requested.Length > 0 && requested != Nation)
        {
            throw new AccessDeniedException($"A {Role} of {Nation} may not {action} of {Fields.Quote(requested)}; it reads only its own nation's.");
        }
        return Nation;
    }
}
