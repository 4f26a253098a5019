using Coordination.Auth;
using Coordination.Events;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Coordination.Tests.Personnel;

/// <summary>Pledges of officers: a nation pledges for itself, and each pledge is announced for diplomacy to count.</summary>
public sealed class PledgeApiTests(PersonnelFixture fixture) : IClassFixture<PersonnelFixture>
{
    private PledgeService.PledgeServiceClient Pledges(string token) => fixture.Client<PledgeService.PledgeServiceClient>(token);

    [Fact]
    public async Task A_contributor_pledges_officers_for_its_own_nation_at_level_one_and_the_pledge_is_announced()
    {
        var kenya = TestTokens.For("KEN", Roles.Contributor);
        var pledge = await Pledges(kenya).CreatePledgeAsync(new CreatePledgeRequest
        {
            RequestId = Guid.NewGuid().ToString("N"), NationCode = "KEN", UnitType = UnitType.FormedPoliceUnit, OfficerCount = 600,
        });

        Assert.Equal(ReadinessLevel.L1, pledge.ReadinessLevel);
        Assert.Equal(pledge.Id, (await Pledges(kenya).GetPledgeAsync(new GetPledgeRequest { Id = pledge.Id })).Id);
        await using var scope = fixture.Suite.Scope("personnel");
        var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.MessageType == "PersonnelPledged" && m.Payload.Contains(pledge.Id));
        Assert.Contains("\"officerCount\":600", row.Payload, StringComparison.Ordinal);
        Assert.Contains("\"readinessLevel\":\"L1\"", row.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contributor_cannot_pledge_or_read_pledges_for_another_nation()
    {
        var kenya = TestTokens.For("KEN", Roles.Contributor);
        var jamaica = await Pledges(TestTokens.For("JAM", Roles.Contributor)).CreatePledgeAsync(new CreatePledgeRequest
        {
            RequestId = Guid.NewGuid().ToString("N"), NationCode = "JAM", UnitType = UnitType.IndividualPoliceOfficers, OfficerCount = 24,
        });

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Pledges(kenya).CreatePledgeAsync(new CreatePledgeRequest
        {
            RequestId = Guid.NewGuid().ToString("N"), NationCode = "JAM", UnitType = UnitType.FormedPoliceUnit, OfficerCount = 10,
        }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Pledges(kenya).GetPledgeAsync(new GetPledgeRequest { Id = jamaica.Id }).ResponseAsync);
        await RpcAssert.InvalidFields(() => Pledges(kenya).CreatePledgeAsync(new CreatePledgeRequest
        {
            RequestId = Guid.NewGuid().ToString("N"), NationCode = "KEN", OfficerCount = 0,
        }).ResponseAsync, "unit_type", "officer_count");
    }
}

/// <summary>Versions, readiness evidence, renewal and withdrawal of pledges, through the gateway.</summary>
public sealed class PledgeLifecycleTests(PersonnelFixture fixture) : IClassFixture<PersonnelFixture>
{
    private readonly PersonnelDesk kenya = new(fixture.Suite, TestTokens.For("KEN", Roles.Contributor));
    // The mission records the visits and confirmations that raise a level; a nation states its undertaking.
    private readonly PersonnelDesk mission = new(fixture.Suite, TestTokens.For("HTI", Roles.MissionAdmin));

    private static string NewId() => PersonnelDesk.NewId();

    private static Coordination.Common.V1.Date Day(int y, int m, int d) => PersonnelDesk.Day(y, m, d);

    private Task<Coordination.Personnel.V1.Pledge> PledgeAsync(PersonnelDesk desk, string nation = "KEN", int officers = 600, Coordination.Common.V1.Date? on = null) =>
        desk.Pledges.CreatePledgeAsync(new CreatePledgeRequest
        {
            RequestId = NewId(), NationCode = nation, UnitType = UnitType.FormedPoliceUnit, OfficerCount = officers, PledgedOn = on ?? Day(2025, 1, 15),
        }).ResponseAsync;

    private Task<Coordination.Personnel.V1.Pledge> EvidenceAsync(string id, Coordination.Common.V1.Date? visit = null, Coordination.Common.V1.Date? verified = null,
        int days = 0, Coordination.Common.V1.Date? confirmed = null, PersonnelDesk? by = null) =>
        (by ?? mission).Pledges.RecordPledgeEvidenceAsync(new RecordPledgeEvidenceRequest
        {
            RequestId = NewId(), Id = id, AssessmentVisitOn = visit, VerifiedOn = verified, DeployableWithinDays = days, RapidDeploymentConfirmedOn = confirmed,
        }).ResponseAsync;

