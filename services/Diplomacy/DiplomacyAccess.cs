using Coordination.Auth;
using Coordination.Diplomacy.V1;
using static Coordination.Auth.Roles;

namespace Coordination.Diplomacy;

/// <summary>
/// Diplomacy's authorization matrix (docs/security.md). Diplomats and the mission-admin record mandates, agreements,
/// engagements and commitments. A contributor reads the agreements its nation is party to, the commitments it
/// announced and its own partner brief. Security Council mandates and the mandate calendar are public; so are appeals,
/// each caller seeing the mission's figures and the partners' lines it reaches (a contributor its own).
/// </summary>
public static class DiplomacyAccess
{
    private static readonly string[] Staff = [Diplomat, MissionAdmin];
    private static readonly string[] Nation = [Contributor];

    public static readonly AccessTable Table = new AccessTable()
        .Service(MandateService.Descriptor, s => s
            .Rpc("AdoptMandate", any: Staff)
            .Rpc("GetMandate", any: Everyone)
            .Rpc("ListMandates", any: Everyone)
            .Rpc("ExtendMandate", any: Staff)
            .Rpc("TransitionMandate", any: Staff)
            .Rpc("GetMandateCalendar", any: Everyone))
        .Service(AgreementService.Descriptor, s => s
            .Rpc("CreateAgreement", any: Staff)
            .Rpc("GetAgreement", any: Staff, own: Nation)
            .Rpc("ListAgreements", any: Staff, own: Nation)
            .Rpc("ChangePartyStatus", any: Staff)
            .Rpc("GetAgreementMatrix", any: Staff))
        .Service(EngagementService.Descriptor, s => s
            .Rpc("RecordEngagement", any: Staff)
            .Rpc("GetEngagement", any: Staff)
            .Rpc("ListEngagements", any: Staff)
            .Rpc("CompleteFollowUp", any: Staff)
            .Rpc("ListOverdueFollowUps", any: Staff))
        .Service(CommitmentService.Descriptor, s => s
            .Rpc("AnnounceCommitment", any: Staff)
            .Rpc("GetCommitment", any: Staff, own: Nation)
            .Rpc("ListCommitments", any: Staff, own: Nation))
        .Service(PartnerService.Descriptor, s => s
            .Rpc("GetPartnerBrief", any: Staff, own: Nation))
        .Service(AppealService.Descriptor, s => s
            .Rpc("IssueAppeal", any: Staff)
            .Rpc("GetAppeal", any: Staff, own: Nation, publicPart: Everyone)
            .Rpc("ListAppeals", any: Staff, own: Nation, publicPart: Everyone))
        .Service(SiteSecurityService.Descriptor, s => s
            .Rpc("ListSiteSecurityRecords", any: Everyone));
}
