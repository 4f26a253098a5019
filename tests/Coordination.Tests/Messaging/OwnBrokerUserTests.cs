using Coordination.Auth;
using Coordination.Diplomacy.V1;
using Coordination.Events;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.Messaging;

/// <summary>The four services, each connected as its own broker user with the shipped permissions.</summary>
public sealed class AllServicesOnOwnBrokerUsers() : BrokerUserSuite(Deployment.Suite.Services);

/// <summary>
/// With a broker user per service and the permissions deploy/k8s ships, events flow as before (each service's topology
/// fits its permissions, and every event carries its publisher's user), while a service cannot even put an event on
/// another service's exchange.
/// </summary>
public sealed class OwnBrokerUserTests(AllServicesOnOwnBrokerUsers fixture) : IClassFixture<AllServicesOnOwnBrokerUsers>
{
    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat);

    [Fact]
    public async Task Events_each_service_publishes_as_its_own_broker_user_are_delivered_and_applied()
    {
        var suite = fixture.Suite;
        await AdoptAsync(suite, diplomat, "S/RES/2699 (2023)", Day(2023, 10, 2), Day(2024, 10, 1), 2_500);
        await PersonnelKnowsMandateAsync(suite, diplomat, "S/RES/2699 (2023)");

        var kenya = TestTokens.For("KEN", Roles.Contributor);
        await suite.ViaGateway<PledgeService.PledgeServiceClient>(kenya)
            .CreatePledgeAsync(new CreatePledgeRequest { RequestId = NewId(), NationCode = "KEN", UnitType = UnitType.FormedPoliceUnit, OfficerCount = 400 });
        var brief = await Eventually.Get(() => Brief("KEN"), b => b.PledgedOfficers == 400, what: "diplomacy to count personnel's pledge");

        Assert.Equal(400, brief.PledgedOfficers);
        Assert.Equal(0, await fixture.RefusedAsync("diplomacy", nameof(PersonnelPledged), "personnel"));
    }

    [Fact]
    public async Task The_shipped_permissions_stop_a_service_from_publishing_on_another_services_event_exchange()
    {
        // Logistics consumes ContingentDeployed, so it may declare and read that exchange, but only personnel may write it.
        var deployed = new ContingentDeployed
        {
            OccurredAt = DateTime.UtcNow, SubjectId = NewId(), Nation = "JAM", OfficerCount = 150, SiteId = "",
            DeployedOn = new DateOnly(2025, 1, 6), PlannedTourEnd = new DateOnly(2026, 1, 5),
        };
        var pledge = Pledged("BHS", 300);

        var asLogistics = await fixture.PublishRawAsync("logistics", deployed, fixture.Users["logistics"].User);
        var pledgeAsLogistics = await fixture.PublishRawAsync("logistics", pledge, fixture.Users["logistics"].User);
        var pledgeAsPersonnel = await fixture.PublishRawAsync("personnel", Pledged("BHS", 200), fixture.Users["personnel"].User);

        Assert.Equal((ushort)403, asLogistics?.ReplyCode);
        Assert.Contains("ACCESS_REFUSED", asLogistics!.ReplyText, StringComparison.Ordinal);
        Assert.Contains($"access to exchange 'Coordination.Events:ContingentDeployed' in vhost '{fixture.Accounts.Vhost}' refused for user '{fixture.Users["logistics"].User}'",
            asLogistics.ReplyText, StringComparison.Ordinal);
        Assert.Equal((ushort)403, pledgeAsLogistics?.ReplyCode);
        // The same event, on the wire the same way, from its owner's user: taken and applied.
        Assert.Null(pledgeAsPersonnel);
        var brief = await Eventually.Get(() => Brief("BHS"), b => b.PledgedOfficers == 200, what: "diplomacy to count personnel's own pledge");
        Assert.Equal(200, brief.PledgedOfficers);
    }

    internal static PersonnelPledged Pledged(string nation, int officers) => new()
    {
        OccurredAt = DateTime.UtcNow, SubjectId = NewId(), Nation = nation, OfficerCount = officers,
        UnitType = "FORMED_POLICE_UNIT", ReadinessLevel = "L1",
    };

    private Task<PartnerBrief> Brief(string nation) =>
        fixture.Suite.ViaGateway<PartnerService.PartnerServiceClient>(diplomat).GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = nation }).ResponseAsync;
}