    [Fact]
    public async Task A_revision_is_a_new_version_and_every_earlier_version_stays_readable()
    {
        var pledge = await PledgeAsync(kenya, officers: 600);

        var revised = await kenya.Pledges.RevisePledgeAsync(new RevisePledgeRequest
        {
            RequestId = NewId(), Id = pledge.Id, UnitType = UnitType.FormedPoliceUnit, OfficerCount = 800, Reason = "Two more companies trained",
        });

        Assert.Equal((2, 800), (revised.Version, revised.OfficerCount));
        var versions = await kenya.Pledges.ListPledgeVersionsAsync(new ListPledgeVersionsRequest { Id = pledge.Id });
        Assert.Equal([(1, PledgeChange.Created, 600, ""), (2, PledgeChange.Revised, 800, "Two more companies trained")],
            versions.Versions.Select(v => (v.Version, v.Change, v.OfficerCount, v.Reason)));
        Assert.Equal(revised, await kenya.Pledges.GetPledgeAsync(new GetPledgeRequest { Id = pledge.Id }));
        // The pledge was announced once, when it was made; a revision is not a new pledge for diplomacy to count.
        Assert.Single(await PersonnelOutbox.ReadAsync<PersonnelPledged>(fixture.Suite, pledge.Id));
        await RpcAssert.InvalidFields(() => kenya.Pledges.RevisePledgeAsync(new RevisePledgeRequest
        {
            RequestId = NewId(), Id = pledge.Id, UnitType = UnitType.FormedPoliceUnit, OfficerCount = 800, Reason = "Nothing new",
        }).ResponseAsync, "officer_count");
    }

    [Fact]
    public async Task Evidence_raises_the_level_one_gate_at_a_time_and_each_rise_is_announced()
    {
        var pledge = await PledgeAsync(kenya);
        Assert.Equal(["assessment_visit_on"], pledge.MissingEvidence);

        var l2 = await EvidenceAsync(pledge.Id, visit: Day(2025, 3, 4));
        var l3 = await EvidenceAsync(pledge.Id, verified: Day(2025, 5, 20));
        var slow = await EvidenceAsync(pledge.Id, days: 90, confirmed: Day(2025, 6, 1));
        var rapid = await EvidenceAsync(pledge.Id, days: 45, confirmed: Day(2025, 6, 15));

        Assert.Equal([ReadinessLevel.L2, ReadinessLevel.L3, ReadinessLevel.L3, ReadinessLevel.RapidDeployment],
            new[] { l2, l3, slow, rapid }.Select(p => p.ReadinessLevel));
        Assert.Contains("deployable_within_days of 60 or fewer", slow.MissingEvidence);
        Assert.Empty(rapid.MissingEvidence);
        Assert.Equal(45, rapid.Evidence.DeployableWithinDays);
        var changes = await PersonnelOutbox.ReadAsync<PledgeLevelChanged>(fixture.Suite, pledge.Id);
        Assert.Equal([("L1", "L2"), ("L2", "L3"), ("L3", "RAPID_DEPLOYMENT")], changes.Select(c => (c.PreviousLevel, c.ReadinessLevel)));
        Assert.All(changes, c => Assert.Equal(("KEN", 600), (c.Nation, c.OfficerCount)));
        Assert.Equal(5, rapid.Version);
    }

    [Fact]
    public async Task A_level_is_not_raised_while_the_evidence_of_the_level_below_is_missing()
    {
        var pledge = await PledgeAsync(kenya);

        var verifiedOnly = await EvidenceAsync(pledge.Id, verified: Day(2025, 5, 20));

        Assert.Equal(ReadinessLevel.L1, verifiedOnly.ReadinessLevel);
        Assert.Equal(["assessment_visit_on"], verifiedOnly.MissingEvidence);
        Assert.Empty(await PersonnelOutbox.ReadAsync<PledgeLevelChanged>(fixture.Suite, pledge.Id));
        // The visit then meets both gates at once: one change, L1 to L3.
        var both = await EvidenceAsync(pledge.Id, visit: Day(2025, 3, 4));
        Assert.Equal(ReadinessLevel.L3, both.ReadinessLevel);
        Assert.Equal(("L1", "L3"), (await PersonnelOutbox.ReadAsync<PledgeLevelChanged>(fixture.Suite, pledge.Id)).Select(c => (c.PreviousLevel, c.ReadinessLevel)).Single());
    }

