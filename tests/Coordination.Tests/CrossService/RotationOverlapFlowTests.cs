using Coordination.Auth;
using Coordination.Finance.V1;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.CrossService;

/// <summary>
/// Finance hears of the rotations personnel schedules: a relief in place doubles the site's headcount for the overlap,
/// and finance accrues the incoming contingent's officers for those days at the personnel rate, for its nation.
/// </summary>
public sealed class RotationOverlapFlowTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>
{
    private readonly string admin = TestTokens.For("HTI", Roles.MissionAdmin);

    [Fact]
    public async Task A_relief_in_place_scheduled_in_personnel_accrues_its_overlap_for_the_incoming_nation_in_finance()
    {
        var suite = fixture.Suite;
        await AdoptAsync(suite, TestTokens.For("HTI", Roles.Diplomat), "S/RES/2751 (2024)", Day(2024, 10, 2), Day(2025, 10, 2), 1_000);
        await PersonnelKnowsMandateAsync(suite, admin, "S/RES/2751 (2024)");
        var outgoing = await DeployAsync(suite, admin, "BHS", 60, 12, Day(2024, 11, 1));
        var contingents = suite.ViaGateway<ContingentService.ContingentServiceClient>(admin);
        var incoming = await contingents.CreateContingentAsync(new CreateContingentRequest
        {
            RequestId = NewId(), NationCode = "JAM", Name = "Jamaica Constabulary Force, second contingent", UnitType = UnitType.FormedPoliceUnit,
            OfficerCount = 80, TourMonths = 12,
        });
        // Ten days of relief in place: 80 officers x USD 1,448 x 10 / 30 = USD 38,613.33.
        await contingents.ScheduleRotationAsync(new ScheduleRotationRequest
        {
            RequestId = NewId(), OutgoingContingentId = outgoing.Id, IncomingContingentId = incoming.Id,
            IncomingArrivesOn = Day(2025, 4, 1), OutgoingDepartsOn = Day(2025, 4, 11),
        });

        var jamaica = suite.ViaGateway<FinanceReportService.FinanceReportServiceClient>(TestTokens.For("JAM", Roles.Contributor));
        var report = await Eventually.Get(() => jamaica.GetReimbursementReportAsync(new GetReimbursementReportRequest()).ResponseAsync,
            r => r.Nations.Count == 1 && r.Nations[0].RotationCount == 1, what: "finance to hear of the rotation");
        var row = report.Nations[0];
        Assert.Equal(("JAM", 38_613L, 330_000_000, 800L), (row.NationCode, row.RotationOverlapUsd.Units, row.RotationOverlapUsd.Nanos, row.RotationOverlapOfficerDays));
        // Accrued ahead of the incoming contingent's deployment, shown apart: nothing is owed for its own days yet.
        Assert.Equal((0L, 0, 0L), (row.TotalOwedUsd.Units, row.ContingentCount, row.OfficerDays));

        // The outgoing nation's row carries no overlap; a rotation is not another nation's to read.
        var staff = suite.ViaGateway<FinanceReportService.FinanceReportServiceClient>(TestTokens.For("HTI", Roles.FinanceOfficer));
        var bahamas = await Eventually.Get(() => staff.GetReimbursementReportAsync(new GetReimbursementReportRequest { NationCode = "BHS" }).ResponseAsync,
            r => r.Nations.Count == 1 && r.Nations[0].ContingentCount == 1, what: "finance to hear of the outgoing contingent's deployment");
        Assert.Equal(0, bahamas.Nations[0].RotationCount);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => jamaica.GetReimbursementReportAsync(new GetReimbursementReportRequest { NationCode = "BHS" }).ResponseAsync);
    }
}
