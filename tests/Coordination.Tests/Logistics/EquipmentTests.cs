using Coordination.Auth;
using Coordination.Events;
using Coordination.Logistics.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Xunit;
using static Coordination.Tests.Logistics.LogisticsDesk;

namespace Coordination.Tests.Logistics;

/// <summary>Contingent-owned equipment: MOU lines, inspections, their events and the serviceability report, through the gateway.</summary>
public sealed class EquipmentTests(LogisticsGatewayFixture fixture) : IClassFixture<LogisticsGatewayFixture>
{
    private readonly LogisticsDesk officer = fixture.Desk(TestTokens.For("HTI", Roles.LogisticsOfficer, "hti-coe-inspector"));
    private readonly LogisticsDesk kenya = fixture.Desk(TestTokens.For("KEN", Roles.Contributor, "ken-coe-desk"));

    private Task<EquipmentLine> LineAsync(string contingentId, string nation, LeaseType lease, int quantity = 10, string description = "Armoured personnel carrier, wheeled") =>
        officer.Equipment.CreateEquipmentLineAsync(new CreateEquipmentLineRequest
        {
            RequestId = NewId(),
            ContingentId = contingentId,
            NationCode = nation,
            Description = description,
            Category = EquipmentCategory.MajorEquipment,
            Quantity = quantity,
            LeaseType = lease,
        }).ResponseAsync;

    private static RecordInspectionRequest Inspection(EquipmentLine line, int percent, InspectionKind kind = InspectionKind.Periodic, int day = 1) => new()
    {
        RequestId = NewId(),
        EquipmentLineId = line.Id,
        Kind = kind,
        InspectedOn = Day(2024, 9, day),
        ServiceabilityPercent = percent,
        Notes = "Two vehicles waiting for spare tyres",
    };

    [Fact]
    public async Task A_logistics_officer_inspects_a_nations_wet_lease_equipment_below_90_percent_and_both_events_are_raised()
    {
        var contingent = NewId();
        var apcs = await LineAsync(contingent, "KEN", LeaseType.Wet);
        Assert.False(apcs.HasLatestServiceabilityPercent);

        var inspection = await officer.Equipment.RecordInspectionAsync(Inspection(apcs, 80, InspectionKind.Arrival));

        Assert.True(inspection.BelowThreshold);
        Assert.Equal(("hti-coe-inspector", InspectionKind.Arrival, 80), (inspection.RecordedBy, inspection.Kind, inspection.ServiceabilityPercent));
        var line = await officer.Equipment.GetEquipmentLineAsync(new GetEquipmentLineRequest { Id = apcs.Id });
        Assert.Equal((80, Day(2024, 9, 1)), (line.LatestServiceabilityPercent, line.LastInspectedOn));
        var inspected = Assert.Single(await fixture.OutboxAsync<EquipmentInspected>(apcs.Id));
        Assert.Equal(("KEN", contingent, inspection.Id, "ARRIVAL", "WET", 80), (inspected.Nation, inspected.ContingentId, inspected.InspectionId, inspected.Kind, inspected.LeaseType, inspected.ServiceabilityPercent));
        var below = Assert.Single(await fixture.OutboxAsync<ServiceabilityBelowThreshold>(apcs.Id));
        Assert.Equal(("KEN", contingent, 80, 90, new DateOnly(2024, 9, 1)), (below.Nation, below.ContingentId, below.ServiceabilityPercent, below.ThresholdPercent, below.InspectedOn));
        await LogisticsOutbox.PublishedAsync(() => fixture.Suite.Scope("logistics"), apcs.Id);
    }

    [Fact]
    public async Task Dry_lease_or_serviceable_wet_lease_equipment_raises_only_EquipmentInspected()
    {
        var contingent = NewId();
        var dry = await LineAsync(contingent, "KEN", LeaseType.Dry);
        var wet = await LineAsync(contingent, "KEN", LeaseType.Wet);

        var dryInspection = await officer.Equipment.RecordInspectionAsync(Inspection(dry, 50));
        var wetInspection = await officer.Equipment.RecordInspectionAsync(Inspection(wet, 90));

        Assert.False(dryInspection.BelowThreshold);
        Assert.False(wetInspection.BelowThreshold);
        Assert.Single(await fixture.OutboxAsync<EquipmentInspected>(dry.Id));
        Assert.Single(await fixture.OutboxAsync<EquipmentInspected>(wet.Id));
        Assert.Empty(await fixture.OutboxAsync<ServiceabilityBelowThreshold>(dry.Id));
        Assert.Empty(await fixture.OutboxAsync<ServiceabilityBelowThreshold>(wet.Id));
    }

