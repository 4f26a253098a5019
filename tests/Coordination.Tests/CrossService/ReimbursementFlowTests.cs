using Coordination.Auth;
using Coordination.Diplomacy.V1;
using Coordination.Finance.V1;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.CrossService;

/// <summary>
/// Finance learns of budget periods from diplomacy and of deployments from personnel, by their events: a contingent
/// deployed and brought home in personnel is owed a reimbursement in finance.
/// </summary>
public sealed class ReimbursementFlowTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>
{
    private readonly string admin = TestTokens.For("HTI", Roles.MissionAdmin);
    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat);

    [Fact]
    public async Task A_contingent_deployed_and_repatriated_by_personnel_is_owed_its_reimbursement_in_finance()
    {
        var suite = fixture.Suite;
        await AdoptAsync(suite, diplomat, "S/RES/2751 (2024)", Day(2024, 10, 2), Day(2025, 10, 2), 1_000);
        await PersonnelKnowsMandateAsync(suite, admin, "S/RES/2751 (2024)");
        var period = await Eventually.Get(
            () => suite.ViaGateway<BudgetService.BudgetServiceClient>(admin).ListBudgetPeriodsAsync(new ListBudgetPeriodsRequest()).ResponseAsync,
            p => p.Periods.Count == 1, what: "finance to open the budget period from MandateAdopted");
        Assert.Equal("S/RES/2751 (2024)", period.Periods[0].ResolutionSymbol);

        var contingent = await DeployAsync(suite, admin, "GTM", 80, 12, Day(2024, 11, 1));
        var reports = suite.ViaGateway<FinanceReportService.FinanceReportServiceClient>(TestTokens.For("GTM", Roles.Contributor));
        var accruing = await Eventually.Get(() => reports.GetReimbursementReportAsync(new GetReimbursementReportRequest()).ResponseAsync,
            r => r.Nations.Count == 1 && r.Nations[0].ContingentCount == 1, what: "finance to apply ContingentDeployed");
        var asOf = new DateOnly(accruing.AsOf.Year, accruing.AsOf.Month, accruing.AsOf.Day);
        Assert.Equal(80L * (asOf.DayNumber - new DateOnly(2024, 11, 1).DayNumber), accruing.Nations[0].OfficerDays);

        var contingents = suite.ViaGateway<ContingentService.ContingentServiceClient>(admin);
        foreach (var status in new[] { ContingentStatus.Demobilizing, ContingentStatus.Repatriated })
        {
            await contingents.ChangeContingentStatusAsync(new ChangeContingentStatusRequest
            {
                RequestId = NewId(), Id = contingent.Id, Status = status, EffectiveOn = status == ContingentStatus.Repatriated ? Day(2025, 3, 1) : null,
            });
        }

        // 1 November to 1 March is 120 days: 80 officers x USD 1,448 x 120 / 30 = USD 463,360.00.
        var owed = await Eventually.Get(() => reports.GetReimbursementReportAsync(new GetReimbursementReportRequest()).ResponseAsync,
            r => r.Nations[0].ClaimedUsd.Units > 0, what: "finance to apply ContingentRepatriated");
        var row = owed.Nations[0];
        Assert.Equal(("GTM", 463_360L, 463_360L, 9_600L), (row.NationCode, row.PersonnelOwedUsd.Units, row.ClaimedUsd.Units, row.OfficerDays));
    }
}
