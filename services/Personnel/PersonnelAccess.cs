using Coordination.Auth;
using Coordination.Personnel.V1;
using static Coordination.Auth.Roles;

namespace Coordination.Personnel;

/// <summary>
/// Personnel's authorization matrix (docs/security.md). A contributor declares for its own nation: its pledges, its
/// officers and their national certification, its contingents and their rosters. The mission (mission-admin) verifies:
/// UN vetting stages, human-rights screening, readiness evidence, deployment and repatriation, posting units to sites.
/// Where a contributor may call an RPC to declare only part of what its request may carry, the row says what it
/// declares; the handler refuses the rest field by field (Caller.RequireMission). Officers' personal data
/// is read only by their nation and the mission-admin; where units stand and when they leave is a nation's own; the
/// public figures are strength totals and deployed officers per contributing nation.
/// </summary>
public static class PersonnelAccess
{
    private static readonly string[] Admin = [MissionAdmin];
    private static readonly string[] Nation = [Contributor];

    public static readonly AccessTable Table = new AccessTable()
        .Service(PledgeService.Descriptor, s => s
            .Rpc("CreatePledge", any: Admin, own: Nation)
            .Rpc("GetPledge", any: [MissionAdmin, Diplomat], own: Nation)
            .Rpc("ListPledges", any: [MissionAdmin, Diplomat], own: Nation)
            .Rpc("RevisePledge", any: Admin, own: Nation)
            // A nation states how fast it can deploy; the visit, verification and rapid-deployment confirmation are the mission's.
            .Rpc("RecordPledgeEvidence", any: Admin, own: Nation, declares: "deployable_within_days only")
            .Rpc("RenewPledge", any: Admin, own: Nation)
            .Rpc("WithdrawPledge", any: Admin, own: Nation)
            .Rpc("ListPledgeVersions", any: [MissionAdmin, Diplomat], own: Nation)
            .Rpc("ListExpectedPledges", any: [MissionAdmin, Diplomat], own: Nation))
        .Service(OfficerService.Descriptor, s => s
            // A nation registers its officers with its own certification only; the other stages and screening are the mission's.
            .Rpc("RegisterOfficer", any: Admin, own: Nation, declares: "NATION_CERTIFICATION only, no screening")
            .Rpc("GetOfficer", any: Admin, own: Nation)
            .Rpc("ListOfficers", any: Admin, own: Nation)
            .Rpc("ImportRoster", any: Admin, own: Nation, declares: "rows with NATION_CERTIFICATION only, no screening")
            .Rpc("RecordVettingResult", any: Admin, own: Nation, declares: "NATION_CERTIFICATION only")
            .Rpc("RecordHumanRightsScreening", any: Admin)
            .Rpc("RecordQualification", any: Admin, own: Nation))
        .Service(ContingentService.Descriptor, s => s
            // Posting a unit to a site is the mission's, here as in AssignContingentToSite and ScheduleRotation.
            .Rpc("CreateContingent", any: Admin, own: Nation, declares: "without site_id")
            .Rpc("GetContingent", any: Admin, own: Nation)
            .Rpc("ListContingents", any: Admin, own: Nation)
            // A nation notifies the steps up to mobilisation; deployment, demobilisation and repatriation are mission acts.
            .Rpc("ChangeContingentStatus", any: Admin, own: Nation, declares: "up to MOBILIZED")
            .Rpc("AssignOfficers", any: Admin, own: Nation)
            .Rpc("ReleaseOfficers", any: Admin, own: Nation)
            .Rpc("AssignContingentToSite", any: Admin)
            .Rpc("ScheduleRotation", any: Admin, own: Nation, declares: "posting no unit to a site")
            .Rpc("ListRotations", any: Admin, own: Nation)
            .Rpc("SetContingentCommand", any: Admin, own: Nation))
        .Service(ForceStrengthService.Descriptor, s => s
            .Rpc("GetForceStrength", any: Everyone)
            .Rpc("GetStrengthReport", any: Admin, own: Nation, publicPart: Everyone)
            .Rpc("GetDueReport", any: Admin, own: Nation)
            .Rpc("StreamStrength", any: Admin, own: Nation, publicPart: Everyone));
}
