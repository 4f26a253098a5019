using Coordination.Auth;
using Coordination.Finance.Persistence;
using Coordination.Finance.V1;
using Coordination.Logistics.V1;
using Coordination.Tests.Infrastructure;
using Coordination.Tests.Logistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.CrossService.Calls;
using Money = Coordination.Common.V1.Money;

namespace Coordination.Tests.CrossService;

/// <summary>
/// Finance hears of logistics' shipments: the freight charge and the value of the goods of a dispatched shipment are
/// spent against the logistics line of the budget period current on the day, and the value of what arrived damaged or
/// missing is written off beside it, so the coverage report shows spent as well as funded. With no logistics line the
/// expenditure is kept unallocated and shown apart.
/// </summary>
public sealed class ShipmentExpenditureFlowTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>
{
    private readonly string financeOfficer = TestTokens.For("HTI", Roles.FinanceOfficer);

    private static Money Usd(long units, int cents = 0) => new() { CurrencyCode = "USD", Units = units, Nanos = cents * 10_000_000 };

    private static long Cents(Money money) => (money.Units * 100) + (money.Nanos / 10_000_000);

    [Fact]
    public async Task Shipments_dispatched_and_received_are_spent_and_written_off_against_the_periods_logistics_line()
    {
        var suite = fixture.Suite;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = today.AddDays(-20);
        await AdoptAsync(suite, TestTokens.For("HTI", Roles.Diplomat), "S/RES/2793 (2025)", Day(start.Year, start.Month, start.Day),
            Day(today.AddDays(340).Year, today.AddDays(340).Month, today.AddDays(340).Day), 5_550);
        var budget = suite.ViaGateway<BudgetService.BudgetServiceClient>(financeOfficer);
        var period = (await Eventually.Get(() => budget.ListBudgetPeriodsAsync(new ListBudgetPeriodsRequest()).ResponseAsync,
            p => p.Periods.Count == 1, what: "finance to open the budget period from MandateAdopted")).Periods[0];
        var reports = suite.ViaGateway<FinanceReportService.FinanceReportServiceClient>(TestTokens.For("CAN", Roles.Observer));

        var logistics = new LogisticsDesk(new SuiteGatewayClients(suite, TestTokens.For("HTI", Roles.LogisticsOfficer)));
        var port = await logistics.WarehouseAsync((await logistics.SiteAsync(SiteStatus.Secured, "Port of Port-au-Prince")).Id);
        var hospital = await logistics.SiteAsync(SiteStatus.Secured);
        var store = await logistics.WarehouseAsync(hospital.Id, "Hospital store");
        var rations = await logistics.ItemAsync();
        await logistics.MoveAsync(port, rations, StockMovementKind.Received, 1_000);

        // Before the period has a logistics line, a shipment's cost is kept unallocated and shown apart.
        var early = await logistics.DispatchAsync(await ShipmentAsync(logistics, port, hospital, Usd(300), (rations, 20, Usd(10))));
        var unallocated = await Eventually.Get(() => reports.GetCoverageReportAsync(new GetCoverageReportRequest()).ResponseAsync,
            r => Cents(r.UnallocatedSpent) > 0, what: "finance to hear of the first shipment's dispatch");
        Assert.Equal((period.Id, 50_000L, 0L), (unallocated.BudgetPeriodId, Cents(unallocated.UnallocatedSpent), Cents(unallocated.TotalSpent)));

        var line = await budget.CreateBudgetLineAsync(new CreateBudgetLineRequest
        {
            RequestId = NewId(), BudgetPeriodId = period.Id, Category = BudgetCategory.Logistics, Description = "Convoys and stores", Amount = Usd(2_000_000),
        });
        var shipment = await ShipmentAsync(logistics, port, hospital, Usd(1_250, 50), (rations, 200, Usd(12, 75)));
        await logistics.DispatchAsync(shipment);
        await logistics.Shipments.RecordShipmentReceiptAsync(new RecordShipmentReceiptRequest
        {
            RequestId = NewId(), Id = shipment.Id, ReceivingWarehouseId = store.Id,
            Lines = { new ShipmentLineReceipt { LineId = shipment.Lines[0].Id, ReceivedQuantity = 190, DamagedQuantity = 4 } },
        });

        // Freight 1,250.50 + goods 200 x 12.75 = 3,800.50 spent; 10 missing + 4 damaged x 12.75 = 178.50 written off.
        var report = await Eventually.Get(() => reports.GetCoverageReportAsync(new GetCoverageReportRequest()).ResponseAsync,
            r => r.Rows.Count == 1 && Cents(r.Rows[0].Line.SpentUsd) > 0 && Cents(r.Rows[0].Line.WrittenOffUsd) > 0,
            what: "finance to hear of the second shipment's dispatch and receipt");
        var row = Assert.Single(report.Rows).Line;
        Assert.Equal((line.Id, 380_050L, 17_850L, 0L), (row.Id, Cents(row.SpentUsd), Cents(row.WrittenOffUsd), Cents(row.FundedUsd)));
        Assert.Equal((380_050L, 17_850L, 50_000L), (Cents(report.TotalSpent), Cents(report.TotalWrittenOff), Cents(report.UnallocatedSpent)));
        Assert.Equal(Cents(row.SpentUsd), Cents((await budget.GetBudgetLineAsync(new GetBudgetLineRequest { Id = line.Id })).SpentUsd));

        // The early shipment arrives whole: nothing to write off, nothing changes.
        await logistics.Shipments.RecordShipmentReceiptAsync(new RecordShipmentReceiptRequest
        {
            RequestId = NewId(), Id = early.Id, ReceivingWarehouseId = store.Id,
            Lines = { new ShipmentLineReceipt { LineId = early.Lines[0].Id, ReceivedQuantity = 20 } },
        });
        await using var scope = suite.Scope("finance");
        var db = scope.ServiceProvider.GetRequiredService<FinanceDbContext>();
        await Eventually.Get(() => db.ProcessedMessages.CountAsync(p => p.Consumer == "ShipmentReceivedConsumer"), n => n == 2,
            what: "finance to hear of the early shipment's receipt");
        Assert.Equal(2, await db.ProcessedMessages.CountAsync(p => p.Consumer == "ShipmentDispatchedConsumer"));
        var after = await reports.GetCoverageReportAsync(new GetCoverageReportRequest());
        Assert.Equal((380_050L, 17_850L, 50_000L, 0L),
            (Cents(after.TotalSpent), Cents(after.TotalWrittenOff), Cents(after.UnallocatedSpent), Cents(after.UnallocatedWrittenOff)));

        await RpcAssert.InvalidFields(() => reports.GetCoverageReportAsync(new GetCoverageReportRequest { BudgetPeriodId = "period\0" }).ResponseAsync,
            "budget_period_id");
    }

    private static Task<Shipment> ShipmentAsync(LogisticsDesk logistics, Warehouse origin, Site destination, Money freight,
        params (CatalogItem Item, int Quantity, Money UnitValue)[] lines) =>
        logistics.Shipments.CreateShipmentAsync(new CreateShipmentRequest
        {
            RequestId = NewId(),
            OriginWarehouseId = origin.Id,
            DestinationSiteId = destination.Id,
            Carrier = "WFP road convoy",
            WaybillNumber = $"WB-{LogisticsDesk.Unique()}",
            Eta = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow.AddDays(2)),
            FreightCost = freight,
            Lines = { lines.Select(l => new ShipmentLineInput { ItemId = l.Item.Id, Quantity = l.Quantity, UnitValue = l.UnitValue }) },
        }).ResponseAsync;
}
