using Coordination.Auth;
using Coordination.Logistics.V1;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.CrossService;

/// <summary>
/// A nation pledges units in personnel and the mission raises them to L2 with an assessment visit; over real RabbitMQ,
/// logistics plans what their arrival will need (rations, accommodation, equipment) in the month they are expected, and a
/// withdrawn pledge leaves the plan. Every call goes through the gateway.
/// </summary>
public sealed class PledgeArrivalFlowTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>
{
    private readonly string admin = TestTokens.For("HTI", Roles.MissionAdmin);

    [Fact]
    public async Task Pledges_at_L2_enter_logistics_arrival_needs_in_their_expected_month_and_leave_them_when_withdrawn()
    {
        var suite = fixture.Suite;
        var kenya = TestTokens.For("KEN", Roles.Contributor);
        var pledges = suite.ViaGateway<PledgeService.PledgeServiceClient>(kenya);
        var formed = await PledgeAsync(pledges, UnitType.FormedPoliceUnit, 160);
        var individuals = await PledgeAsync(pledges, UnitType.IndividualPoliceOfficers, 40);
        await PledgeAsync(pledges, UnitType.FormedPoliceUnit, 500); // stays at L1: not planned for

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var mission = suite.ViaGateway<PledgeService.PledgeServiceClient>(admin);
        foreach (var pledge in new[] { formed, individuals })
        {
            var raised = await mission.RecordPledgeEvidenceAsync(new RecordPledgeEvidenceRequest
            {
                RequestId = NewId(), Id = pledge.Id, AssessmentVisitOn = Day(today.Year, today.Month, today.Day),
            });
            Assert.Equal(ReadinessLevel.L2, raised.ReadinessLevel);
        }

        var reports = suite.ViaGateway<LogisticsReportService.LogisticsReportServiceClient>(kenya);
        var needs = await Eventually.Get(() => reports.GetArrivalNeedsAsync(new GetArrivalNeedsRequest { NationCode = "KEN" }).ResponseAsync,
            r => r.Months.Sum(m => m.Officers) == 200, what: "logistics to apply PledgeLevelChanged");
        var expected = today.AddDays(180);
        var month = Assert.Single(needs.Months);
        Assert.Equal(Day(expected.Year, expected.Month, 1), month.Month);
        Assert.Equal((2, 200, 6_000L, 200, 1, 40), (month.PledgeCount, month.Officers, month.RationDays, month.AccommodationPlaces, month.FormedPoliceUnits,
            month.MissionIssuedKits));

        // When a nation's units arrive is its own and the mission's business.
        var jamaica = suite.ViaGateway<LogisticsReportService.LogisticsReportServiceClient>(TestTokens.For("JAM", Roles.Contributor));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => jamaica.GetArrivalNeedsAsync(new GetArrivalNeedsRequest { NationCode = "KEN" }).ResponseAsync);
        Assert.Empty((await jamaica.GetArrivalNeedsAsync(new GetArrivalNeedsRequest())).Months);
        var staff = suite.ViaGateway<LogisticsReportService.LogisticsReportServiceClient>(TestTokens.For("HTI", Roles.LogisticsOfficer));
        await RpcAssert.InvalidFields(() => staff.GetArrivalNeedsAsync(new GetArrivalNeedsRequest { NationCode = "ke\0" }).ResponseAsync, "nation_code");

        await pledges.WithdrawPledgeAsync(new WithdrawPledgeRequest { RequestId = NewId(), Id = individuals.Id, Reason = "Officers reassigned at home" });
        var after = await Eventually.Get(() => reports.GetArrivalNeedsAsync(new GetArrivalNeedsRequest()).ResponseAsync,
            r => r.Months.Sum(m => m.Officers) == 160, what: "logistics to apply PledgeWithdrawn");
        Assert.Equal("KEN", after.NationCode);
        Assert.Equal((1, 0), (after.Months.Single().FormedPoliceUnits, after.Months.Single().MissionIssuedKits));
    }

    private static async Task<Pledge> PledgeAsync(PledgeService.PledgeServiceClient pledges, UnitType unit, int officers) =>
        await pledges.CreatePledgeAsync(new CreatePledgeRequest { RequestId = NewId(), NationCode = "KEN", UnitType = unit, OfficerCount = officers });
}
