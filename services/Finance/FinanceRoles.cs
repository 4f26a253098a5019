using Coordination.Auth;

namespace Coordination.Finance;

/// <summary>Who may change finance records: contributions, allocations, disbursements, budget lines and rates.</summary>
public static class FinanceRoles
{
    public static readonly string[] Officers = [Roles.FinanceOfficer, Roles.MissionAdmin];
}
