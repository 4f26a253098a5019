using System.Globalization;
using Coordination.Common.V1;
using Coordination.Contracts;
using Coordination.Validation;
using Xunit;

namespace Coordination.Tests.Unit;

/// <summary>
/// The one rule every service applies to the days a client sends (here on 2025-06-30 by UTC): a fact at most tomorrow,
/// a plan within its horizon and, when it must not have passed, from today; nothing before 2000-01-01.
/// </summary>
public sealed class DateBoundsTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);

    private static Date D(string day) => DateOnly.Parse(day, CultureInfo.InvariantCulture).ToProto();

    private static bool Accepted(Func<Violations, DateOnly?> read)
    {
        var v = new Violations();
        var day = read(v);
        Assert.Equal(v.Any, day is null);
        return !v.Any;
    }

    [Theory]
    [InlineData("2025-07-01", true)] // tomorrow by UTC: already today in Nairobi
    [InlineData("2025-07-02", false)]
    [InlineData("2000-01-01", true)]
    [InlineData("1999-12-31", false)]
    [InlineData("9999-12-31", false)]
    public void A_fact_is_dated_from_2000_to_tomorrow(string day, bool accepted) =>
        Assert.Equal(accepted, Accepted(v => v.RequiredFact(D(day), "on", Today)));

    [Theory]
    [InlineData("2000-01-01", true)] // a mandate's period may have begun long ago
    [InlineData("1999-12-31", false)]
    [InlineData("2035-06-30", true)]
    [InlineData("2035-07-01", false)]
    public void A_plan_that_may_have_passed_reaches_from_2000_to_its_horizon(string day, bool accepted) =>
        Assert.Equal(accepted, Accepted(v => v.RequiredPlan(D(day), "period_end", Today, DateBounds.MandateCalendar)));

    [Theory]
    [InlineData("2025-06-29", false)]
    [InlineData("2025-06-30", true)]
    [InlineData("2027-06-30", true)] // 730 days ahead
    [InlineData("2027-07-01", false)]
    public void An_upcoming_plan_reaches_from_today_to_its_horizon(string day, bool accepted) =>
        Assert.Equal(accepted, Accepted(v => v.RequiredUpcoming(D(day), "needed_by", Today, Horizon.Days(730))));

    [Fact]
    public void A_day_of_someones_own_past_is_bounded_by_the_clock_but_not_by_2000()
    {
        Assert.True(Accepted(v => v.HasHappened(new DateOnly(1975, 3, 1), "obtained_on", Today)));
        Assert.False(Accepted(v => v.HasHappened(new DateOnly(2025, 7, 2), "obtained_on", Today)));
    }

    [Fact]
    public void A_day_before_the_one_that_must_come_first_is_refused_and_names_both()
    {
        var v = new Violations();

        Assert.Null(v.NotBefore(new DateOnly(2025, 1, 14), new DateOnly(2025, 1, 15), "reported_on", "decided_on"));
        Assert.Equal("2025-01-14 is before decided_on (2025-01-15)", Assert.Single(v.Items).Description);
        Assert.Equal(new DateOnly(2025, 1, 15), v.NotBefore(new DateOnly(2025, 1, 15), new DateOnly(2025, 1, 15), "reported_on", "decided_on"));
    }

    [Fact]
    public void Optional_days_are_checked_only_when_given()
    {
        Assert.True(Accepted(v => v.OptionalFact(null, "reported_on", Today) ?? Today));
        Assert.True(Accepted(v => v.OptionalUpcoming(null, "expected_by", Today, Horizon.Days(730)) ?? Today));
        Assert.False(Accepted(v => v.OptionalUpcoming(D("2025-06-29"), "expected_by", Today, Horizon.Days(730))));
    }
}
