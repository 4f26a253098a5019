using Coordination.Auth;
using Coordination.Diplomacy.V1;
using Coordination.Events;
using Coordination.Personnel.Contingents;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.V1;
using Coordination.Tests.CrossService;
using Coordination.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using static Coordination.Tests.Personnel.PersonnelDesk;
using Contingent = Coordination.Personnel.V1.Contingent;

namespace Coordination.Tests.Personnel;

/// <summary>
/// Deployment and repatriation are the mission's record of facts: a nation notifies its contingent up to MOBILIZED,
/// the mission records the rest on days that have happened, in order, under a status-of-forces agreement with the
/// host state that is in force that day, and never beyond the ceiling however many deploy at once.
/// </summary>
public sealed class DeploymentRulesTests(PersonnelFlowFixture fixture) : IClassFixture<PersonnelFlowFixture>
{
    private readonly PersonnelDesk admin = fixture.Desk(fixture.Admin);
    private readonly AgreementService.AgreementServiceClient agreements =
        fixture.Suite.ViaGateway<AgreementService.AgreementServiceClient>(TestTokens.For("HTI", Roles.Diplomat));

    private Task<Contingent> StatusAsync(PersonnelDesk desk, Contingent contingent, ContingentStatus status, Coordination.Common.V1.Date? on = null) =>
        desk.Contingents.ChangeContingentStatusAsync(new ChangeContingentStatusRequest { RequestId = NewId(), Id = contingent.Id, Status = status, EffectiveOn = on }).ResponseAsync;

