using Coordination.Auth;
using Coordination.Diplomacy.V1;
using Coordination.Logistics.V1;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.CrossService;

/// <summary>
/// Personnel hears of logistics' equipment inspections: a deployed contingent whose major equipment is found below its
/// serviceability threshold shows reduced capability in its nation's strength report and, through personnel's
/// ContingentCapabilityChanged, in the nation's brief in diplomacy, until an inspection finds the equipment serviceable again.
/// </summary>
public sealed class EquipmentCapabilityFlowTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>
{
    private readonly string admin = TestTokens.For("HTI", Roles.MissionAdmin);

    [Fact]
    public async Task A_contingent_whose_equipment_is_inspected_below_its_threshold_is_reported_with_reduced_capability_until_it_recovers()
    {
        var suite = fixture.Suite;
        await AdoptAsync(suite, TestTokens.For("HTI", Roles.Diplomat), "S/RES/2751 (2024)", Day(2024, 10, 2), Day(2025, 10, 2), 1_000);
        await PersonnelKnowsMandateAsync(suite, admin, "S/RES/2751 (2024)");
        var contingent = await DeployAsync(suite, admin, "TCD", 140, 12, Day(2024, 11, 1));
        var healthy = await DeployAsync(suite, admin, "TCD", 60, 12, Day(2024, 11, 1));

        var officer = TestTokens.For("HTI", Roles.LogisticsOfficer);
        var equipment = suite.ViaGateway<EquipmentService.EquipmentServiceClient>(officer);
        var vehicles = await LineAsync(equipment, contingent.Id, "Armoured personnel carriers");
        await equipment.RecordInspectionAsync(Inspection(vehicles.Id, 95, Day(2024, 11, 5), InspectionKind.Arrival));
        var generators = await LineAsync(equipment, healthy.Id, "Generators");
        await equipment.RecordInspectionAsync(Inspection(generators.Id, 92, Day(2024, 11, 5), InspectionKind.Arrival));

        await equipment.RecordInspectionAsync(Inspection(vehicles.Id, 70, Day(2025, 2, 1)));
        var chad = suite.ViaGateway<ForceStrengthService.ForceStrengthServiceClient>(TestTokens.For("TCD", Roles.Contributor));
        var reduced = await Eventually.Get(() => chad.GetStrengthReportAsync(new GetStrengthReportRequest { NationCode = "TCD" }).ResponseAsync,
            r => r.Nations.Single().ReducedCapabilityContingentIds.Count > 0, what: "personnel to hear the line fell below its threshold");
        Assert.Equal([contingent.Id], reduced.Nations.Single().ReducedCapabilityContingentIds);
        // The nation is told through its brief (personnel's ContingentCapabilityChanged, heard by diplomacy).
        var briefs = suite.ViaGateway<PartnerService.PartnerServiceClient>(TestTokens.For("TCD", Roles.Contributor));
        var told = await Eventually.Get(() => briefs.GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "TCD" }).ResponseAsync,
            b => b.ReducedCapabilityContingentIds.Count > 0, what: "diplomacy to hear of the reduced capability");
        Assert.Equal([contingent.Id], told.ReducedCapabilityContingentIds);

        // Another nation sees Chad's public figures, not its capability.
        var jamaica = suite.ViaGateway<ForceStrengthService.ForceStrengthServiceClient>(TestTokens.For("JAM", Roles.Contributor));
        var seen = (await jamaica.GetStrengthReportAsync(new GetStrengthReportRequest { NationCode = "TCD" })).Nations.Single();
        Assert.False(seen.OwnFigures);
        Assert.Empty(seen.ReducedCapabilityContingentIds);

        await HostileInspectionsChangeNothingAsync(suite, equipment, vehicles.Id, chad);

        await equipment.RecordInspectionAsync(Inspection(vehicles.Id, 93, Day(2025, 3, 1)));
        var recovered = await Eventually.Get(() => chad.GetStrengthReportAsync(new GetStrengthReportRequest { NationCode = "TCD" }).ResponseAsync,
            r => r.Nations.Single().ReducedCapabilityContingentIds.Count == 0, what: "personnel to hear the line is serviceable again");
        Assert.Equal(200, recovered.Nations.Single().Figures.DeployedOfficers);
        await Eventually.Get(() => briefs.GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "TCD" }).ResponseAsync,
            b => b.ReducedCapabilityContingentIds.Count == 0, what: "diplomacy to hear the capability is restored");
    }

    /// <summary>
    /// What a hostile or careless caller sends the inspection that feeds this loop — a NUL and 20 KB in its notes, days in
    /// 1900 and 9999, another nation's brief — gets a precise status and changes nothing; calls on a 1 ms deadline, asked
    /// again with their request_id, store one inspection each.
    /// </summary>
    private static async Task HostileInspectionsChangeNothingAsync(
        SuiteHost suite, EquipmentService.EquipmentServiceClient equipment, string lineId, ForceStrengthService.ForceStrengthServiceClient chad)
    {
        var before = (await equipment.ListInspectionsAsync(new ListInspectionsRequest { EquipmentLineId = lineId })).Inspections.Count;
        foreach (var notes in new[] { "Tyres\0flat", new string('x', 20_000) })
        {
            var bad = Inspection(lineId, 95, Day(2025, 2, 15));
            bad.Notes = notes;
            await RpcAssert.InvalidFields(() => equipment.RecordInspectionAsync(bad).ResponseAsync, "notes");
        }
        foreach (var day in new[] { Day(1900, 1, 1), Day(9999, 12, 31) })
        {
            await RpcAssert.InvalidFields(() => equipment.RecordInspectionAsync(Inspection(lineId, 95, day)).ResponseAsync, "inspected_on");
        }
        // Calls with a 1 ms deadline: the client gives up at once, whatever the service does. A call told DEADLINE_EXCEEDED
        // may or may not have committed (no server can promise otherwise once the answer is on its way); asked again with
        // its request_id, each gets one inspection. Still below the threshold, so the capability stays reduced.
        var hurried = Enumerable.Range(0, 10).Select(_ => Inspection(lineId, 65, Day(2025, 2, 10))).ToList();
        var gaveUp = new List<RecordInspectionRequest>();
        foreach (var request in hurried)
        {
            try
            {
                await equipment.RecordInspectionAsync(request, deadline: DateTime.UtcNow.AddMilliseconds(1));
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.DeadlineExceeded)
            {
                gaveUp.Add(request);
            }
        }
        Assert.NotEmpty(gaveUp);
        foreach (var request in gaveUp)
        {
            await equipment.RecordInspectionAsync(request);
        }
        var jamaica = suite.ViaGateway<PartnerService.PartnerServiceClient>(TestTokens.For("JAM", Roles.Contributor));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => jamaica.GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "TCD" }).ResponseAsync);

        var stored = (await equipment.ListInspectionsAsync(new ListInspectionsRequest { EquipmentLineId = lineId })).Inspections;
        Assert.Equal(before + hurried.Count, stored.Count);
        var report = await chad.GetStrengthReportAsync(new GetStrengthReportRequest { NationCode = "TCD" });
        Assert.Single(report.Nations.Single().ReducedCapabilityContingentIds);
    }

    /// <summary>
    /// A wet-lease line of major equipment for a Chadian contingent. Logistics learns of the contingent from
    /// ContingentDeployed; until then the line is refused NOT_FOUND, which creates nothing, and is asked again.
    /// </summary>
    private static async Task<EquipmentLine> LineAsync(EquipmentService.EquipmentServiceClient equipment, string contingentId, string description) =>
        (await Eventually.Get(async () =>
        {
            try
            {
                return await equipment.CreateEquipmentLineAsync(new CreateEquipmentLineRequest
                {
                    RequestId = NewId(), ContingentId = contingentId, NationCode = "TCD", Description = description,
                    Category = EquipmentCategory.MajorEquipment, Quantity = 6, LeaseType = LeaseType.Wet,
                });
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
        }, line => line is not null, what: "logistics to know the deployed contingent"))!;

    private static RecordInspectionRequest Inspection(string lineId, int percent, Coordination.Common.V1.Date on, InspectionKind kind = InspectionKind.Periodic) => new()
    {
        RequestId = NewId(), EquipmentLineId = lineId, Kind = kind, InspectedOn = on, ServiceabilityPercent = percent,
        Notes = "Inspected on site",
    };
}
