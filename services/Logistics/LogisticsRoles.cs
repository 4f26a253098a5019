using Coordination.Auth;

namespace Coordination.Logistics;

/// <summary>Who may change logistics records: sites, catalog, stock, requisitions, shipments and MOU lines.</summary>
public static class LogisticsRoles
{
    public static readonly string[] Editors = [Roles.LogisticsOfficer, Roles.MissionAdmin];
}
