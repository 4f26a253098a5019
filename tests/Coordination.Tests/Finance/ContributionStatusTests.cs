using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Finance.Persistence;
using Coordination.Finance.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.Finance;

/// <summary>A contribution's status chain: pledged, committed, paid; cancelled; suspended and lifted; each step recorded.</summary>
public sealed class ContributionStatusTests(FinanceFixture fixture) : IClassFixture<FinanceFixture>
{
    private readonly string officer = TestTokens.For("HTI", Roles.FinanceOfficer);

    private ContributionService.ContributionServiceClient Contributions(string token) => fixture.Client<ContributionService.ContributionServiceClient>(token);

    private Task<Contribution> PledgeAsync(string donor = "NOR") => Contributions(officer).RecordContributionAsync(new RecordContributionRequest
    {
        RequestId = NewId(), DonorNationCode = donor, Amount = new Money { CurrencyCode = "USD", Units = 2_000_000 },
        Channel = Channel.TrustFund, DecidedOn = Day(2024, 5, 1),
    }).ResponseAsync;

    private Task<Contribution> MoveAsync(string id, ContributionStatus status, string reason = "", string? token = null) =>
        Contributions(token ?? officer).ChangeContributionStatusAsync(new ChangeContributionStatusRequest
        {
            RequestId = NewId(), Id = id, Status = status, EffectiveOn = Day(2024, 6, 1), Reason = reason,
        }).ResponseAsync;

    [Fact]
    public async Task A_pledge_is_committed_then_paid_and_each_step_is_recorded_and_announced()
    {
        var pledge = await PledgeAsync();
        await MoveAsync(pledge.Id, ContributionStatus.Committed);
        var paid = await MoveAsync(pledge.Id, ContributionStatus.Paid);

        Assert.Equal(ContributionStatus.Paid, paid.Status);
        Assert.Equal(Day(2024, 6, 1), paid.PaidOn);
        await using var scope = fixture.Suite.Scope("finance");
        var db = scope.ServiceProvider.GetRequiredService<FinanceDbContext>();
        // Each step is a version after the one that recorded the pledge (the status-change table became versions).
        Assert.Equal([1, 2, 3], await db.ContributionVersions.Where(v => v.ContributionId == pledge.Id).OrderBy(v => v.Version).Select(v => v.Version).ToListAsync());
        var events = await db.OutboxMessages.AsNoTracking().Where(m => m.Payload.Contains(pledge.Id)).Select(m => m.MessageType).ToListAsync();
        Assert.Equal(["ContributionCommitted", "ContributionPaid", "ContributionPledged"], events.Order());
    }

    [Fact]
    public async Task A_paid_contribution_cannot_move_and_a_pledge_cannot_be_paid_before_it_is_committed()
    {
        var pledge = await PledgeAsync();
        await RpcAssert.FailedPrecondition(() => MoveAsync(pledge.Id, ContributionStatus.Paid), "CONTRIBUTION_STATUS_TRANSITION");
        await MoveAsync(pledge.Id, ContributionStatus.Committed);
        await MoveAsync(pledge.Id, ContributionStatus.Paid);

        var e = await RpcAssert.FailedPrecondition(() => MoveAsync(pledge.Id, ContributionStatus.Cancelled, "changed our mind"), "CONTRIBUTION_STATUS_TRANSITION");
        Assert.Contains("from CONTRIBUTION_STATUS_PAID to CONTRIBUTION_STATUS_CANCELLED", e.Violations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suspension_needs_a_reason_and_lifting_it_returns_the_contribution_to_where_it_was()
    {
        var pledge = await PledgeAsync();
        await MoveAsync(pledge.Id, ContributionStatus.Committed);
        await RpcAssert.InvalidFields(() => MoveAsync(pledge.Id, ContributionStatus.Suspended), "reason");
        await MoveAsync(pledge.Id, ContributionStatus.Suspended, "audit of the implementing partner");

        await RpcAssert.FailedPrecondition(() => MoveAsync(pledge.Id, ContributionStatus.Pledged), "CONTRIBUTION_STATUS_TRANSITION");
        var lifted = await MoveAsync(pledge.Id, ContributionStatus.Committed);
        Assert.Equal(ContributionStatus.Committed, lifted.Status);

        // Lifting is announced as a reinstatement, not as a second commitment.
        await using var scope = fixture.Suite.Scope("finance");
        var db = scope.ServiceProvider.GetRequiredService<FinanceDbContext>();
        var events = await db.OutboxMessages.AsNoTracking().Where(m => m.Payload.Contains(pledge.Id)).ToListAsync();
        Assert.Equal(["ContributionCommitted", "ContributionPledged", "ContributionReinstated", "ContributionSuspended"], events.Select(m => m.MessageType).Order());
        Assert.Contains("\"status\":\"COMMITTED\"", events.Single(m => m.MessageType == "ContributionReinstated").Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_donors_contributor_cannot_mark_its_own_pledge_paid()
    {
        var pledge = await PledgeAsync("DNK");
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => MoveAsync(pledge.Id, ContributionStatus.Committed, token: TestTokens.For("DNK", Roles.Contributor)));
    }
}