    [Fact]
    public async Task A_contributor_may_not_inspect_equipment_not_even_its_own_nor_record_MOU_lines()
    {
        var kenyan = await LineAsync(NewId(), "KEN", LeaseType.Wet);

        var denied = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => kenya.Equipment.RecordInspectionAsync(Inspection(kenyan, 95)).ResponseAsync);
        Assert.Contains(Roles.LogisticsOfficer, denied.Status.Detail, StringComparison.Ordinal);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => fixture.Desk(TestTokens.For("KEN", Roles.Observer)).Equipment.RecordInspectionAsync(Inspection(kenyan, 95)).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => kenya.Equipment.CreateEquipmentLineAsync(new CreateEquipmentLineRequest
        {
            RequestId = NewId(), ContingentId = NewId(), NationCode = "KEN", Description = "Generator", Category = EquipmentCategory.SelfSustainment, Quantity = 1, LeaseType = LeaseType.Wet,
        }).ResponseAsync);

        var inspections = await kenya.Equipment.ListInspectionsAsync(new ListInspectionsRequest { EquipmentLineId = kenyan.Id });
        Assert.Empty(inspections.Inspections);
        Assert.Empty(await fixture.OutboxAsync<EquipmentInspected>(kenyan.Id));
        await RpcAssert.InvalidFields(() => officer.Equipment.RecordInspectionAsync(Inspection(kenyan, 101, InspectionKind.Unspecified)).ResponseAsync,
            "serviceability_percent", "kind");
    }

    [Fact]
    public async Task The_serviceability_report_weighs_each_contingents_latest_inspections_and_counts_wet_lease_lines_below_threshold()
    {
        var contingent = NewId();
        var apcs = await LineAsync(contingent, "KEN", LeaseType.Wet, quantity: 10);
        var generators = await LineAsync(contingent, "KEN", LeaseType.Dry, quantity: 30, description: "Generator 60 kVA");
        await LineAsync(contingent, "KEN", LeaseType.Wet, quantity: 5, description: "Water purification unit");
        var other = NewId();
        var trucks = await LineAsync(other, "JAM", LeaseType.Wet, quantity: 4, description: "Truck, utility");

        await officer.Equipment.RecordInspectionAsync(Inspection(apcs, 95, InspectionKind.Arrival, day: 1));
        await officer.Equipment.RecordInspectionAsync(Inspection(apcs, 70, InspectionKind.Periodic, day: 20));
        // Reported late: an older inspection does not replace the latest one.
        await officer.Equipment.RecordInspectionAsync(Inspection(apcs, 99, InspectionKind.Periodic, day: 10));
        await officer.Equipment.RecordInspectionAsync(Inspection(generators, 90, InspectionKind.Arrival, day: 1));
        await officer.Equipment.RecordInspectionAsync(Inspection(trucks, 100, InspectionKind.Arrival, day: 1));

        var report = await kenya.Reports.GetServiceabilityReportAsync(new GetServiceabilityReportRequest { ContingentId = contingent });

        var row = Assert.Single(report.Contingents);
        Assert.Equal((contingent, "KEN", 3, 2), (row.ContingentId, row.NationCode, row.LineCount, row.InspectedLineCount));
        Assert.Equal((10 * 70 + 30 * 90) / 40, row.AverageServiceabilityPercent);
        Assert.Equal(1, row.WetLeaseLinesBelowThreshold);
        var jamaica = await officer.Reports.GetServiceabilityReportAsync(new GetServiceabilityReportRequest { NationCode = "JAM" });
        Assert.All(jamaica.Contingents, c => Assert.Equal("JAM", c.NationCode));
        var jamaican = Assert.Single(jamaica.Contingents, c => c.ContingentId == other);
        Assert.Equal((100, 0), (jamaican.AverageServiceabilityPercent, jamaican.WetLeaseLinesBelowThreshold));
        Assert.DoesNotContain(jamaica.Contingents, c => c.ContingentId == contingent);
        var history = await officer.Equipment.ListInspectionsAsync(new ListInspectionsRequest { EquipmentLineId = apcs.Id });
        Assert.Equal([95, 70, 99], history.Inspections.Select(i => i.ServiceabilityPercent));
        var listed = await officer.Equipment.ListEquipmentLinesAsync(new ListEquipmentLinesRequest { ContingentId = contingent });
        Assert.Equal(3, listed.Lines.Count);
        Assert.Equal(70, listed.Lines.Single(l => l.Id == apcs.Id).LatestServiceabilityPercent);
    }
}
