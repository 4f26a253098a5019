using System.Text.Json;
using Coordination.Auth;
using Coordination.Events;
using Coordination.Finance.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Xunit;
using static Coordination.Tests.CrossService.Calls;
using static Coordination.Tests.Finance.FinanceDesk;

namespace Coordination.Tests.Finance;

/// <summary>
/// Reimbursements owed to contributing countries, from personnel's deployment events and logistics' inspection events
/// (published here on the real broker as those services publish them). Default rates: USD 1,448 per officer per month,
/// USD 2,500 per wet-leased unit per month; a month is 30 days.
/// </summary>
public sealed class ReimbursementTests(FinanceClockFixture fixture) : IClassFixture<FinanceClockFixture>
{
    private FinanceDesk Desk => fixture.Desk;

    private async Task<NationReimbursement> NationAsync(string nation, Func<NationReimbursement, bool> until) =>
        (await Eventually.Get(
            () => Desk.Reports().GetReimbursementReportAsync(new GetReimbursementReportRequest { NationCode = nation }).ResponseAsync,
            r => r.Nations.Count == 1 && until(r.Nations[0]), what: $"the reimbursements of {nation}")).Nations[0];

    private async Task<List<ReimbursementOwed>> OwedAsync(string subject) =>
        (await Desk.OutboxAsync(nameof(ReimbursementOwed)))
            .Select(e => JsonSerializer.Deserialize<ReimbursementOwed>(e.Payload, EventCatalog.JsonOptions)!)
            .Where(e => e.SubjectId == subject).ToList();

    private static ContingentDeployed Deployed(string contingent, string nation, int officers, DateOnly on) => new()
    {
        OccurredAt = DateTime.UtcNow, SubjectId = contingent, Nation = nation, OfficerCount = officers, SiteId = "",
        DeployedOn = on, PlannedTourEnd = on.AddMonths(12),
    };

    private static ContingentRepatriated Repatriated(string contingent, string nation, int officers, DateOnly on) => new()
    {
        OccurredAt = DateTime.UtcNow, SubjectId = contingent, Nation = nation, OfficerCount = officers, SiteId = "", RepatriatedOn = on,
    };

