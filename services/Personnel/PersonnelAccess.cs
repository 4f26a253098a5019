using Coordination.Auth;

namespace Coordination.Personnel;

/// <summary>Who manages personnel records: a contributor for its own nation (checked per record), a mission-admin for all.</summary>
public static class PersonnelAccess
{
    public static readonly string[] Managers = [Roles.MissionAdmin];

    /// <summary>Officers carry personal data: only their nation's contributor and a mission-admin see them.</summary>
    public static void RequireOfficerAccess(this Caller caller, string nation, string action) =>
        caller.RequireNationAccess(nation, action, Managers);
}
