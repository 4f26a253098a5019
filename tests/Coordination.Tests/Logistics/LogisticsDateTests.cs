using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Events;
using Coordination.Logistics.V1;
using Coordination.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.Logistics.LogisticsDesk;

namespace Coordination.Tests.Logistics;

/// <summary>
/// Logistics on PostgreSQL and RabbitMQ behind the real gateway with a clock the tests set, at noon on 2025-06-30, so
/// that "today", "tomorrow" and "two years ahead" are the service's days whatever the wall clock says.
/// </summary>
public sealed class LogisticsClockFixture : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2025, 6, 30);

    public TestClock Clock { get; } = new(new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));

    public SuiteHost Suite { get; private set; } = null!;

    public string KenyanContingent { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Suite = await SuiteHost.StartAsync(["logistics"], gateway: true, services: s => s.AddSingleton<TimeProvider>(Clock));
        KenyanContingent = await PersonnelAnnouncements.ContingentAsync(Suite.Service("logistics").Services, "KEN", new DateOnly(2024, 6, 25));
    }

    public async Task DisposeAsync() => await Suite.DisposeAsync();

    public LogisticsDesk Desk(string token) => new(new SuiteGatewayClients(Suite, token), KenyanContingent);
}

/// <summary>The days a client gives logistics, against the service's own day.</summary>
public sealed class LogisticsDateTests(LogisticsClockFixture fixture) : IClassFixture<LogisticsClockFixture>
{
    private readonly LogisticsDesk officer = fixture.Desk(TestTokens.For("HTI", Roles.LogisticsOfficer));

    private static Coordination.Common.V1.Date After(int days) => Day(LogisticsClockFixture.Today.AddDays(days));

    [Fact]
    public async Task Needed_by_and_expected_by_days_lie_between_today_and_the_planning_horizon()
    {
        var site = await officer.SiteAsync(SiteStatus.Secured);
        var item = await officer.ItemAsync();
        CreateRequisitionRequest NeededBy(Coordination.Common.V1.Date day) => new()
        {
            RequestId = NewId(), RequestingContingentId = fixture.KenyanContingent, DestinationSiteId = site.Id, Priority = RequisitionPriority.Routine,
            NeededBy = day, Justification = "Tents", Lines = { new RequisitionLineInput { ItemId = item.Id, Quantity = 50 } },
        };

        await RpcAssert.InvalidFields(() => officer.Requisitions.CreateRequisitionAsync(NeededBy(After(-1))).ResponseAsync, "needed_by");
        await RpcAssert.InvalidFields(() => officer.Requisitions.CreateRequisitionAsync(NeededBy(Day(9999, 12, 31))).ResponseAsync, "needed_by");
        await RpcAssert.InvalidFields(() => officer.Requisitions.CreateRequisitionAsync(NeededBy(After(731))).ResponseAsync, "needed_by");
        var requisition = await officer.Requisitions.CreateRequisitionAsync(NeededBy(After(730)));
        await officer.ChangeAsync(requisition, RequisitionStatus.Submitted);
        RecordInKindPledgeRequest ExpectedBy(Coordination.Common.V1.Date day) => new()
        {
            RequestId = NewId(), RequisitionId = requisition.Id, LineId = requisition.Lines[0].Id, NationCode = "CAN", Quantity = 5,
            Value = new Money { CurrencyCode = "CAD", Units = 500 }, Description = "Tents", ExpectedBy = day,
        };
        var canada = fixture.Desk(TestTokens.For("CAN", Roles.Contributor));
        await RpcAssert.InvalidFields(() => canada.Requisitions.RecordInKindPledgeAsync(ExpectedBy(Day(1900, 1, 1))).ResponseAsync, "expected_by");
        await RpcAssert.InvalidFields(() => canada.Requisitions.RecordInKindPledgeAsync(ExpectedBy(After(-1))).ResponseAsync, "expected_by");
        await RpcAssert.InvalidFields(() => canada.Requisitions.RecordInKindPledgeAsync(ExpectedBy(Day(9999, 12, 31))).ResponseAsync, "expected_by");
        await canada.Requisitions.RecordInKindPledgeAsync(ExpectedBy(After(0)));

        Assert.Equal(5, (await officer.ReadAsync(requisition)).Lines[0].PledgedQuantity);
        var stored = await officer.Requisitions.ListRequisitionsAsync(new ListRequisitionsRequest { DestinationSiteId = site.Id });
        Assert.Equal([requisition.Id], stored.Requisitions.Select(r => r.Id));
    }

