using System.Collections.Frozen;

namespace Coordination.Auth;

/// <summary>The roles a token's <c>role</c> claim may carry.</summary>
public static class Roles
{
    public const string MissionAdmin = "mission-admin";
    public const string Contributor = "contributor";
    public const string FinanceOfficer = "finance-officer";
    public const string LogisticsOfficer = "logistics-officer";
    public const string Diplomat = "diplomat";
    public const string Observer = "observer";

    /// <summary>Every role, in the order the documentation lists them (and for what is public mission information).</summary>
    public static readonly string[] Everyone = [MissionAdmin, Contributor, FinanceOfficer, LogisticsOfficer, Diplomat, Observer];

    /// <summary>The same roles, to look a token's claim up in.</summary>
    public static readonly IReadOnlySet<string> All = Everyone.ToFrozenSet(StringComparer.Ordinal);
}

/// <summary>Claim names in the suite's tokens.</summary>
public static class ClaimNames
{
    public const string Issuer = "iss";
    public const string Subject = "sub";
    public const string Nation = "nation";
    public const string Role = "role";
}
