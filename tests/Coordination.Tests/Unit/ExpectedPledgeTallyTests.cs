using Coordination.Personnel.Pledges;
using Xunit;

namespace Coordination.Tests.Unit;

/// <summary>How a nation's pledges count against the officers it announced (personnel's ListExpectedPledges).</summary>
public sealed class ExpectedPledgeTallyTests
{
    private static readonly DateTime Noon = new(2024, 10, 11, 12, 0, 0, DateTimeKind.Utc);

    private static ExpectedPledge Expected(string id, int officers, DateOnly due, DateOnly announced) => new()
    {
        CommitmentId = id, Nation = "KEN", Officers = officers, DueOn = due, AnnouncedOn = announced, AnnouncedAt = announced.ToDateTime(TimeOnly.MinValue),
    };

    private static PledgeCount Pledge(string id, DateOnly on, int officers) => new(id, on, Noon, officers);

    [Fact]
    public void A_pledge_fills_the_expected_pledge_due_first_and_what_it_does_not_need_goes_on_to_the_next()
    {
        var tally = ExpectedPledgeTally.Count(
            [Expected("later", 600, new(2025, 6, 1), new(2024, 10, 11)), Expected("sooner", 100, new(2025, 1, 1), new(2024, 10, 11))],
            [Pledge("b", new(2024, 11, 2), 250), Pledge("a", new(2024, 11, 1), 400)]);

        Assert.Equal(["sooner", "later"], tally.Select(t => t.Expected.CommitmentId));
        Assert.Equal([("a", 100)], tally[0].CountedPledges);
        Assert.Equal([("a", 300), ("b", 250)], tally[1].CountedPledges);
        Assert.Equal(550, tally[1].PledgedOfficers);
    }

    [Fact]
    public void A_pledge_made_before_an_announcement_counts_only_against_those_announced_by_then_and_never_beyond_the_promise()
    {
        var tally = ExpectedPledgeTally.Count(
            [Expected("old", 100, new(2025, 6, 1), new(2024, 1, 1)), Expected("new", 500, new(2025, 1, 1), new(2024, 10, 11))],
            [Pledge("early", new(2024, 9, 1), 300), Pledge("late", new(2024, 10, 11), 700)]);

        var byId = tally.ToDictionary(t => t.Expected.CommitmentId);
        Assert.Equal([("early", 100)], byId["old"].CountedPledges);
        Assert.Equal([("late", 500)], byId["new"].CountedPledges);
    }

    [Fact]
    public void Nothing_announced_or_nothing_pledged_counts_nothing()
    {
        Assert.Empty(ExpectedPledgeTally.Count([], [Pledge("a", new(2024, 11, 1), 10)]));
        Assert.Equal(0, ExpectedPledgeTally.Count([Expected("x", 10, new(2025, 1, 1), new(2024, 1, 1))], []).Single().PledgedOfficers);
    }
}
