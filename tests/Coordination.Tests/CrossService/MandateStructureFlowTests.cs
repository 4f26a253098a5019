using Coordination.Auth;
using Coordination.Diplomacy.V1;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.CrossService;

/// <summary>
/// The mandate's structure as the resolutions give it: S/RES/2793's ceiling of 5,550 split into 5,500 uniformed and 50
/// civilians, recorded by diplomacy's AdoptMandate, reaches personnel (MandateAdopted over RabbitMQ), which counts police
/// officers against the uniformed part;
/// a contingent records its commander and home unit.
/// </summary>
public sealed class MandateStructureFlowTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>
{
    private readonly string admin = TestTokens.For("HTI", Roles.MissionAdmin);

    [Fact]
    public async Task Police_officers_count_against_the_uniformed_part_of_the_ceiling_diplomacy_records_and_a_renewal_moves_it()
    {
        var suite = fixture.Suite;
        var mandates = suite.ViaGateway<MandateService.MandateServiceClient>(TestTokens.For("HTI", Roles.Diplomat));
        var gsf = await mandates.AdoptMandateAsync(new AdoptMandateRequest
        {
            RequestId = NewId(), ResolutionSymbol = "S/RES/2793 (2025)", AdoptedOn = Day(2025, 9, 30), Vote = new Vote { InFavour = 12, Abstentions = 3 },
            PeriodStart = Day(2025, 10, 3), PeriodEnd = Day(2026, 10, 2), CeilingSplit = new CeilingSplit { Uniformed = 5_500, Civilian = 50 },
        });
        var strength = await PersonnelKnowsMandateAsync(suite, admin, "S/RES/2793 (2025)");
        Assert.Equal((5_550, 5_500, 50), (strength.AuthorizedCeiling, strength.UniformedCeiling, strength.CivilianCeiling));
        var report = await suite.ViaGateway<ForceStrengthService.ForceStrengthServiceClient>(TestTokens.For("CAN", Roles.Observer))
            .GetStrengthReportAsync(new GetStrengthReportRequest());
        Assert.Equal((5_550, 5_500, 50), (report.AuthorizedCeiling, report.UniformedCeiling, report.CivilianCeiling));

        await DeployAsync(suite, admin, "KEN", 5_000, 12, Day(2025, 11, 1));
        // 5,520 is within the 5,550 in all, but the civilian places are not for police officers.
        var e = await RpcAssert.FailedPrecondition(() => DeployAsync(suite, admin, "KEN", 520, 12, Day(2025, 11, 1)), "MANDATE_CEILING");
        Assert.Contains("uniformed ceiling of 5,500 (of 5,550 in all)", e.Violations[0].Description, StringComparison.Ordinal);
        await DeployAsync(suite, admin, "KEN", 500, 12, Day(2025, 11, 1));

        // A renewal with a new split: 5,600 uniformed places, so 40 more officers fit.
        await mandates.ExtendMandateAsync(new ExtendMandateRequest
        {
            RequestId = NewId(), Id = gsf.Id, ResolutionSymbol = "S/RES/2800 (2026)", AdoptedOn = Day(2026, 9, 30), PeriodEnd = Day(2027, 10, 2),
            Vote = new Vote { InFavour = 13, Abstentions = 2 }, CeilingSplit = new CeilingSplit { Uniformed = 5_600, Civilian = 50 },
        });
        strength = await PersonnelKnowsMandateAsync(suite, admin, "S/RES/2800 (2026)");
        Assert.Equal((5_650, 5_600, 50), (strength.AuthorizedCeiling, strength.UniformedCeiling, strength.CivilianCeiling));
        await DeployAsync(suite, admin, "KEN", 40, 12, Day(2025, 11, 1));
        Assert.Equal(5_540, (await suite.ViaGateway<ForceStrengthService.ForceStrengthServiceClient>(admin).GetForceStrengthAsync(new GetForceStrengthRequest())).DeployedOfficers);
    }

    [Fact]
    public async Task A_contingent_records_its_commander_and_home_unit_set_by_its_nation_or_the_mission()
    {
        var suite = fixture.Suite;
        var kenya = suite.ViaGateway<ContingentService.ContingentServiceClient>(TestTokens.For("KEN", Roles.Contributor));
        var contingent = await kenya.CreateContingentAsync(new CreateContingentRequest
        {
            RequestId = NewId(), NationCode = "KEN", Name = "Kenya FPU 3", UnitType = UnitType.FormedPoliceUnit, OfficerCount = 140, TourMonths = 12,
            Commander = "Commissioner Godfrey Otunge", HomeUnit = "Kenya Police Service, General Service Unit",
        });
        Assert.Equal(("Commissioner Godfrey Otunge", "Kenya Police Service, General Service Unit"), (contingent.Commander, contingent.HomeUnit));

        var request = new SetContingentCommandRequest
        {
            RequestId = NewId(), Id = contingent.Id, Commander = "Senior Superintendent Jane Wanjiru", HomeUnit = "Kenya Police Service, Rapid Deployment Unit",
        };
        var changed = await kenya.SetContingentCommandAsync(request);
        Assert.Equal(("Senior Superintendent Jane Wanjiru", "Kenya Police Service, Rapid Deployment Unit"), (changed.Commander, changed.HomeUnit));
        Assert.Equal(changed, await kenya.SetContingentCommandAsync(request)); // a retry changes nothing

        var jamaica = suite.ViaGateway<ContingentService.ContingentServiceClient>(TestTokens.For("JAM", Roles.Contributor));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => jamaica.SetContingentCommandAsync(new SetContingentCommandRequest
        {
            RequestId = NewId(), Id = contingent.Id, Commander = "Someone else",
        }).ResponseAsync);
        await RpcAssert.InvalidFields(() => kenya.SetContingentCommandAsync(new SetContingentCommandRequest
        {
            RequestId = NewId(), Id = contingent.Id, Commander = "Jane\0Wanjiru", HomeUnit = new string('x', 121),
        }).ResponseAsync, "commander", "home_unit");

        var mission = suite.ViaGateway<ContingentService.ContingentServiceClient>(admin);
        await mission.SetContingentCommandAsync(new SetContingentCommandRequest { RequestId = NewId(), Id = contingent.Id, Commander = "Commissioner Godfrey Otunge" });
        var read = await kenya.GetContingentAsync(new GetContingentRequest { Id = contingent.Id });
        Assert.Equal(("Commissioner Godfrey Otunge", ""), (read.Commander, read.HomeUnit));
    }
}
