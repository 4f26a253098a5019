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

    /// <summary>The day the specifications' contingents deploy: their equipment is inspected from then on.</summary>
    private static readonly DateOnly Deployed = new(2024, 6, 25);

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

    private static RecordInspectionRequest Inspection(EquipmentLine line, int percent, InspectionKind kind = InspectionKind.Periodic, int day = 1) =>
        Inspection(line, percent, Day(2024, 9, day), kind);

    private static RecordInspectionRequest Inspection(EquipmentLine line, int percent, Coordination.Common.V1.Date on, InspectionKind kind = InspectionKind.Periodic) => new()
    {
        RequestId = NewId(),
        EquipmentLineId = line.Id,
        Kind = kind,
        InspectedOn = on,
        ServiceabilityPercent = percent,
        Notes = "Two vehicles waiting for spare tyres",
    };

    [Fact]
    public async Task A_logistics_officer_inspects_a_nations_wet_lease_equipment_below_90_percent_and_both_events_are_raised()
    {
        var contingent = await fixture.ContingentAsync("KEN", Deployed);
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
        var contingent = await fixture.ContingentAsync("KEN", Deployed);
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
        var kenyan = await LineAsync(fixture.KenyanContingent, "KEN", LeaseType.Wet);

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
        var contingent = await fixture.ContingentAsync("KEN", Deployed);
        var apcs = await LineAsync(contingent, "KEN", LeaseType.Wet, quantity: 10);
        var generators = await LineAsync(contingent, "KEN", LeaseType.Dry, quantity: 30, description: "Generator 60 kVA");
        await LineAsync(contingent, "KEN", LeaseType.Wet, quantity: 5, description: "Water purification unit");
        var other = await fixture.ContingentAsync("JAM", Deployed);
        var trucks = await LineAsync(other, "JAM", LeaseType.Wet, quantity: 4, description: "Truck, utility");

        await officer.Equipment.RecordInspectionAsync(Inspection(apcs, 95, InspectionKind.Arrival, day: 1));
        await officer.Equipment.RecordInspectionAsync(Inspection(apcs, 70, InspectionKind.Periodic, day: 20));
        // Reported late: an inspection older than the latest one is refused, so it cannot rewrite what was reimbursed.
        await RpcAssert.FailedPrecondition(() => officer.Equipment.RecordInspectionAsync(Inspection(apcs, 99, InspectionKind.Periodic, day: 10)).ResponseAsync,
            "INSPECTION_BEFORE_LATEST");
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
        Assert.Equal([95, 70], history.Inspections.Select(i => i.ServiceabilityPercent));
        var listed = await officer.Equipment.ListEquipmentLinesAsync(new ListEquipmentLinesRequest { ContingentId = contingent });
        Assert.Equal(3, listed.Lines.Count);
        Assert.Equal(70, listed.Lines.Single(l => l.Id == apcs.Id).LatestServiceabilityPercent);
    }

    [Fact]
    public async Task A_repatriation_inspection_closes_the_line_and_no_inspection_follows_it()
    {
        var apcs = await LineAsync(await fixture.ContingentAsync("KEN", Deployed), "KEN", LeaseType.Wet);
        await officer.Equipment.RecordInspectionAsync(Inspection(apcs, 95, InspectionKind.Arrival, day: 1));
        await officer.Equipment.RecordInspectionAsync(Inspection(apcs, 92, InspectionKind.Repatriation, day: 20));

        var closed = await officer.Equipment.GetEquipmentLineAsync(new GetEquipmentLineRequest { Id = apcs.Id });
        Assert.Equal((Day(2024, 9, 20), 92), (closed.ClosedOn, closed.LatestServiceabilityPercent));
        await RpcAssert.FailedPrecondition(() => officer.Equipment.RecordInspectionAsync(Inspection(apcs, 40, InspectionKind.Periodic, day: 25)).ResponseAsync,
            "EQUIPMENT_LINE_CLOSED");
        await RpcAssert.FailedPrecondition(() => officer.Equipment.RecordInspectionAsync(Inspection(apcs, 90, InspectionKind.Repatriation, day: 20)).ResponseAsync,
            "EQUIPMENT_LINE_CLOSED");

        Assert.Equal(2, (await officer.Equipment.ListInspectionsAsync(new ListInspectionsRequest { EquipmentLineId = apcs.Id })).Inspections.Count);
        Assert.Equal(2, (await fixture.OutboxAsync<EquipmentInspected>(apcs.Id)).Count);
        Assert.Equal(92, (await officer.Equipment.GetEquipmentLineAsync(new GetEquipmentLineRequest { Id = apcs.Id })).LatestServiceabilityPercent);
    }

    [Fact]
    public async Task Equipment_is_inspected_only_while_its_contingent_is_in_the_mission_area()
    {
        var apcs = await LineAsync(await fixture.ContingentAsync("KEN", Deployed), "KEN", LeaseType.Wet);
        var requested = await LineAsync(await fixture.ContingentAsync("KEN"), "KEN", LeaseType.Wet);

        await RpcAssert.InvalidFields(() => officer.Equipment.RecordInspectionAsync(Inspection(apcs, 100, Day(1900, 1, 1))).ResponseAsync, "inspected_on");
        var ancient = await RpcAssert.FailedPrecondition(() => officer.Equipment.RecordInspectionAsync(Inspection(apcs, 100, Day(2000, 1, 1))).ResponseAsync,
            "OUTSIDE_DEPLOYMENT");
        Assert.Contains("2024-06-25", ancient.Violations[0].Description, StringComparison.Ordinal);
        await RpcAssert.FailedPrecondition(() => officer.Equipment.RecordInspectionAsync(Inspection(apcs, 100, Day(2024, 6, 24), InspectionKind.Arrival)).ResponseAsync,
            "OUTSIDE_DEPLOYMENT");
        await RpcAssert.FailedPrecondition(() => officer.Equipment.RecordInspectionAsync(Inspection(requested, 100)).ResponseAsync, "CONTINGENT_NOT_DEPLOYED");
        await officer.Equipment.RecordInspectionAsync(Inspection(apcs, 95, Day(2024, 6, 25), InspectionKind.Arrival));

        Assert.Single((await officer.Equipment.ListInspectionsAsync(new ListInspectionsRequest { EquipmentLineId = apcs.Id })).Inspections);
        Assert.Empty((await officer.Equipment.ListInspectionsAsync(new ListInspectionsRequest { EquipmentLineId = requested.Id })).Inspections);
        Assert.Empty(await fixture.OutboxAsync<EquipmentInspected>(requested.Id));
    }

    [Fact]
    public async Task An_MOU_line_names_a_contingent_logistics_knows_of_its_own_nation_and_not_yet_home()
    {
        var kenyan = await fixture.ContingentAsync("KEN");
        var home = await fixture.ContingentAsync("KEN", Deployed, new DateOnly(2025, 6, 24));
        var phantom = NewId();

        var unknown = await RpcAssert.FailsWith(StatusCode.NotFound, () => LineAsync(phantom, "KEN", LeaseType.Wet));
        Assert.Contains(phantom, unknown.Status.Detail, StringComparison.Ordinal);
        var mismatch = await RpcAssert.FailedPrecondition(() => LineAsync(kenyan, "JAM", LeaseType.Wet), "CONTINGENT_NATION");
        Assert.Contains("KEN", mismatch.Violations[0].Description, StringComparison.Ordinal);
        Assert.Contains("JAM", mismatch.Violations[0].Description, StringComparison.Ordinal);
        await RpcAssert.FailedPrecondition(() => LineAsync(home, "KEN", LeaseType.Wet), "CONTINGENT_REPATRIATED");
        var line = await LineAsync(kenyan, "KEN", LeaseType.Wet);

        Assert.Equal((kenyan, "KEN"), (line.ContingentId, line.NationCode));
        var report = await officer.Reports.GetServiceabilityReportAsync(new GetServiceabilityReportRequest());
        Assert.DoesNotContain(report.Contingents, c => c.ContingentId == phantom || c.ContingentId == home);
        Assert.Empty((await officer.Equipment.ListEquipmentLinesAsync(new ListEquipmentLinesRequest { NationCode = "JAM", ContingentId = kenyan })).Lines);
    }

    [Fact]
    public async Task A_contributor_reads_only_its_own_nations_equipment_lines_inspections_and_serviceability()
    {
        var kenyan = await fixture.ContingentAsync("KEN", Deployed);
        var jamaican = await fixture.ContingentAsync("JAM", Deployed);
        var kenyanLine = await LineAsync(kenyan, "KEN", LeaseType.Wet);
        var jamaicanLine = await LineAsync(jamaican, "JAM", LeaseType.Wet, description: "Truck, utility");
        await officer.Equipment.RecordInspectionAsync(Inspection(kenyanLine, 80));
        await officer.Equipment.RecordInspectionAsync(Inspection(jamaicanLine, 95));
        var jamaica = fixture.Desk(TestTokens.For("JAM", Roles.Contributor));

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => jamaica.Equipment.GetEquipmentLineAsync(new GetEquipmentLineRequest { Id = kenyanLine.Id }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => jamaica.Equipment.ListInspectionsAsync(new ListInspectionsRequest { EquipmentLineId = kenyanLine.Id }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => jamaica.Reports.GetServiceabilityReportAsync(new GetServiceabilityReportRequest { NationCode = "KEN" }).ResponseAsync);
        var lines = await jamaica.Equipment.ListEquipmentLinesAsync(new ListEquipmentLinesRequest { Page = new Coordination.Common.V1.PageRequest { PageSize = 500 } });
        Assert.All(lines.Lines, l => Assert.Equal("JAM", l.NationCode));
        Assert.Contains(lines.Lines, l => l.Id == jamaicanLine.Id);
        Assert.Empty((await jamaica.Equipment.ListEquipmentLinesAsync(new ListEquipmentLinesRequest { ContingentId = kenyan })).Lines);
        var report = await jamaica.Reports.GetServiceabilityReportAsync(new GetServiceabilityReportRequest());
        Assert.All(report.Contingents, c => Assert.Equal("JAM", c.NationCode));
        Assert.Contains(report.Contingents, c => c.ContingentId == jamaican);
        Assert.Empty((await jamaica.Reports.GetServiceabilityReportAsync(new GetServiceabilityReportRequest { ContingentId = kenyan })).Contingents);

        Assert.Equal(95, (await jamaica.Equipment.GetEquipmentLineAsync(new GetEquipmentLineRequest { Id = jamaicanLine.Id })).LatestServiceabilityPercent);
        Assert.Single((await jamaica.Equipment.ListInspectionsAsync(new ListInspectionsRequest { EquipmentLineId = jamaicanLine.Id })).Inspections);
        var mission = await officer.Reports.GetServiceabilityReportAsync(new GetServiceabilityReportRequest());
        Assert.Contains(mission.Contingents, c => c.ContingentId == kenyan);
        Assert.Contains(mission.Contingents, c => c.ContingentId == jamaican);
    }
}
