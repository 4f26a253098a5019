using Coordination.Auth;
using Coordination.Diplomacy.V1;
using Coordination.Finance.V1;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.CrossService;

/// <summary>
/// Diplomacy renews the mandate; over real RabbitMQ, personnel moves the tours the old end had cut short and
/// finance opens the next budget period, each in its own PostgreSQL database. Every call goes through the gateway.
/// </summary>
public sealed class MandateRenewalFlowTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>
{
    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat);
    private readonly string admin = TestTokens.For("HTI", Roles.MissionAdmin);

    [Fact]
    public async Task A_mandate_renewal_moves_the_planned_end_of_every_deployed_contingent_whose_tour_it_had_cut_short()
    {
        var suite = fixture.Suite;
        var mandate = await AdoptAsync(suite, diplomat, "S/RES/2699 (2023)", Day(2023, 10, 2), Day(2024, 10, 1), 2_500);
        await PersonnelKnowsMandateAsync(suite, admin, "S/RES/2699 (2023)");

        var yearLong = await DeployAsync(suite, admin, "KEN", 200, 12, Day(2024, 6, 25));
        var halfYear = await DeployAsync(suite, admin, "KEN", 200, 6, Day(2024, 7, 16));
        var endsInside = await DeployAsync(suite, admin, "JAM", 10, 6, Day(2024, 3, 1));
        Assert.Equal(Day(2024, 10, 1), yearLong.PlannedTourEnd);
        Assert.True(yearLong.TourEndCappedByMandate);
        Assert.Equal(Day(2024, 10, 1), halfYear.PlannedTourEnd);
        Assert.Equal(Day(2024, 8, 31), endsInside.PlannedTourEnd);
        Assert.False(endsInside.TourEndCappedByMandate);

        await suite.ViaGateway<MandateService.MandateServiceClient>(diplomat).ExtendMandateAsync(new ExtendMandateRequest
        {
            RequestId = NewId(),
            Id = mandate.Id,
            ResolutionSymbol = "S/RES/2751 (2024)",
            AdoptedOn = Day(2024, 9, 30),
            PeriodEnd = Day(2025, 10, 2),
            Vote = new Vote { InFavour = 15 },
        });

        var contingents = suite.ViaGateway<ContingentService.ContingentServiceClient>(admin);
        var moved = await Eventually.Get(
            () => contingents.GetContingentAsync(new GetContingentRequest { Id = yearLong.Id }).ResponseAsync,
            c => !c.TourEndCappedByMandate, what: "personnel to apply MandateExtended");
        Assert.Equal(Day(2025, 6, 24), moved.PlannedTourEnd);
        Assert.StartsWith("system:MandateExtended", moved.Audit.UpdatedBy, StringComparison.Ordinal);
        Assert.Equal(Day(2025, 1, 15), (await contingents.GetContingentAsync(new GetContingentRequest { Id = halfYear.Id })).PlannedTourEnd);
        Assert.Equal(Day(2024, 8, 31), (await contingents.GetContingentAsync(new GetContingentRequest { Id = endsInside.Id })).PlannedTourEnd);

        var strength = await PersonnelKnowsMandateAsync(suite, admin, "S/RES/2751 (2024)");
        Assert.Equal(Day(2025, 10, 2), strength.MandatePeriodEnd);
        Assert.Equal(410, strength.DeployedOfficers);

        var periods = await Eventually.Get(
            () => suite.ViaGateway<BudgetService.BudgetServiceClient>(TestTokens.For("CAN", Roles.Observer)).ListBudgetPeriodsAsync(new ListBudgetPeriodsRequest()).ResponseAsync,
            p => p.Periods.Count == 2, what: "finance to open the renewal's budget period");
        Assert.Equal(["S/RES/2699 (2023)", "S/RES/2751 (2024)"], periods.Periods.Select(p => p.ResolutionSymbol));
        Assert.Equal(Day(2024, 10, 2), periods.Periods[1].StartsOn);
        Assert.Equal(Day(2025, 10, 2), periods.Periods[1].EndsOn);

        await using var scope = suite.Scope("personnel");
        var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();
        Assert.Equal(1, await db.ProcessedMessages.CountAsync(p => p.Consumer == "MandateExtendedConsumer"));
    }
}