    [Fact]
    public async Task Evidence_cannot_be_changed_once_recorded_nor_dated_out_of_order_or_in_the_future()
    {
        var pledge = await PledgeAsync(kenya);
        await EvidenceAsync(pledge.Id, visit: Day(2025, 3, 4));

        var changed = await RpcAssert.FailedPrecondition(() => EvidenceAsync(pledge.Id, visit: Day(2025, 3, 5)), "PLEDGE_EVIDENCE_RECORDED");
        Assert.Contains("2025-03-04", changed.Violations[0].Description, StringComparison.Ordinal);
        await RpcAssert.FailedPrecondition(() => EvidenceAsync(pledge.Id, verified: Day(2025, 3, 1)), "PLEDGE_EVIDENCE_ORDER");
        await RpcAssert.InvalidFields(() => EvidenceAsync(pledge.Id, verified: Day(2999, 1, 1)), "verified_on");
        var beforePledge = await RpcAssert.FailedPrecondition(() => EvidenceAsync(pledge.Id, verified: Day(2024, 12, 1)), "PLEDGE_EVIDENCE_ORDER");
        Assert.Contains("before the pledge was made (2025-01-15)", beforePledge.Violations[0].Description, StringComparison.Ordinal);
        await RpcAssert.FailedPrecondition(() => EvidenceAsync(pledge.Id, confirmed: Day(2025, 6, 1)), "PLEDGE_EVIDENCE_ORDER");
        await RpcAssert.InvalidFields(() => EvidenceAsync(pledge.Id), "assessment_visit_on");

        var unchanged = await kenya.Pledges.GetPledgeAsync(new GetPledgeRequest { Id = pledge.Id });
        Assert.Equal((ReadinessLevel.L2, 2), (unchanged.ReadinessLevel, unchanged.Version));
    }

    [Fact]
    public async Task Renewal_is_due_twelve_months_after_the_pledge_then_six_months_after_each_renewal()
    {
        var pledge = await PledgeAsync(kenya, on: Day(2024, 1, 15));
        Assert.Equal(Day(2025, 1, 15), pledge.RenewalDueOn);

        var early = await kenya.Pledges.RenewPledgeAsync(new RenewPledgeRequest { RequestId = NewId(), Id = pledge.Id, RenewedOn = Day(2024, 6, 1) });
        Assert.Equal(Day(2025, 1, 15), early.RenewalDueOn); // never before the first twelve months are over
        var renewed = await kenya.Pledges.RenewPledgeAsync(new RenewPledgeRequest { RequestId = NewId(), Id = pledge.Id, RenewedOn = Day(2025, 1, 10) });
        Assert.Equal((Day(2025, 7, 10), Day(2025, 1, 10)), (renewed.RenewalDueOn, renewed.LastRenewedOn));

        await RpcAssert.FailedPrecondition(() => kenya.Pledges.RenewPledgeAsync(new RenewPledgeRequest
        {
            RequestId = NewId(), Id = pledge.Id, RenewedOn = Day(2024, 12, 1),
        }).ResponseAsync, "PLEDGE_RENEWAL_DATE");
    }

    [Fact]
    public async Task A_withdrawal_is_announced_and_a_withdrawn_pledge_takes_no_further_change()
    {
        var pledge = await PledgeAsync(kenya, officers: 200);

        var withdrawn = await kenya.Pledges.WithdrawPledgeAsync(new WithdrawPledgeRequest
        {
            RequestId = NewId(), Id = pledge.Id, Reason = "Officers needed at home for the elections", WithdrawnOn = Day(2025, 8, 1),
        });

        Assert.Equal((PledgeStatus.Withdrawn, 2, Day(2025, 8, 1)), (withdrawn.Status, withdrawn.Version, withdrawn.WithdrawnOn));
        Assert.Null(withdrawn.RenewalDueOn);
        var announced = Assert.Single(await PersonnelOutbox.ReadAsync<PledgeWithdrawn>(fixture.Suite, pledge.Id));
        Assert.Equal(("KEN", 200, new DateOnly(2025, 8, 1), "FORMED_POLICE_UNIT"), (announced.Nation, announced.OfficerCount, announced.WithdrawnOn, announced.UnitType));
        await RpcAssert.FailedPrecondition(() => EvidenceAsync(pledge.Id, visit: Day(2025, 3, 4)), "PLEDGE_WITHDRAWN");
        await RpcAssert.FailedPrecondition(() => kenya.Pledges.WithdrawPledgeAsync(new WithdrawPledgeRequest
        {
            RequestId = NewId(), Id = pledge.Id, Reason = "Again",
        }).ResponseAsync, "PLEDGE_WITHDRAWN");
        var active = await kenya.Pledges.ListPledgesAsync(new ListPledgesRequest { Status = PledgeStatus.Active });
        Assert.DoesNotContain(active.Pledges, p => p.Id == pledge.Id);
    }