    [Fact]
    public async Task An_ETA_lies_between_now_and_the_planning_horizon()
    {
        var port = await officer.WarehouseAsync((await officer.SiteAsync(SiteStatus.Secured, "Port of Port-au-Prince")).Id);
        var hospital = await officer.SiteAsync(SiteStatus.Recaptured);
        var item = await officer.ItemAsync();
        await officer.MoveAsync(port, item, StockMovementKind.Received, 100);
        var now = fixture.Clock.GetUtcNow().UtcDateTime;
        Task<Shipment> Eta(DateTime eta) => officer.ShipmentAsync(port, hospital.Id, eta, new ShipmentLineInput { ItemId = item.Id, Quantity = 10 });

        await RpcAssert.InvalidFields(() => Eta(now.AddHours(-1)), "eta");
        await RpcAssert.InvalidFields(() => Eta(new DateTime(2199, 12, 31, 0, 0, 0, DateTimeKind.Utc)), "eta");
        await RpcAssert.InvalidFields(() => Eta(now.AddDays(731)), "eta");
        var shipment = await Eta(now.AddDays(729));

        var listed = await officer.Shipments.ListShipmentsAsync(new ListShipmentsRequest { DestinationSiteId = hospital.Id });
        Assert.Equal([shipment.Id], listed.Shipments.Select(s => s.Id));
    }

    [Fact]
    public async Task An_inspection_dated_after_tomorrow_is_refused_so_a_later_real_inspection_below_threshold_becomes_the_latest()
    {
        var apcs = await officer.Equipment.CreateEquipmentLineAsync(new CreateEquipmentLineRequest
        {
            RequestId = NewId(), ContingentId = fixture.KenyanContingent, NationCode = "KEN", Description = "Armoured personnel carrier",
            Category = EquipmentCategory.MajorEquipment, Quantity = 4, LeaseType = LeaseType.Wet,
        });
        RecordInspectionRequest Inspection(int percent, Coordination.Common.V1.Date on) => new()
        {
            RequestId = NewId(), EquipmentLineId = apcs.Id, Kind = InspectionKind.Periodic, InspectedOn = on, ServiceabilityPercent = percent,
            Notes = "Periodic verification",
        };

        await RpcAssert.InvalidFields(() => officer.Equipment.RecordInspectionAsync(Inspection(100, Day(9999, 12, 31))).ResponseAsync, "inspected_on");
        // Tomorrow by UTC is already today east of UTC; the day after is the future everywhere.
        await RpcAssert.InvalidFields(() => officer.Equipment.RecordInspectionAsync(Inspection(100, After(2))).ResponseAsync, "inspected_on");
        var real = await officer.Equipment.RecordInspectionAsync(Inspection(40, After(0)));

        var line = await officer.Equipment.GetEquipmentLineAsync(new GetEquipmentLineRequest { Id = apcs.Id });
        Assert.Equal((40, After(0)), (line.LatestServiceabilityPercent, line.LastInspectedOn));
        var row = Assert.Single((await officer.Reports.GetServiceabilityReportAsync(new GetServiceabilityReportRequest { ContingentId = apcs.ContingentId })).Contingents);
        Assert.Equal((40, 1), (row.AverageServiceabilityPercent, row.WetLeaseLinesBelowThreshold));
        Assert.Equal(real.Id, Assert.Single((await officer.Equipment.ListInspectionsAsync(new ListInspectionsRequest { EquipmentLineId = apcs.Id })).Inspections).Id);
        Assert.Single(await Outbox.ReadAsync<EquipmentInspected>(fixture.Suite.Scope("logistics"), apcs.Id));
    }
}