    [Fact]
    public async Task A_contributor_notifies_its_contingent_up_to_mobilized_but_deployment_demobilisation_and_repatriation_are_the_missions()
    {
        await Calls.StatusOfForcesInForceAsync(fixture.Suite, fixture.Admin, "MWI", Calls.Day(2025, 1, 2));
        var malawi = fixture.Desk(TestTokens.For("MWI", Roles.Contributor));
        var contingent = await malawi.MoveAsync(await malawi.ContingentAsync("MWI", 40), ContingentStatus.Mobilized);

        var deploying = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => StatusAsync(malawi, contingent, ContingentStatus.Deployed, Day(2025, 11, 2)));
        Assert.Contains("CONTINGENT_STATUS_DEPLOYED", deploying.Status.Detail, StringComparison.Ordinal);
        contingent = await StatusAsync(admin, contingent, ContingentStatus.Deployed, Day(2025, 11, 2));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => StatusAsync(malawi, contingent, ContingentStatus.Demobilizing));
        contingent = await StatusAsync(admin, contingent, ContingentStatus.Demobilizing);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => StatusAsync(malawi, contingent, ContingentStatus.Repatriated, Day(2026, 5, 1)));

        Assert.Equal(ContingentStatus.Demobilizing, (await malawi.Contingents.GetContingentAsync(new GetContingentRequest { Id = contingent.Id })).Status);
        Assert.Empty(await PersonnelOutbox.ReadAsync<ContingentRepatriated>(fixture.Suite, contingent.Id));
    }

    [Fact]
    public async Task Deployment_and_repatriation_are_dated_on_days_that_have_happened_and_in_their_order()
    {
        await Calls.StatusOfForcesInForceAsync(fixture.Suite, fixture.Admin, "ZMB", Calls.Day(2025, 1, 2));
        var contingent = await admin.MoveAsync(await admin.ContingentAsync("ZMB", 30), ContingentStatus.Mobilized);
        // Tomorrow by UTC is already today east of UTC; the day after is the future everywhere.
        var afterTomorrow = Day(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2));

        await RpcAssert.InvalidFields(() => StatusAsync(admin, contingent, ContingentStatus.Deployed, afterTomorrow), "effective_on");
        contingent = await StatusAsync(admin, contingent, ContingentStatus.Deployed, Day(2025, 11, 2));
        var early = await RpcAssert.FailedPrecondition(() => StatusAsync(admin, contingent, ContingentStatus.Demobilizing, Day(2025, 11, 1)), "CONTINGENT_DATE_ORDER");
        Assert.Contains("deployed on 2025-11-02", early.Violations[0].Description, StringComparison.Ordinal);
        contingent = await StatusAsync(admin, contingent, ContingentStatus.Demobilizing, Day(2026, 4, 20));
        await RpcAssert.InvalidFields(() => StatusAsync(admin, contingent, ContingentStatus.Repatriated, Day(9999, 12, 31)), "effective_on");
        await RpcAssert.FailedPrecondition(() => StatusAsync(admin, contingent, ContingentStatus.Repatriated, Day(2025, 10, 1)), "CONTINGENT_DATE_ORDER");
        Assert.Empty(await PersonnelOutbox.ReadAsync<ContingentRepatriated>(fixture.Suite, contingent.Id));

        await StatusAsync(admin, contingent, ContingentStatus.Repatriated, Day(2026, 5, 1));
        var repatriated = Assert.Single(await PersonnelOutbox.ReadAsync<ContingentRepatriated>(fixture.Suite, contingent.Id));
        Assert.Equal(new DateOnly(2026, 5, 1), repatriated.RepatriatedOn);
    }

    [Fact]
    public async Task Only_a_status_of_forces_agreement_with_the_host_state_lets_a_nation_deploy()
    {
        var between = await AgreementInForceAsync(["NPL", "BGD"], Calls.Day(2025, 1, 2));
        await PartiesAsync(between.Id, p => p.Count == 2);
        var contingent = await admin.MoveAsync(await admin.ContingentAsync("NPL", 20), ContingentStatus.Mobilized);

        var refused = await RpcAssert.FailedPrecondition(() => StatusAsync(admin, contingent, ContingentStatus.Deployed, Day(2025, 11, 2)), "SOFA_NOT_IN_FORCE");

        Assert.Contains("NPL has no status-of-forces agreement in force with the host state (HTI)", refused.Violations[0].Description, StringComparison.Ordinal);
        Assert.False((await admin.NationAsync("NPL")).StatusOfForcesInForce);
        var withHaiti = await AgreementInForceAsync(["NPL", "HTI"], Calls.Day(2025, 1, 2));
        await PartiesAsync(withHaiti.Id, p => p.Count == 2);
        Assert.Equal(ContingentStatus.Deployed, (await StatusAsync(admin, contingent, ContingentStatus.Deployed, Day(2025, 11, 2))).Status);
    }

    [Fact]
    public async Task A_terminated_status_of_forces_agreement_lets_no_contingent_deploy_from_its_termination_day()
    {
        var sofa = await AgreementInForceAsync(["PAK", "HTI"], Calls.Day(2025, 1, 2));
        await PartiesAsync(sofa.Id, p => p.Count == 2);
        Assert.True((await admin.NationAsync("PAK")).StatusOfForcesInForce);
        var before = await admin.MoveAsync(await admin.ContingentAsync("PAK", 20), ContingentStatus.Mobilized);
        var after = await admin.MoveAsync(await admin.ContingentAsync("PAK", 20), ContingentStatus.Mobilized);

        await TerminateAsync(sofa.Id, "PAK", Calls.Day(2025, 11, 15));
        await PartiesAsync(sofa.Id, p => p.All(x => x.TerminatedOn == new DateOnly(2025, 11, 15)));
        // A later termination by the other party (another event) does not move the day the agreement ended. Counted from
        // here: the fixture's other tests terminate agreements of their own.
        var applied = await ProcessedAsync(nameof(AgreementTerminated));
        await TerminateAsync(sofa.Id, "HTI", Calls.Day(2025, 12, 1));
        await Eventually.Get(() => ProcessedAsync(nameof(AgreementTerminated)), n => n == applied + 1, what: "personnel to apply both terminations");

        var refused = await RpcAssert.FailedPrecondition(() => StatusAsync(admin, after, ContingentStatus.Deployed, Day(2025, 11, 15)), "SOFA_NOT_IN_FORCE");
        Assert.Contains("terminated on 2025-11-15", refused.Violations[0].Description, StringComparison.Ordinal);
        Assert.Equal(ContingentStatus.Deployed, (await StatusAsync(admin, before, ContingentStatus.Deployed, Day(2025, 11, 14))).Status);
        var pakistan = await admin.NationAsync("PAK");
        Assert.False(pakistan.StatusOfForcesInForce);
        Assert.Null(pakistan.StatusOfForcesInForceOn);
    }

    [Fact]
    public async Task A_termination_recorded_late_leaves_contingents_deployed_since_its_day_deployed_and_names_them_in_a_warning()
    {
        var sofa = await AgreementInForceAsync(["LKA", "HTI"], Calls.Day(2025, 1, 2));
        await PartiesAsync(sofa.Id, p => p.Count == 2);
        var before = await admin.MoveAsync(await admin.ContingentAsync("LKA", 20), ContingentStatus.Deployed, Day(2025, 11, 10));
        var since = await admin.MoveAsync(await admin.ContingentAsync("LKA", 20), ContingentStatus.Deployed, Day(2025, 11, 20));

        // Diplomacy records, late, that the agreement was terminated on 15 November: after one deployment, before the other.
        await TerminateAsync(sofa.Id, "LKA", Calls.Day(2025, 11, 15));

        var warning = await Eventually.Get(
            () => Task.FromResult(fixture.Logs.Entries.FirstOrDefault(e => e.Level == LogLevel.Warning && e.Message.Contains(sofa.Id, StringComparison.Ordinal)).Message),
            m => m is not null, what: "personnel to warn of the contingents deployed since the termination");
        Assert.Contains(since.Id, warning, StringComparison.Ordinal);
        Assert.Contains("2025-11-15", warning, StringComparison.Ordinal);
        Assert.Contains("the mission decides their repatriation", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(before.Id, warning, StringComparison.Ordinal);
        // Both stay deployed: the warning decides nothing.
        Assert.Equal(ContingentStatus.Deployed, (await admin.Contingents.GetContingentAsync(new GetContingentRequest { Id = since.Id })).Status);
    }

    [Fact]
    public async Task Concurrent_deployments_straddling_the_ceiling_pass_only_as_far_as_the_ceiling_allows()
    {
        await Calls.StatusOfForcesInForceAsync(fixture.Suite, fixture.Admin, "FJI", Calls.Day(2025, 1, 2));
        var strength = await admin.Strength.GetForceStrengthAsync(new GetForceStrengthRequest());
        var room = strength.AuthorizedCeiling - strength.DeployedOfficers;
        var size = room / 10; // ten of these fit, the eleventh does not
        var mobilized = await Task.WhenAll(Enumerable.Range(0, 24).Select(async _ => await admin.MoveAsync(await admin.ContingentAsync("FJI", size), ContingentStatus.Mobilized)));

        var outcomes = await Task.WhenAll(mobilized.Select(async c =>
        {
            try
            {
                await StatusAsync(admin, c, ContingentStatus.Deployed, Day(2025, 11, 2));
                return "DEPLOYED";
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
            {
                return e.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type;
            }
        }));

        Assert.Equal(10, outcomes.Count(o => o == "DEPLOYED"));
        Assert.Equal(14, outcomes.Count(o => o == "MANDATE_CEILING"));
        var now = await admin.Strength.GetForceStrengthAsync(new GetForceStrengthRequest());
        Assert.Equal(strength.DeployedOfficers + 10 * size, now.DeployedOfficers);
        Assert.True(now.DeployedOfficers <= now.AuthorizedCeiling);
    }

    [Fact]
    public async Task Deployments_of_one_contingent_waiting_on_the_ceiling_lock_deploy_it_once_and_the_others_find_it_deployed()
    {
        await Calls.StatusOfForcesInForceAsync(fixture.Suite, fixture.Admin, "TGO", Calls.Day(2025, 1, 2));
        var contingent = await admin.MoveAsync(await admin.ContingentAsync("TGO", 30), ContingentStatus.Mobilized);
        await using var scope = fixture.Suite.Scope("personnel");
        var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();

        // The ceiling's lock is held while eight deployments of the contingent arrive; they run once all eight wait on it.
        await using var held = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [ContingentsApi.CeilingLock]);
        var deployments = Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                await StatusAsync(admin, contingent, ContingentStatus.Deployed, Day(2025, 11, 2));
                return "DEPLOYED";
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
            {
                return e.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type;
            }
            catch (RpcException e)
            {
                return e.StatusCode.ToString();
            }
        }).ToList();
        await Eventually.Get(
            () => db.Database.SqlQueryRaw<int>("""
                SELECT count(*)::int AS "Value" FROM pg_locks
                WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """).SingleAsync(),
            waiting => waiting == 8, what: "the eight deployments to wait on the ceiling's lock");
        await held.CommitAsync();
        var outcomes = await Task.WhenAll(deployments);

        // Each read the contingent under the lock, after the one before it committed: none deployed a stale copy.
        Assert.Equal(["CONTINGENT_STATUS_TRANSITION", "DEPLOYED"], outcomes.Distinct().Order());
        Assert.Single(outcomes, o => o == "DEPLOYED");
        Assert.Single(await PersonnelOutbox.ReadAsync<ContingentDeployed>(fixture.Suite, contingent.Id));
    }

    private async Task<Agreement> AgreementInForceAsync(string[] parties, Coordination.Common.V1.Date on)
    {
        var sofa = await agreements.CreateAgreementAsync(new CreateAgreementRequest
        {
            RequestId = NewId(), Kind = AgreementKind.StatusOfForces, Title = $"Status of forces between {string.Join(" and ", parties)}", PartyNationCodes = { parties },
        });
        foreach (var party in parties)
        {
            foreach (var status in new[] { AgreementStatus.Signed, AgreementStatus.Ratified, AgreementStatus.InForce })
            {
                sofa = await agreements.ChangePartyStatusAsync(new ChangePartyStatusRequest { RequestId = NewId(), Id = sofa.Id, NationCode = party, Status = status, EffectiveOn = on });
            }
        }
        return sofa;
    }

    private Task TerminateAsync(string id, string party, Coordination.Common.V1.Date on) =>
        agreements.ChangePartyStatusAsync(new ChangePartyStatusRequest { RequestId = NewId(), Id = id, NationCode = party, Status = AgreementStatus.Terminated, EffectiveOn = on }).ResponseAsync;

    /// <summary>Personnel's copy of an agreement's parties, once it satisfies <paramref name="done"/>.</summary>
    private Task<List<Coordination.Personnel.Agreements.StatusOfForcesParty>> PartiesAsync(string agreementId,
        Func<List<Coordination.Personnel.Agreements.StatusOfForcesParty>, bool> done) =>
        Eventually.Get(async () =>
        {
            await using var scope = fixture.Suite.Scope("personnel");
            var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();
            return await db.StatusOfForces.AsNoTracking().Where(p => p.AgreementId == agreementId).ToListAsync();
        }, done, what: $"personnel to hear of agreement {agreementId}");

    private async Task<int> ProcessedAsync(string eventType)
    {
        await using var scope = fixture.Suite.Scope("personnel");
        var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();
        return await db.ProcessedMessages.CountAsync(m => m.Consumer == eventType + "Consumer");
    }
}
