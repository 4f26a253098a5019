using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Diplomacy.Deadlines;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.Diplomacy;

/// <summary>Deadlines by diplomacy's clock, which the test sets: expiry warnings at 90 and 30 days, slipping commitments, overdue follow-ups.</summary>
public sealed class DeadlineTests : IAsyncLifetime
{
    private readonly TestClock clock = new(new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat);
    private SuiteHost suite = null!;

    public async Task InitializeAsync() => suite = await SuiteHost.StartAsync(["diplomacy"],
        settingsFor: _ => new Dictionary<string, string?> { ["Diplomacy:Deadlines:CheckInterval"] = "01:00:00" },
        services: s => s.AddSingleton<TimeProvider>(clock));

    public Task DisposeAsync() => suite.DisposeAsync().AsTask();

    private Task CheckDeadlinesAsync() =>
        suite.Service("diplomacy").Services.GetRequiredService<DeadlineWatch>().CheckAsync(CancellationToken.None);

    private async Task<List<(string Type, string Payload)>> OutboxAsync(string type)
    {
        await using var scope = suite.Scope("diplomacy");
        var db = scope.ServiceProvider.GetRequiredService<DiplomacyDbContext>();
        return (await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == type).OrderBy(m => m.OccurredAt).ToListAsync())
            .Select(m => (m.MessageType, m.Payload)).ToList();
    }

    [Fact]
    public async Task A_mandate_ending_unrenewed_is_announced_once_at_90_days_and_once_at_30_and_a_renewal_restarts_the_count()
    {
        var mandates = suite.Client<MandateService.MandateServiceClient>("diplomacy", diplomat);
        var mandate = await mandates.AdoptMandateAsync(new AdoptMandateRequest
        {
            RequestId = NewId(),
            ResolutionSymbol = "S/RES/2699 (2023)",
            AdoptedOn = Day(2023, 10, 2),
            PeriodStart = Day(2023, 10, 2),
            PeriodEnd = Day(2024, 10, 1),
            PersonnelCeiling = 2_500,
        });

        clock.SetToday(new DateOnly(2024, 7, 2)); // 91 days before the end
        await CheckDeadlinesAsync();
        Assert.Empty(await OutboxAsync("MandateExpiring"));

        clock.SetToday(new DateOnly(2024, 7, 3)); // 90 days before
        await CheckDeadlinesAsync();
        await CheckDeadlinesAsync();
        var warnings = await OutboxAsync("MandateExpiring");
        Assert.Single(warnings);
        Assert.Contains("\"daysBefore\":90", warnings[0].Payload, StringComparison.Ordinal);

        clock.SetToday(new DateOnly(2024, 9, 1)); // 30 days before
        await CheckDeadlinesAsync();
        warnings = await OutboxAsync("MandateExpiring");
        Assert.Equal(2, warnings.Count);
        Assert.Contains("\"daysBefore\":30", warnings[1].Payload, StringComparison.Ordinal);

        clock.SetToday(new DateOnly(2024, 9, 30)); // the Council renews on the day it votes
        await mandates.ExtendMandateAsync(new ExtendMandateRequest
        {
            RequestId = NewId(), Id = mandate.Id, ResolutionSymbol = "S/RES/2751 (2024)", AdoptedOn = Day(2024, 9, 30), PeriodEnd = Day(2025, 10, 2),
        });
        clock.SetToday(new DateOnly(2025, 7, 4)); // 90 days before the new end
        await CheckDeadlinesAsync();
        // The relay purges published events two weeks (by this clock) after publishing: count the notices instead.
        await using (var notices = suite.Scope("diplomacy"))
        {
            var noticeDb = notices.ServiceProvider.GetRequiredService<DiplomacyDbContext>();
            Assert.Equal(["2024-10-01 MandateExpiring:30", "2024-10-01 MandateExpiring:90", "2025-10-02 MandateExpiring:90"],
                (await noticeDb.DeadlineNotices.AsNoTracking().ToListAsync()).Select(n => $"{n.Deadline:yyyy-MM-dd} {n.Kind}").Order());
        }
        Assert.Contains("\"periodEnd\":\"2025-10-02\"", (await OutboxAsync("MandateExpiring"))[^1].Payload, StringComparison.Ordinal);

        // The warnings reach the broker, like every event.
        await using var scope = suite.Scope("diplomacy");
        var db = scope.ServiceProvider.GetRequiredService<DiplomacyDbContext>();
        await Eventually.Get(() => db.OutboxMessages.AsNoTracking().CountAsync(m => m.MessageType == "MandateExpiring" && m.DispatchedAt == null),
            pending => pending == 0, what: "the warnings to be published");
    }

    [Fact]
    public async Task A_commitment_past_due_and_short_is_slipping_and_announced_once()
    {
        var commitments = suite.Client<CommitmentService.CommitmentServiceClient>("diplomacy", diplomat);
        var commitment = await commitments.AnnounceCommitmentAsync(new AnnounceCommitmentRequest
        {
            RequestId = NewId(),
            NationCode = "KEN",
            Kind = CommitmentKind.Personnel,
            Description = "600 more officers, ready next month",
            AnnouncedOn = Day(2024, 6, 1),
            DueOn = Day(2024, 7, 31),
            Officers = 600,
        });
        Assert.Equal(CommitmentState.Open, commitment.State);

        clock.SetToday(new DateOnly(2024, 8, 1));
        await CheckDeadlinesAsync();
        await CheckDeadlinesAsync();

        var read = await commitments.GetCommitmentAsync(new GetCommitmentRequest { Id = commitment.Id });
        Assert.Equal(CommitmentState.Slipping, read.State);
        var slipping = Assert.Single(await OutboxAsync("CommitmentSlipping"));
        Assert.Contains(commitment.Id, slipping.Payload, StringComparison.Ordinal);
        Assert.Contains("\"promised\":600", slipping.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Follow_ups_past_due_are_listed_most_overdue_first_until_done_and_done_once()
    {
        var engagements = suite.Client<EngagementService.EngagementServiceClient>("diplomacy", diplomat);
        var engagement = await engagements.RecordEngagementAsync(new RecordEngagementRequest
        {
            RequestId = NewId(),
            Kind = EngagementKind.Meeting,
            Title = "President Ruto and Prime Minister Conille, State House Nairobi",
            HeldOn = Day(2024, 6, 1),
            Location = "State House, Nairobi",
            Participants = { new Participant { NationCode = "KEN", Role = "President" }, new Participant { NationCode = "HTI", Role = "Prime Minister" } },
            Outcome = "Kenya to send 600 more officers; cooperation on tourism and culture.",
            FollowUps =
            {
                new NewFollowUp { Action = "Confirm deployment dates of the 600 officers", Owner = "KEN Ministry of Interior", DueOn = Day(2024, 6, 15) },
                new NewFollowUp { Action = "Draft MOU on tourism and culture", Owner = "HTI Ministry of Foreign Affairs", DueOn = Day(2024, 6, 30) },
                new NewFollowUp { Action = "Brief the trust fund donors", Owner = "Mission HQ", DueOn = Day(2024, 9, 1) },
            },
        });

        clock.SetToday(new DateOnly(2024, 7, 10));
        var overdue = await engagements.ListOverdueFollowUpsAsync(new ListOverdueFollowUpsRequest());
        Assert.Equal(["Confirm deployment dates of the 600 officers", "Draft MOU on tourism and culture"], overdue.FollowUps.Select(f => f.FollowUp.Action));
        Assert.Equal([25, 10], overdue.FollowUps.Select(f => f.DaysOverdue));
        Assert.All(overdue.FollowUps, f => Assert.Equal(engagement.Id, f.EngagementId));

        var first = engagement.FollowUps.Single(f => f.Action.StartsWith("Confirm", StringComparison.Ordinal));
        var complete = new CompleteFollowUpRequest { RequestId = NewId(), EngagementId = engagement.Id, FollowUpId = first.Id, CompletedOn = Day(2024, 7, 10) };
        await engagements.CompleteFollowUpAsync(complete);
        Assert.Single((await engagements.ListOverdueFollowUpsAsync(new ListOverdueFollowUpsRequest())).FollowUps);

        await RpcAssert.FailedPrecondition(() => engagements.CompleteFollowUpAsync(new CompleteFollowUpRequest
        {
            RequestId = NewId(), EngagementId = engagement.Id, FollowUpId = first.Id, CompletedOn = Day(2024, 7, 11),
        }).ResponseAsync, "FOLLOW_UP_DONE");
    }
}
