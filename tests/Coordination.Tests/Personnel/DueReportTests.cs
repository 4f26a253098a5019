using Coordination.Auth;
using Coordination.Personnel.V1;
using Coordination.Tests.CrossService;
using Coordination.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.Personnel.PersonnelDesk;

namespace Coordination.Tests.Personnel;

/// <summary>What falls due, by personnel's clock, which the test sets to 1 March 2026.</summary>
public sealed class DueReportTests : IAsyncLifetime
{
    private readonly TestClock clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly string admin = TestTokens.For("HTI", Roles.MissionAdmin);
    private SuiteHost suite = null!;

    public async Task InitializeAsync()
    {
        suite = await SuiteHost.StartAsync(["personnel", "diplomacy"], services: s => s.AddSingleton<TimeProvider>(clock));
        await suite.StartGatewayAsync(SuiteHost.UnlimitedPartners());
        await Calls.AdoptAsync(suite, TestTokens.For("HTI", Roles.Diplomat), "S/RES/2793 (2025)", Calls.Day(2025, 10, 3), Calls.Day(2026, 10, 2), 5_550);
        await Calls.PersonnelKnowsMandateAsync(suite, admin, "S/RES/2793 (2025)");
        await Calls.StatusOfForcesInForceAsync(suite, admin, "KEN", Calls.Day(2025, 1, 2));
    }

    public Task DisposeAsync() => suite.DisposeAsync().AsTask();

    [Fact]
    public async Task Rotations_credential_expiries_and_pledge_renewals_falling_due_within_the_window_are_listed()
    {
        var kenya = new PersonnelDesk(suite, TestTokens.For("KEN", Roles.Contributor));
        var mission = new PersonnelDesk(suite, admin);
        var ending = await mission.MoveAsync(await kenya.ContingentAsync("KEN", 200, tourMonths: 6), ContingentStatus.Deployed, Day(2025, 10, 5));
        var relieved = await mission.MoveAsync(await kenya.ContingentAsync("KEN", 150, tourMonths: 6), ContingentStatus.Deployed, Day(2025, 10, 3));
        await mission.MoveAsync(await kenya.ContingentAsync("KEN", 100, tourMonths: 12), ContingentStatus.Deployed, Day(2025, 10, 5));
        var relief = await kenya.MoveAsync(await kenya.ContingentAsync("KEN", 150), ContingentStatus.Mobilized);
        var rotation = await kenya.Contingents.ScheduleRotationAsync(new ScheduleRotationRequest
        {
            RequestId = NewId(), OutgoingContingentId = relieved.Id, IncomingContingentId = relief.Id, IncomingArrivesOn = Day(2026, 3, 26), OutgoingDepartsOn = Day(2026, 4, 2),
        });
        foreach (var expires in new[] { Day(2026, 3, 20), Day(2026, 4, 1), Day(2026, 6, 1), Day(2026, 2, 1) })
        {
            var record = Record();
            record.Qualifications.Add(new Qualification { Kind = QualificationKind.Credential, Name = "Driving licence", ObtainedOn = Day(2021, 1, 5), ExpiresOn = expires });
            await mission.RegisterAsync("KEN", record);
        }
        var overdue = await Pledge(kenya, Day(2025, 1, 15));
        var soon = await Pledge(kenya, Day(2025, 4, 10));
        await Pledge(kenya, Day(2025, 9, 1));
        var withdrawn = await Pledge(kenya, Day(2025, 1, 20));
        await kenya.Pledges.WithdrawPledgeAsync(new WithdrawPledgeRequest { RequestId = NewId(), Id = withdrawn.Id, Reason = "Reassigned" });

        var due = await new PersonnelDesk(suite, TestTokens.For("HTI", Roles.MissionAdmin)).Strength.GetDueReportAsync(new GetDueReportRequest { Days = 60, NationCode = "KEN" });

        Assert.Equal((Day(2026, 3, 1), Day(2026, 4, 30)), (due.From, due.Until));
        Assert.Equal([(relieved.Id, Day(2026, 4, 2), rotation.Id, relief.Id), (ending.Id, Day(2026, 4, 4), "", "")],
            due.Rotations.Select(r => (r.ContingentId, r.PlannedTourEnd, r.RotationId, r.IncomingContingentId)));
        Assert.All(due.Rotations, r => Assert.False(r.Overdue));
        var licences = Assert.Single(due.CredentialExpiries);
        Assert.Equal(("KEN", QualificationKind.Credential, "Driving licence", 2, Day(2026, 3, 20)),
            (licences.NationCode, licences.Kind, licences.Name, licences.Officers, licences.EarliestExpiry));
        Assert.Equal([(overdue.Id, Day(2026, 1, 15), true), (soon.Id, Day(2026, 4, 10), false)],
            due.PledgeRenewals.Select(p => (p.PledgeId, p.RenewalDueOn, p.Overdue)));

        clock.SetToday(new DateOnly(2026, 4, 3));
        var later = await kenya.Strength.GetDueReportAsync(new GetDueReportRequest { Days = 1, NationCode = "KEN" });
        Assert.Equal([(relieved.Id, true), (ending.Id, false)], later.Rotations.Select(r => (r.ContingentId, r.Overdue)));
        Assert.Empty(later.CredentialExpiries);
    }