    [Fact]
    public async Task A_contributor_cannot_change_another_nations_pledge_and_an_observer_can_neither_change_nor_read_any()
    {
        var jamaica = new PersonnelDesk(fixture.Suite, TestTokens.For("JAM", Roles.Contributor));
        var observer = new PersonnelDesk(fixture.Suite, TestTokens.For("CAN", Roles.Observer));
        var pledge = await PledgeAsync(jamaica, "JAM", 24);

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => EvidenceAsync(pledge.Id, days: 30, by: kenya));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => kenya.Pledges.WithdrawPledgeAsync(new WithdrawPledgeRequest
        {
            RequestId = NewId(), Id = pledge.Id, Reason = "Not ours",
        }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => observer.Pledges.RevisePledgeAsync(new RevisePledgeRequest
        {
            RequestId = NewId(), Id = pledge.Id, UnitType = UnitType.FormedPoliceUnit, OfficerCount = 30, Reason = "No",
        }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => observer.Pledges.GetPledgeAsync(new GetPledgeRequest { Id = pledge.Id }).ResponseAsync);
        Assert.Equal(1, (await jamaica.Pledges.GetPledgeAsync(new GetPledgeRequest { Id = pledge.Id })).Version);
    }

    [Fact]
    public async Task A_contributor_states_its_undertaking_but_the_visits_and_the_confirmation_that_raise_its_level_are_the_missions()
    {
        var pledge = await PledgeAsync(kenya);

        foreach (var (field, evidence) in new (string, Func<Task>)[]
        {
            ("assessment_visit_on", () => EvidenceAsync(pledge.Id, visit: Day(2025, 3, 4), by: kenya)),
            ("verified_on", () => EvidenceAsync(pledge.Id, verified: Day(2025, 5, 20), by: kenya)),
            ("rapid_deployment_confirmed_on", () => EvidenceAsync(pledge.Id, days: 45, confirmed: Day(2025, 6, 1), by: kenya)),
        })
        {
            var refused = await RpcAssert.FailsWith(StatusCode.PermissionDenied, evidence);
            Assert.Contains(field, refused.Status.Detail, StringComparison.Ordinal);
        }
        Assert.Equal((ReadinessLevel.L1, 1), await LevelAsync(pledge.Id));

        await EvidenceAsync(pledge.Id, visit: Day(2025, 3, 4));
        await EvidenceAsync(pledge.Id, verified: Day(2025, 5, 20));
        var stated = await EvidenceAsync(pledge.Id, days: 45, by: kenya);
        Assert.Equal((ReadinessLevel.L3, 45), (stated.ReadinessLevel, stated.Evidence.DeployableWithinDays)); // the nation's word raises nothing
        var confirmed = await EvidenceAsync(pledge.Id, confirmed: Day(2025, 6, 1));
        Assert.Equal(ReadinessLevel.RapidDeployment, confirmed.ReadinessLevel);
        await RpcAssert.FailedPrecondition(() => EvidenceAsync(pledge.Id, days: 30, by: kenya), "PLEDGE_EVIDENCE_RECORDED");
        Assert.Equal([("L1", "L2"), ("L2", "L3"), ("L3", "RAPID_DEPLOYMENT")],
            (await PersonnelOutbox.ReadAsync<PledgeLevelChanged>(fixture.Suite, pledge.Id)).Select(c => (c.PreviousLevel, c.ReadinessLevel)));
    }

