using System.Collections.Concurrent;
using Coordination.Auth;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Events;
using Coordination.Tests.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.Diplomacy;

/// <summary>
/// Personnel's PledgeWithdrawn, delivered to diplomacy as the broker may deliver it: twice, or before the pledge it
/// withdraws. Counts change once and never go below what was really pledged.
/// </summary>
public sealed class PledgeWithdrawalTests : IAsyncLifetime
{
    private readonly Deliveries delivered = new();
    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat);
    private SuiteHost suite = null!;
    private IBusControl bus = null!;

    public async Task InitializeAsync()
    {
        suite = await SuiteHost.StartAsync(["diplomacy"]);
        bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(suite.RabbitMqUri));
            cfg.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, suite.Prefix));
        });
        await bus.StartAsync();
        suite.Service("diplomacy").Services.GetRequiredService<IBus>().ConnectConsumeObserver(delivered);
    }

    public async Task DisposeAsync()
    {
        await bus.StopAsync();
        await suite.DisposeAsync();
    }

    [Fact]
    public async Task A_withdrawal_delivered_twice_takes_the_pledge_back_once()
    {
        var commitment = await AnnounceAsync("BHS", 600);
        var kept = Pledged("BHS", 300);
        var withdrawnPledge = Pledged("BHS", 400);
        await DeliverAsync(withdrawnPledge);
        await DeliverAsync(kept);
        var fulfilled = await Commitment(commitment.Id);
        Assert.Equal(CommitmentState.Fulfilled, fulfilled.State);
        Assert.Equal(400, fulfilled.Fulfilments.Single(f => f.SourceId == withdrawnPledge.SubjectId).Officers);
        Assert.Equal(200, fulfilled.Fulfilments.Single(f => f.SourceId == kept.SubjectId).Officers);
        Assert.Equal(700, (await Brief("BHS")).PledgedOfficers);

        var withdrawal = Withdrawn(withdrawnPledge);
        await bus.Publish(withdrawal, context => context.MessageId = withdrawal.EventId);
        await bus.Publish(withdrawal, context => context.MessageId = withdrawal.EventId);
        await Eventually.Get(() => Task.FromResult(delivered.Of(withdrawal)), n => n == 2, what: "both deliveries of the withdrawal");

        var brief = await Brief("BHS");
        Assert.Equal(300, brief.PledgedOfficers); // 700 - 400 once; twice would have hit the floor of 0
        var partly = await Commitment(commitment.Id);
        Assert.Equal(CommitmentState.PartlyFulfilled, partly.State);
        Assert.Equal(200, partly.OfficersDelivered);
        Assert.Equal([(kept.SubjectId, 200)], partly.Fulfilments.Select(f => (f.SourceId, f.Officers)));

        // Personnel announcing the same withdrawal again under a new message id changes nothing either.
        var again = withdrawal with { EventId = Guid.NewGuid() };
        await DeliverAsync(again);
        Assert.Equal(300, (await Brief("BHS")).PledgedOfficers);
        Assert.Equal(200, (await Commitment(commitment.Id)).OfficersDelivered);

        await using var scope = suite.Scope("diplomacy");
        var db = scope.ServiceProvider.GetRequiredService<DiplomacyDbContext>();
        Assert.Equal(1, await db.ProcessedMessages.CountAsync(p => p.MessageId == withdrawal.EventId && p.Consumer == "PledgeWithdrawnConsumer"));
        var view = await db.PledgeViews.AsNoTracking().SingleAsync(v => v.PledgeId == withdrawnPledge.SubjectId);
        Assert.Equal((new DateOnly(2026, 11, 2), 0), (view.WithdrawnOn, view.OfficersCounted));
    }

    [Fact]
    public async Task A_withdrawal_arriving_before_its_pledge_counts_nothing_then_or_later()
    {
        var commitment = await AnnounceAsync("BLZ", 300);
        var pledge = Pledged("BLZ", 400);

        await DeliverAsync(Withdrawn(pledge));
        var brief = await Brief("BLZ");
        Assert.Equal(0, brief.PledgedOfficers);
        var open = await Commitment(commitment.Id);
        Assert.Equal((CommitmentState.Open, 0), (open.State, open.OfficersDelivered));

        await DeliverAsync(pledge);
        Assert.Equal(0, (await Brief("BLZ")).PledgedOfficers);
        open = await Commitment(commitment.Id);
        Assert.Equal((CommitmentState.Open, 0), (open.State, open.OfficersDelivered));
        Assert.Empty(open.Fulfilments);

        await using (var scope = suite.Scope("diplomacy"))
        {
            var view = await scope.ServiceProvider.GetRequiredService<DiplomacyDbContext>().PledgeViews.AsNoTracking()
                .SingleAsync(v => v.PledgeId == pledge.SubjectId);
            Assert.NotNull(view.PledgedAt);
            Assert.NotNull(view.WithdrawnOn);
            Assert.Equal(0, view.OfficersCounted);
        }

        // Other pledges of the nation still count as usual.
        var other = Pledged("BLZ", 100);
        await DeliverAsync(other);
        Assert.Equal(100, (await Brief("BLZ")).PledgedOfficers);
        var partly = await Commitment(commitment.Id);
        Assert.Equal(CommitmentState.PartlyFulfilled, partly.State);
        Assert.Equal([(other.SubjectId, 100)], partly.Fulfilments.Select(f => (f.SourceId, f.Officers)));
    }

    private Task<Commitment> AnnounceAsync(string nation, int officers) =>
        suite.Client<CommitmentService.CommitmentServiceClient>("diplomacy", diplomat).AnnounceCommitmentAsync(new AnnounceCommitmentRequest
        {
            RequestId = NewId(), NationCode = nation, Kind = CommitmentKind.Personnel, Description = $"{officers} officers",
            AnnouncedOn = Day(2026, 10, 1), DueOn = YearsAhead(), Officers = officers,
        }).ResponseAsync;

    private static PersonnelPledged Pledged(string nation, int officers) => new()
    {
        OccurredAt = DateTime.UtcNow,
        SubjectId = NewId(),
        Nation = nation,
        OfficerCount = officers,
        UnitType = "FORMED_POLICE_UNIT",
        ReadinessLevel = "L1",
    };

    private static PledgeWithdrawn Withdrawn(PersonnelPledged pledge) => new()
    {
        OccurredAt = DateTime.UtcNow,
        SubjectId = pledge.SubjectId,
        Nation = pledge.Nation,
        OfficerCount = pledge.OfficerCount,
        UnitType = pledge.UnitType,
        ReadinessLevel = pledge.ReadinessLevel,
        WithdrawnOn = new DateOnly(2026, 11, 2),
        Reason = "Units needed at home",
    };

    /// <summary>Publishes the event once, as personnel's relay does, and waits until diplomacy has consumed it.</summary>
    private async Task DeliverAsync(IntegrationEvent message)
    {
        await bus.Publish((object)message, context => context.MessageId = message.EventId);
        await Eventually.Get(() => Task.FromResult(delivered.Of(message)), n => n == 1, what: $"diplomacy to consume {message.GetType().Name}");
    }

    private Task<Commitment> Commitment(string id) =>
        suite.Client<CommitmentService.CommitmentServiceClient>("diplomacy", diplomat).GetCommitmentAsync(new GetCommitmentRequest { Id = id }).ResponseAsync;

    private Task<PartnerBrief> Brief(string nation) =>
        suite.Client<PartnerService.PartnerServiceClient>("diplomacy", diplomat)
            .GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = nation }).ResponseAsync;

    /// <summary>Counts, per event id, the deliveries the diplomacy host finished consuming, duplicates included.</summary>
    private sealed class Deliveries : IConsumeObserver
    {
        private readonly ConcurrentDictionary<Guid, int> counts = new();

        public int Of(IntegrationEvent message) => counts.GetValueOrDefault(message.EventId);

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.Message is IntegrationEvent message)
            {
                counts.AddOrUpdate(message.EventId, 1, (_, n) => n + 1);
            }
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