    [Fact]
    public async Task A_contributor_reads_only_its_own_nations_due_items_and_the_mission_reads_every_nations()
    {
        var mission = new PersonnelDesk(suite, admin);
        await Calls.StatusOfForcesInForceAsync(suite, admin, "JAM", Calls.Day(2025, 1, 2));
        var jamaican = await mission.MoveAsync(await mission.ContingentAsync("JAM", 40, tourMonths: 6), ContingentStatus.Deployed, Day(2025, 10, 4));
        var kenyan = await mission.MoveAsync(await mission.ContingentAsync("KEN", 60, tourMonths: 6), ContingentStatus.Deployed, Day(2025, 10, 4));
        var jamaicanPledge = await Pledge(mission, Day(2025, 6, 1), "JAM");
        var kenyanPledge = await Pledge(mission, Day(2025, 6, 1), "KEN");
        foreach (var nation in new[] { "JAM", "KEN" })
        {
            var record = Record();
            record.Qualifications.Add(new Qualification { Kind = QualificationKind.Credential, Name = $"Firearms licence {nation}", ObtainedOn = Day(2021, 1, 5), ExpiresOn = Day(2026, 5, 1) });
            await mission.RegisterAsync(nation, record);
        }
        var kenya = new PersonnelDesk(suite, TestTokens.For("KEN", Roles.Contributor));

        var own = await kenya.Strength.GetDueReportAsync(new GetDueReportRequest { Days = 366 });

        Assert.Equal([kenyan.Id], own.Rotations.Select(r => r.ContingentId));
        Assert.Equal([kenyanPledge.Id], own.PledgeRenewals.Select(p => p.PledgeId));
        Assert.Equal(["Firearms licence KEN"], own.CredentialExpiries.Select(c => c.Name));
        await RpcAssert.FailsWith(Grpc.Core.StatusCode.PermissionDenied, () => kenya.Strength.GetDueReportAsync(new GetDueReportRequest { Days = 366, NationCode = "JAM" }).ResponseAsync);
        var all = await mission.Strength.GetDueReportAsync(new GetDueReportRequest { Days = 366 });
        Assert.Equal(new[] { jamaican.Id, kenyan.Id }.Order(), all.Rotations.Select(r => r.ContingentId).Order());
        Assert.Equal(new[] { jamaicanPledge.Id, kenyanPledge.Id }.Order(), all.PledgeRenewals.Select(p => p.PledgeId).Order());
        Assert.Equal(["Firearms licence JAM", "Firearms licence KEN"], all.CredentialExpiries.Select(c => c.Name));
    }

    [Fact]
    public async Task A_relief_across_nations_is_scheduled_by_the_mission_and_both_nations_see_it_in_their_rotations_and_due_reports()
    {
        var mission = new PersonnelDesk(suite, admin);
        await Calls.StatusOfForcesInForceAsync(suite, admin, "JAM", Calls.Day(2025, 1, 2));
        var jamaica = new PersonnelDesk(suite, TestTokens.For("JAM", Roles.Contributor));
        var kenya = new PersonnelDesk(suite, TestTokens.For("KEN", Roles.Contributor));
        var ghana = new PersonnelDesk(suite, TestTokens.For("GHA", Roles.Contributor));
        var relieved = await mission.MoveAsync(await jamaica.ContingentAsync("JAM", 40, tourMonths: 6), ContingentStatus.Deployed, Day(2025, 10, 4));
        var relief = await kenya.MoveAsync(await kenya.ContingentAsync("KEN", 60), ContingentStatus.Mobilized);
        var request = new ScheduleRotationRequest
        {
            RequestId = NewId(), OutgoingContingentId = relieved.Id, IncomingContingentId = relief.Id, IncomingArrivesOn = Day(2026, 3, 26), OutgoingDepartsOn = Day(2026, 4, 2),
        };

        await RpcAssert.FailsWith(Grpc.Core.StatusCode.PermissionDenied, () => kenya.Contingents.ScheduleRotationAsync(request).ResponseAsync);
        var rotation = await mission.Contingents.ScheduleRotationAsync(request);

        Assert.Equal(("KEN", "JAM"), (rotation.NationCode, rotation.OutgoingNationCode));
        foreach (var nation in new[] { jamaica, kenya })
        {
            Assert.Equal([rotation.Id], (await nation.Contingents.ListRotationsAsync(new ListRotationsRequest())).Rotations.Select(r => r.Id));
            var due = Assert.Single((await nation.Strength.GetDueReportAsync(new GetDueReportRequest { Days = 60 })).Rotations);
            Assert.Equal((relieved.Id, "JAM", rotation.Id, relief.Id, "KEN"), (due.ContingentId, due.NationCode, due.RotationId, due.IncomingContingentId, due.IncomingNationCode));
        }
        Assert.Empty((await ghana.Contingents.ListRotationsAsync(new ListRotationsRequest())).Rotations);
        Assert.Empty((await ghana.Strength.GetDueReportAsync(new GetDueReportRequest { Days = 60 })).Rotations);
    }

    private static Task<Coordination.Personnel.V1.Pledge> Pledge(PersonnelDesk desk, Coordination.Common.V1.Date on, string nation = "KEN") =>
        desk.Pledges.CreatePledgeAsync(new CreatePledgeRequest { RequestId = NewId(), NationCode = nation, UnitType = UnitType.FormedPoliceUnit, OfficerCount = 100, PledgedOn = on }).ResponseAsync;
}
