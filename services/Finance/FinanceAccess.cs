using Coordination.Auth;
using Coordination.Finance.V1;
using static Coordination.Auth.Roles;

namespace Coordination.Finance;

/// <summary>
/// Finance's authorization matrix (docs/security.md). Finance officers and the mission-admin keep the books:
/// contribution statuses, corrections, allocations, disbursements, budget lines, exchange rates, the ledger check. A
/// contributor (a donor government) records its own pledges and reads its own contributions, donor figures and
/// reimbursements. The budget, its coverage, the fund's position and the rates used are public mission information.
/// </summary>
public static class FinanceAccess
{
    private static readonly string[] Officers = [FinanceOfficer, MissionAdmin];
    private static readonly string[] Nation = [Contributor];

    public static readonly AccessTable Table = new AccessTable()
        .Service(ContributionService.Descriptor, s => s
            .Rpc("RecordContribution", any: Officers, own: Nation)
            .Rpc("GetContribution", any: Officers, own: Nation)
            .Rpc("ListContributions", any: Officers, own: Nation)
            .Rpc("ChangeContributionStatus", any: Officers)
            .Rpc("CorrectContribution", any: Officers)
            .Rpc("ListContributionVersions", any: Officers, own: Nation)
            .Rpc("AllocateContribution", any: Officers)
            .Rpc("TraceContribution", any: Officers, own: Nation))
        .Service(DisbursementService.Descriptor, s => s
            .Rpc("RecordDisbursement", any: Officers)
            .Rpc("ListDisbursements", any: Officers))
        .Service(ExchangeRateService.Descriptor, s => s
            .Rpc("RecordExchangeRate", any: Officers)
            .Rpc("ListExchangeRates", any: Everyone))
        .Service(BudgetService.Descriptor, s => s
            .Rpc("ListBudgetPeriods", any: Everyone)
            .Rpc("CreateBudgetLine", any: Officers)
            .Rpc("ReviseBudgetLine", any: Officers)
            .Rpc("GetBudgetLine", any: Everyone)
            .Rpc("ListBudgetLines", any: Everyone)
            .Rpc("ListBudgetLineRevisions", any: Everyone))
        .Service(LedgerService.Descriptor, s => s
            .Rpc("VerifyLedger", any: Officers))
        .Service(FinanceReportService.Descriptor, s => s
            .Rpc("GetCoverageReport", any: Everyone)
            .Rpc("GetDonorReport", any: Officers, own: Nation)
            .Rpc("GetFundPosition", any: Everyone)
            .Rpc("GetReimbursementReport", any: Officers, own: Nation));
}
