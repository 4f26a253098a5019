using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Contracts;
using Coordination.Diplomacy.Deadlines;
using Coordination.Diplomacy.V1;
using Coordination.Finance.V1;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.CrossService;

/// <summary>
/// Diplomacy warns that a mandate ends unrenewed (MandateExpiring, over RabbitMQ): personnel reports the tours that end
/// with it — in the contingent and in its nation's strength report — and finance the budget period that ends with it,
/// until a renewal moves them and clears the marks.
/// </summary>
public sealed class MandateExpiryFlowTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>
{
    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat);
    private readonly string admin = TestTokens.For("HTI", Roles.MissionAdmin);

    private static Date Days(int fromToday)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(fromToday);
        return Day(day.Year, day.Month, day.Day);
    }

    [Fact]
    public async Task Tours_ending_with_a_mandate_warned_to_end_unrenewed_are_reported_until_the_renewal()
    {
        var suite = fixture.Suite;
        // The mandate ends in 60 days, by the real clock diplomacy's deadline watch reads: inside the 90-day warning.
        var mandate = await AdoptAsync(suite, diplomat, "S/RES/2699 (2023)", Days(-300), Days(60), 2_500);
        await PersonnelKnowsMandateAsync(suite, admin, "S/RES/2699 (2023)");
        var yearLong = await DeployAsync(suite, admin, "KEN", 200, 12, Days(-30));
        var endsBefore = await DeployAsync(suite, admin, "KEN", 100, 6, Days(-170));
        Assert.Equal(Days(60), yearLong.PlannedTourEnd);
        Assert.True(endsBefore.PlannedTourEnd.ToDateOnly() < Days(60).ToDateOnly());

        var contingents = suite.ViaGateway<ContingentService.ContingentServiceClient>(admin);
        Assert.Null((await contingents.GetContingentAsync(new GetContingentRequest { Id = yearLong.Id })).EndsWithMandate);

        // Diplomacy's own check, as its timer runs it, sends MandateExpiring (90 days before).
        await suite.Service("diplomacy").Services.GetRequiredService<DeadlineWatch>().CheckAsync(CancellationToken.None);
        var marked = await Eventually.Get(() => contingents.GetContingentAsync(new GetContingentRequest { Id = yearLong.Id }).ResponseAsync,
            c => c.EndsWithMandate is not null, what: "personnel to hear that the mandate ends unrenewed");
        Assert.Equal((mandate.Id, "S/RES/2699 (2023)", Days(60), 90),
            (marked.EndsWithMandate.MandateId, marked.EndsWithMandate.ResolutionSymbol, marked.EndsWithMandate.PeriodEnd, marked.EndsWithMandate.DaysBefore));
        Assert.Null((await contingents.GetContingentAsync(new GetContingentRequest { Id = endsBefore.Id })).EndsWithMandate);
        var listed = await contingents.ListContingentsAsync(new ListContingentsRequest { NationCode = "KEN" });
        Assert.Equal([yearLong.Id], listed.Contingents.Where(c => c.EndsWithMandate is not null).Select(c => c.Id));

        var kenya = suite.ViaGateway<ForceStrengthService.ForceStrengthServiceClient>(TestTokens.For("KEN", Roles.Contributor));
        var report = await kenya.GetStrengthReportAsync(new GetStrengthReportRequest { NationCode = "KEN" });
        Assert.Equal(("S/RES/2699 (2023)", 90), (report.MandateExpiry.ResolutionSymbol, report.MandateExpiry.DaysBefore));
        Assert.Equal([yearLong.Id], report.Nations.Single().ContingentsEndingWithMandateIds);
        var due = await kenya.GetDueReportAsync(new GetDueReportRequest { Days = 90, NationCode = "KEN" });
        Assert.Equal([(endsBefore.Id, false), (yearLong.Id, true)], due.Rotations.Select(r => (r.ContingentId, r.EndsWithMandate)));
        // When a nation's units leave is its own: another nation sees the warning, not Kenya's contingents.
        var jamaica = suite.ViaGateway<ForceStrengthService.ForceStrengthServiceClient>(TestTokens.For("JAM", Roles.Contributor));
        var seen = await jamaica.GetStrengthReportAsync(new GetStrengthReportRequest { NationCode = "KEN" });
        Assert.Equal(90, seen.MandateExpiry.DaysBefore);
        Assert.Empty(seen.Nations.Single().ContingentsEndingWithMandateIds);
        // Finance marks the budget period (every line of it) that ends with the mandate.
        var budget = suite.ViaGateway<BudgetService.BudgetServiceClient>(TestTokens.For("HTI", Roles.FinanceOfficer));
        await Eventually.Get(() => budget.ListBudgetPeriodsAsync(new ListBudgetPeriodsRequest()).ResponseAsync,
            p => p.Periods.Any(x => x.ResolutionSymbol == "S/RES/2699 (2023)" && x.MandateExpiringDaysBefore == 90), what: "finance to mark the period ending with the mandate");

        await suite.ViaGateway<MandateService.MandateServiceClient>(diplomat).ExtendMandateAsync(new ExtendMandateRequest
        {
            RequestId = NewId(), Id = mandate.Id, ResolutionSymbol = "S/RES/2751 (2024)", AdoptedOn = Days(0), PeriodEnd = Days(425),
            Vote = new Vote { InFavour = 15 },
        });
        var renewed = await Eventually.Get(() => contingents.GetContingentAsync(new GetContingentRequest { Id = yearLong.Id }).ResponseAsync,
            c => c.EndsWithMandate is null, what: "personnel to clear the mark on the renewal");
        Assert.False(renewed.TourEndCappedByMandate);
        report = await kenya.GetStrengthReportAsync(new GetStrengthReportRequest { NationCode = "KEN" });
        Assert.Null(report.MandateExpiry);
        Assert.Empty(report.Nations.Single().ContingentsEndingWithMandateIds);
        var periods = await Eventually.Get(() => budget.ListBudgetPeriodsAsync(new ListBudgetPeriodsRequest()).ResponseAsync,
            p => p.Periods.Any(x => x.ResolutionSymbol == "S/RES/2751 (2024)"), what: "finance to open the renewal's period");
        Assert.All(periods.Periods, x => Assert.Equal(0, x.MandateExpiringDaysBefore));
        Assert.DoesNotContain((await kenya.GetDueReportAsync(new GetDueReportRequest { Days = 366, NationCode = "KEN" })).Rotations, r => r.EndsWithMandate);
    }
}