    [Fact]
    public async Task Personnel_reimbursement_accrues_by_the_day_from_deployment_and_is_announced_when_the_contingent_goes_home()
    {
        fixture.Clock.SetToday(new DateOnly(2025, 1, 31));
        try
        {
            var contingent = NewId();
            await Desk.PublishAsync(Deployed(contingent, "KEN", 200, new DateOnly(2025, 1, 1)));

            // 200 officers x USD 1,448 x 30 days / 30 = USD 289,600.00 by 31 January; nothing announced while they serve.
            var accrued = await NationAsync("KEN", n => n.ContingentCount == 1);
            Assert.Equal((Usd(289_600), 6_000L, Usd(0)), (accrued.PersonnelOwedUsd, accrued.OfficerDays, accrued.ClaimedUsd));
            Assert.Empty(await OwedAsync(contingent));

            // Home on 2 March: 60 days (1 January up to, not including, 2 March) = 200 x 1,448 x 2 = USD 579,200.00.
            await Desk.PublishAsync(Repatriated(contingent, "KEN", 200, new DateOnly(2025, 3, 2)));
            var closed = await NationAsync("KEN", n => n.ClaimedUsd.Units > 0);
            var owed = Assert.Single(await OwedAsync(contingent));
            Assert.Equal(("PERSONNEL", "KEN", 57_920_000L, 57_920_000L, 200), (owed.Kind, owed.Nation, owed.UsdCents, owed.TotalUsdCents, owed.Quantity));
            Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 2)), (owed.PeriodStart, owed.PeriodEnd));
        }
        finally
        {
            fixture.Clock.SetToday(new DateOnly(2025, 6, 30));
        }
    }

    [Fact]
    public async Task Equipment_below_threshold_is_reimbursed_at_its_serviceability_until_the_next_inspection_in_whatever_order_events_arrive()
    {
        var (line, contingent) = (NewId(), NewId());
        EquipmentInspected Inspected(string id, string kind, int percent, DateOnly on) => new()
        {
            OccurredAt = DateTime.UtcNow, SubjectId = line, Nation = "BGD", ContingentId = contingent, InspectionId = id, Kind = kind,
            LeaseType = "WET", Quantity = 7, ServiceabilityPercent = percent, InspectedOn = on,
        };
        var (arrival, periodic, repatriation) = (NewId(), NewId(), NewId());

        // The reduction may reach finance before the inspection it belongs to.
        await Desk.PublishAsync(new ServiceabilityBelowThreshold
        {
            OccurredAt = DateTime.UtcNow, SubjectId = line, Nation = "BGD", ContingentId = contingent, InspectionId = periodic,
            ServiceabilityPercent = 80, ThresholdPercent = 90, InspectedOn = new DateOnly(2025, 2, 15),
        });
        await Desk.PublishAsync(Inspected(repatriation, "REPATRIATION", 85, new DateOnly(2025, 3, 18)));
        await Desk.PublishAsync(Inspected(periodic, "PERIODIC", 80, new DateOnly(2025, 2, 15)));
        await Desk.PublishAsync(Inspected(arrival, "ARRIVAL", 95, new DateOnly(2025, 1, 1)));

        // 1 Jan - 15 Feb, 45 days at 95% (above 90%, so in full): 7 x 2,500 x 45 / 30        = 26,250.000
        // 15 Feb - 18 Mar, 31 days at 80% (below):                 7 x 2,500 x 0.80 x 31 / 30 = 14,466.666…
        // In all USD 40,716.666… -> USD 40,716.67, rounded once.
        var bangladesh = await NationAsync("BGD", n => n.ClaimedUsd.Units == 40_716);
        Assert.Equal((Usd(40_716, 670_000_000), Usd(40_716, 670_000_000)), (bangladesh.EquipmentOwedUsd, bangladesh.ClaimedUsd));
        var announced = await OwedAsync(line);
        Assert.Equal(4_071_667L, announced.Sum(e => e.UsdCents));
        // The service's clock stands still in this class, so the outbox cannot say which announcement came last: the
        // last one carries the total the amounts add up to.
        Assert.Contains(announced, e => e.TotalUsdCents == 4_071_667L);
        Assert.All(announced, e => Assert.Equal(("EQUIPMENT", contingent), (e.Kind, e.ContingentId)));
    }

    [Fact]
    public async Task Equipment_earns_nothing_after_its_contingent_went_home_even_without_a_repatriation_inspection()
    {
        var (line, contingent) = (NewId(), NewId());
        await Desk.PublishAsync(Deployed(contingent, "NPL", 100, new DateOnly(2025, 1, 1)));
        await Desk.PublishAsync(new EquipmentInspected
        {
            OccurredAt = DateTime.UtcNow, SubjectId = line, Nation = "NPL", ContingentId = contingent, InspectionId = NewId(), Kind = "ARRIVAL",
            LeaseType = "WET", Quantity = 4, ServiceabilityPercent = 100, InspectedOn = new DateOnly(2025, 1, 1),
        });
        await NationAsync("NPL", n => n.EquipmentOwedUsd.Units > 0);

        // Home on 31 January; the service's today is 30 June. 1 - 31 January is 30 days: 4 x 2,500 x 30 / 30 = USD 10,000.00
        // (not 4 x 2,500 x 180 / 30 = USD 60,000.00 to today); the officers: 100 x 1,448 x 30 / 30 = USD 144,800.00.
        await Desk.PublishAsync(Repatriated(contingent, "NPL", 100, new DateOnly(2025, 1, 31)));
        var nepal = await NationAsync("NPL", n => n.ClaimedUsd.Units >= 144_800 && n.EquipmentOwedUsd.Units != 60_000);
        Assert.Equal((Usd(10_000), Usd(154_800)), (nepal.EquipmentOwedUsd, nepal.ClaimedUsd));
        var owed = await Eventually.Get(() => OwedAsync(line), o => o.Count > 0, what: "the equipment line's claim");
        Assert.Equal(1_000_000L, owed.Sum(e => e.UsdCents));
        Assert.All(owed, e => Assert.Equal("EQUIPMENT", e.Kind));
        Assert.Contains(owed, e => e.PeriodEnd == new DateOnly(2025, 1, 31) && e.TotalUsdCents == 1_000_000L);
    }

    [Fact]
    public async Task A_contributor_reads_only_its_own_nations_reimbursements_and_a_payment_lowers_what_is_outstanding()
    {
        var (jamaica, salvador) = (NewId(), NewId());
        await Desk.PublishAsync(Deployed(jamaica, "JAM", 10, new DateOnly(2024, 9, 13)));
        await Desk.PublishAsync(Repatriated(jamaica, "JAM", 10, new DateOnly(2024, 12, 12)));
        await Desk.PublishAsync(Deployed(salvador, "SLV", 5, new DateOnly(2024, 9, 13)));
        // 13 September - 12 December is 90 days: 10 x 1,448 x 90 / 30 = USD 43,440.00.
        await NationAsync("JAM", n => n.ClaimedUsd.Units == 43_440);
        await NationAsync("SLV", n => n.ContingentCount == 1);

        var period = await Desk.OpenPeriodAsync("S/RES/2699 (2023)", new DateOnly(2023, 10, 2), new DateOnly(2024, 10, 1));
        var line = await Desk.LineAsync(period.Id, BudgetCategory.PersonnelReimbursement, 1_000_000);
        await Desk.DisburseAsync(line.Id, 40_000, advance: true, payeeNation: "JAM");

        var own = await Desk.Reports(TestTokens.For("JAM", Roles.Contributor)).GetReimbursementReportAsync(new GetReimbursementReportRequest());
        var row = Assert.Single(own.Nations);
        Assert.Equal(("JAM", Usd(43_440), Usd(40_000), Usd(3_440)), (row.NationCode, row.TotalOwedUsd, row.PaidUsd, row.OutstandingUsd));
        Assert.Equal(Usd(1_448), own.PersonnelMonthlyRate);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Desk.Reports(TestTokens.For("JAM", Roles.Contributor))
            .GetReimbursementReportAsync(new GetReimbursementReportRequest { NationCode = "SLV" }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Desk.Reports(TestTokens.For("JAM", Roles.Observer))
            .GetReimbursementReportAsync(new GetReimbursementReportRequest()).ResponseAsync);
    }
}
