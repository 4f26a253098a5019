using Coordination.Contracts;
using Coordination.Errors;
using Coordination.Logistics.Sites;
using Coordination.Personnel.Contingents;
using Xunit;
using ContingentStatus = Coordination.Personnel.V1.ContingentStatus;
using SiteStatus = Coordination.Logistics.V1.SiteStatus;

namespace Coordination.Tests.Unit;

/// <summary>The status chains of contingents and sites.</summary>
public sealed class LifecycleTests
{
    private static readonly (ContingentStatus From, ContingentStatus To)[] ContingentSteps =
    [
        (ContingentStatus.Requested, ContingentStatus.Assigned),
        (ContingentStatus.Assigned, ContingentStatus.Standby),
        (ContingentStatus.Standby, ContingentStatus.Mobilized),
        (ContingentStatus.Mobilized, ContingentStatus.Deployed),
        (ContingentStatus.Deployed, ContingentStatus.Demobilizing),
        (ContingentStatus.Demobilizing, ContingentStatus.Repatriated),
    ];

    private static readonly (SiteStatus From, SiteStatus To)[] SiteSteps =
    [
        (SiteStatus.Contested, SiteStatus.Recaptured),
        (SiteStatus.Contested, SiteStatus.Lost),
        (SiteStatus.Recaptured, SiteStatus.Secured),
        (SiteStatus.Recaptured, SiteStatus.Contested),
        (SiteStatus.Recaptured, SiteStatus.Lost),
        (SiteStatus.Secured, SiteStatus.Contested),
        (SiteStatus.Secured, SiteStatus.Lost),
        (SiteStatus.Lost, SiteStatus.Contested),
        (SiteStatus.Lost, SiteStatus.Recaptured),
    ];

    [Theory]
    [InlineData(ContingentStatus.Requested, ContingentStatus.Assigned)]
    [InlineData(ContingentStatus.Assigned, ContingentStatus.Standby)]
    [InlineData(ContingentStatus.Standby, ContingentStatus.Mobilized)]
    [InlineData(ContingentStatus.Mobilized, ContingentStatus.Deployed)]
    [InlineData(ContingentStatus.Deployed, ContingentStatus.Demobilizing)]
    [InlineData(ContingentStatus.Demobilizing, ContingentStatus.Repatriated)]
    public void A_contingent_moves_one_step_along_its_chain(ContingentStatus from, ContingentStatus to)
    {
        Assert.True(ContingentLifecycle.Allows(from, to));
        ContingentLifecycle.EnsureAllowed(new string('a', 32), from, to);
    }

    [Theory]
    [InlineData(ContingentStatus.Requested, ContingentStatus.Deployed)]
    [InlineData(ContingentStatus.Requested, ContingentStatus.Requested)]
    [InlineData(ContingentStatus.Assigned, ContingentStatus.Requested)]
    [InlineData(ContingentStatus.Mobilized, ContingentStatus.Repatriated)]
    [InlineData(ContingentStatus.Deployed, ContingentStatus.Deployed)]
    [InlineData(ContingentStatus.Deployed, ContingentStatus.Repatriated)]
    [InlineData(ContingentStatus.Repatriated, ContingentStatus.Requested)]
    [InlineData(ContingentStatus.Repatriated, ContingentStatus.Deployed)]
    public void A_contingent_cannot_skip_repeat_or_go_back(ContingentStatus from, ContingentStatus to)
    {
        Assert.False(ContingentLifecycle.Allows(from, to));
        var e = Assert.Throws<PreconditionFailedException>(() => ContingentLifecycle.EnsureAllowed(new string('a', 32), from, to));
        Assert.Equal("CONTINGENT_STATUS_TRANSITION", e.Type);
        Assert.Equal($"contingents/{new string('a', 32)}", e.Subject);
        Assert.Contains($"{ProtoEnumNames.Of(from)} to {ProtoEnumNames.Of(to)}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_contingent_chain_allows_exactly_its_six_steps()
    {
        var statuses = Enum.GetValues<ContingentStatus>().Where(s => s != ContingentStatus.Unspecified).ToArray();
        var allowed = statuses.SelectMany(from => statuses.Where(to => ContingentLifecycle.Allows(from, to)).Select(to => (from, to)));

        Assert.Equal(ContingentSteps, allowed);
    }

    [Fact]
    public void A_repatriated_contingent_is_at_the_end_of_its_chain()
    {
        var e = Assert.Throws<PreconditionFailedException>(
            () => ContingentLifecycle.EnsureAllowed(new string('a', 32), ContingentStatus.Repatriated, ContingentStatus.Deployed));
        Assert.Contains("none (the chain ends here)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SiteStatus.Contested, SiteStatus.Recaptured)]
    [InlineData(SiteStatus.Contested, SiteStatus.Lost)]
    [InlineData(SiteStatus.Recaptured, SiteStatus.Secured)]
    [InlineData(SiteStatus.Recaptured, SiteStatus.Contested)]
    [InlineData(SiteStatus.Recaptured, SiteStatus.Lost)]
    [InlineData(SiteStatus.Secured, SiteStatus.Contested)]
    [InlineData(SiteStatus.Secured, SiteStatus.Lost)]
    [InlineData(SiteStatus.Lost, SiteStatus.Contested)]
    [InlineData(SiteStatus.Lost, SiteStatus.Recaptured)]
    public void A_site_may_make_each_allowed_move(SiteStatus from, SiteStatus to)
    {
        Assert.True(SiteLifecycle.Allows(from, to));
        SiteLifecycle.EnsureAllowed(new string('b', 32), from, to);
    }

    [Theory]
    [InlineData(SiteStatus.Contested, SiteStatus.Secured)]
    [InlineData(SiteStatus.Contested, SiteStatus.Contested)]
    [InlineData(SiteStatus.Recaptured, SiteStatus.Recaptured)]
    [InlineData(SiteStatus.Secured, SiteStatus.Recaptured)]
    [InlineData(SiteStatus.Secured, SiteStatus.Secured)]
    [InlineData(SiteStatus.Lost, SiteStatus.Secured)]
    [InlineData(SiteStatus.Lost, SiteStatus.Lost)]
    public void A_site_cannot_skip_to_secured_or_stay_where_it_is(SiteStatus from, SiteStatus to)
    {
        Assert.False(SiteLifecycle.Allows(from, to));
        var e = Assert.Throws<PreconditionFailedException>(() => SiteLifecycle.EnsureAllowed(new string('b', 32), from, to));
        Assert.Equal("SITE_STATUS_TRANSITION", e.Type);
        Assert.Equal($"sites/{new string('b', 32)}", e.Subject);
        Assert.Contains($"{ProtoEnumNames.Of(from)} to {ProtoEnumNames.Of(to)}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_site_lifecycle_allows_exactly_its_nine_moves()
    {
        var statuses = Enum.GetValues<SiteStatus>().Where(s => s != SiteStatus.Unspecified).ToArray();
        var allowed = statuses.SelectMany(from => statuses.Where(to => SiteLifecycle.Allows(from, to)).Select(to => (from, to)));

        Assert.Equal(SiteSteps.Order(), allowed.Order());
    }
}
