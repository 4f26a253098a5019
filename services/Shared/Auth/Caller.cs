using System.Security.Claims;
using Coordination.Errors;
using Grpc.Core;

namespace Coordination.Auth;

/// <summary>Who is calling: the subject, its nation and its role, read from a validated token.</summary>
public sealed record Caller(string Subject, string Nation, string Role)
{
    /// <summary>Who vouches for the subject (the token's <c>iss</c>): a subject is only unique within its issuer.</summary>
    public string Issuer { get; init; } = "";

    public bool IsMissionAdmin => Role == Roles.MissionAdmin;

    public bool IsContributor => Role == Roles.Contributor;

    public static Caller From(ServerCallContext context) => From(context.GetHttpContext().User);

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

    /// <summary>Refuses the call unless the caller holds one of <paramref name="roles"/>.</summary>
    public void RequireRole(string action, params string[] roles)
    {
        if (!roles.Contains(Role))
        {
            throw new AccessDeniedException($"Role '{Role}' may not {action}; it needs one of: {string.Join(", ", roles)}.");
        }
    }

    /// <summary>
    /// Refuses the call unless the caller may act for <paramref name="nation"/>: a contributor only for its own
    /// nation, the other <paramref name="roles"/> for any nation.
    /// </summary>
    public void RequireNationAccess(string nation, string action, params string[] roles)
    {
        if (IsContributor)
        {
            if (!string.Equals(nation, Nation, StringComparison.Ordinal))
            {
                throw new AccessDeniedException($"A contributor of {Nation} may not {action} for {nation}; it acts only for its own nation.");
            }
            return;
        }
        RequireRole(action, [Roles.Contributor, .. roles]);
    }

    /// <summary>The nation a list is limited to: a contributor always sees its own, others see what they ask for.</summary>
    public string ScopeNationFilter(string requested, string action)
    {
        if (!IsContributor)
        {
            return requested;
        }
        if (requested.Length > 0 && requested != Nation)
        {
            throw new AccessDeniedException($"A contributor of {Nation} may not {action} of {requested}.");
        }
        return Nation;
    }
}
