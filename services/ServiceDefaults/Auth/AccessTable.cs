using System.Collections.Frozen;
using Google.Protobuf.Reflection;

namespace Coordination.Auth;

/// <summary>
/// Who may call one RPC. <see cref="AnyNation"/> roles act on every nation's records; <see cref="OwnNation"/> roles
/// only on their own nation's; <see cref="PublicPart"/> roles may call it but see only what is public mission
/// information (for a nation they do not reach otherwise). A role in none of them is refused before the handler runs.
/// </summary>
public sealed record AccessRule(
    string Method,
    IReadOnlySet<string> AnyNation,
    IReadOnlySet<string> OwnNation,
    IReadOnlySet<string> PublicPart)
{
    /// <summary>
    /// For an RPC an own-nation role calls to declare only part of what the request may carry (the rest is the
    /// mission's, refused field by field): what it declares, e.g. "up to MOBILIZED". Empty when it may send it all.
    /// </summary>
    public string Declares { get; init; } = "";

    /// <summary>What <paramref name="role"/> may do here; null when it is refused.</summary>
    public Grant? GrantFor(string role) =>
        AnyNation.Contains(role) || OwnNation.Contains(role) || PublicPart.Contains(role)
            ? new Grant(AnyNation.Contains(role), OwnNation.Contains(role), PublicPart.Contains(role))
            : null;

    /// <summary>The roles that may call it, for a refusal and for the documentation.</summary>
    public string Describe() => string.Join(", ",
        AnyNation.Select(r => r)
            .Concat(OwnNation.Where(r => !AnyNation.Contains(r)).Select(r => $"{r} (own nation)"))
            .Concat(PublicPart.Where(r => !AnyNation.Contains(r) && !OwnNation.Contains(r)).Select(r => $"{r} (public figures)")));
}

/// <summary>What the caller's role may do in the RPC being called.</summary>
public readonly record struct Grant(bool AnyNation, bool OwnNation, bool PublicPart);

/// <summary>
/// A service's authorization matrix as data: one row per RPC (by gRPC method path), read by
/// <see cref="AccessInterceptor"/> before every handler and by the test that checks every RPC has a row.
/// </summary>
public sealed class AccessTable
{
    private readonly Dictionary<string, AccessRule> rules = new(StringComparer.Ordinal);
    private FrozenDictionary<string, AccessRule>? frozen;

    public IEnumerable<AccessRule> Rules => rules.Values;

    /// <summary>The rule of a method path (<c>/coordination.personnel.v1.OfficerService/GetOfficer</c>), or null.</summary>
    public AccessRule? Find(string method) => (frozen ??= rules.ToFrozenDictionary(StringComparer.Ordinal)).GetValueOrDefault(method);

    /// <summary>Adds the rows of one gRPC service; every method named must exist in it.</summary>
    public AccessTable Service(ServiceDescriptor service, Action<ServiceRows> rows)
    {
        rows(new ServiceRows(this, service));
        return this;
    }

    /// <summary>The rows of one service, named by method.</summary>
    public sealed class ServiceRows(AccessTable table, ServiceDescriptor service)
    {
        /// <summary>
        /// Adds the row of <paramref name="method"/>; <paramref name="declares"/> says what an own-nation role declares
        /// when it may send only part of the request (<see cref="AccessRule.Declares"/>).
        /// </summary>
        public ServiceRows Rpc(string method, string[]? any = null, string[]? own = null, string[]? publicPart = null, string? declares = null)
        {
            if (service.FindMethodByName(method) is null)
            {
                throw new ArgumentException($"{service.FullName} has no method {method}.", nameof(method));
            }
            var path = $"/{service.FullName}/{method}";
            var rule = new AccessRule(path, Set(any), Set(own), Set(publicPart)) { Declares = declares ?? "" };
            if (!table.rules.TryAdd(path, rule))
            {
                throw new ArgumentException($"{path} has two rows.", nameof(method));
            }
            table.frozen = null;
            return this;
        }

        private static FrozenSet<string> Set(string[]? roles)
        {
            foreach (var role in roles ?? [])
            {
                if (!Roles.All.Contains(role))
                {
                    throw new ArgumentException($"'{role}' is not a role.", nameof(roles));
                }
            }
            return (roles ?? []).ToFrozenSet(StringComparer.Ordinal);
        }
    }
}
