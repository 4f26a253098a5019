using Coordination.Auth;
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