    [Fact]
    public async Task A_revision_to_more_officers_or_another_unit_type_drops_a_verified_pledge_to_level_one_until_the_mission_verifies_it_again()
    {
        var pledge = await PledgeAsync(kenya, officers: 600);
        await EvidenceAsync(pledge.Id, visit: Day(2025, 3, 4));
        await EvidenceAsync(pledge.Id, verified: Day(2025, 5, 20));
        await EvidenceAsync(pledge.Id, days: 45, by: kenya);
        Assert.Equal(ReadinessLevel.RapidDeployment, (await EvidenceAsync(pledge.Id, confirmed: Day(2025, 6, 1))).ReadinessLevel);

        var larger = await ReviseAsync(pledge.Id, UnitType.FormedPoliceUnit, 800);

        // The mission saw 600 officers, not 800: its evidence is cleared; the nation's undertaking stands.
        Assert.Equal((ReadinessLevel.L1, 45), (larger.ReadinessLevel, larger.Evidence.DeployableWithinDays));
        Assert.True(larger.Evidence.AssessmentVisitOn is null && larger.Evidence.VerifiedOn is null && larger.Evidence.RapidDeploymentConfirmedOn is null);
        Assert.Equal(["assessment_visit_on"], larger.MissingEvidence);
        var dropped = (await PersonnelOutbox.ReadAsync<PledgeLevelChanged>(fixture.Suite, pledge.Id))[^1];
        Assert.Equal(("RAPID_DEPLOYMENT", "L1", "PLEDGE_REVISED", 800, larger.Version), (dropped.PreviousLevel, dropped.ReadinessLevel, dropped.Cause, dropped.OfficerCount, dropped.PledgeVersion));
        var kept = (await kenya.Pledges.ListPledgeVersionsAsync(new ListPledgeVersionsRequest { Id = pledge.Id })).Versions;
        Assert.Equal(ReadinessLevel.RapidDeployment, kept[^2].ReadinessLevel); // what was verified stays on record

        // The mission verifies the revised unit again, and the level rises as before.
        var visited = await EvidenceAsync(pledge.Id, visit: Day(2025, 9, 2));
        Assert.Equal(ReadinessLevel.L2, visited.ReadinessLevel);
        Assert.Equal(("L1", "L2", "EVIDENCE_RECORDED"), (await PersonnelOutbox.ReadAsync<PledgeLevelChanged>(fixture.Suite, pledge.Id)).Select(c => (c.PreviousLevel, c.ReadinessLevel, c.Cause)).Last());

        // Fewer officers of the same unit are part of what was verified: the level stays.
        var smaller = await ReviseAsync(pledge.Id, UnitType.FormedPoliceUnit, 700);
        Assert.Equal((ReadinessLevel.L2, Day(2025, 9, 2)), (smaller.ReadinessLevel, smaller.Evidence.AssessmentVisitOn));
        // Another unit type is another unit, even with fewer officers.
        var other = await ReviseAsync(pledge.Id, UnitType.IndividualPoliceOfficers, 100);
        Assert.Equal((ReadinessLevel.L1, 45), (other.ReadinessLevel, other.Evidence.DeployableWithinDays));
        Assert.Equal([("L2", "L1", "PLEDGE_REVISED")],
            (await PersonnelOutbox.ReadAsync<PledgeLevelChanged>(fixture.Suite, pledge.Id)).Select(c => (c.PreviousLevel, c.ReadinessLevel, c.Cause)).TakeLast(1));
    }

    [Fact]
    public async Task A_pledge_and_its_renewal_and_withdrawal_are_dated_from_2000_on()
    {
        await RpcAssert.InvalidFields(() => PledgeAsync(kenya, on: Day(1999, 12, 31)), "pledged_on");
        await RpcAssert.InvalidFields(() => PledgeAsync(kenya, on: Day(1900, 1, 1)), "pledged_on");
        var pledge = await PledgeAsync(kenya, on: Day(2000, 1, 1));
        Assert.Equal(Day(2000, 1, 1), pledge.PledgedOn);

        await RpcAssert.InvalidFields(() => kenya.Pledges.RenewPledgeAsync(new RenewPledgeRequest { RequestId = NewId(), Id = pledge.Id, RenewedOn = Day(1999, 12, 31) }).ResponseAsync, "renewed_on");
        await RpcAssert.InvalidFields(() => kenya.Pledges.WithdrawPledgeAsync(new WithdrawPledgeRequest
        {
            RequestId = NewId(), Id = pledge.Id, Reason = "Backdated", WithdrawnOn = Day(1999, 12, 31),
        }).ResponseAsync, "withdrawn_on");
        Assert.Equal(1, (await LevelAsync(pledge.Id)).Item2);
    }

    private Task<Coordination.Personnel.V1.Pledge> ReviseAsync(string id, UnitType unitType, int officers) =>
        kenya.Pledges.RevisePledgeAsync(new RevisePledgeRequest { RequestId = NewId(), Id = id, UnitType = unitType, OfficerCount = officers, Reason = "Revised" }).ResponseAsync;

    private async Task<(ReadinessLevel, int)> LevelAsync(string id)
    {
        var pledge = await kenya.Pledges.GetPledgeAsync(new GetPledgeRequest { Id = id });
        return (pledge.ReadinessLevel, pledge.Version);
    }
}
