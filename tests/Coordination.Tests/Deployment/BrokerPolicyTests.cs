using Xunit;

namespace Coordination.Tests.Deployment;

/// <summary>
/// Each service reaches the broker with a credential of its own, as a user of its own, that may write only its own
/// exchanges; the in-cluster broker creates those users with the permissions every broker imports.
/// </summary>
public sealed class BrokerPolicyTests
{
    public static TheoryData<string> Overlays => new(Suite.Overlays);

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_service_knows_the_one_broker_user_each_service_publishes_as(string overlay) =>
        PolicyAssert.Holds(BrokerPolicies.PublisherUsersConfigured(Manifests.Of(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void No_service_is_told_to_accept_events_from_any_publisher(string overlay) =>
        PolicyAssert.Holds(BrokerPolicies.NoServiceAcceptsAnyPublisher(Manifests.Of(overlay)));

    [Fact]
    public void The_in_cluster_broker_creates_each_services_user_from_that_services_own_secret() =>
        PolicyAssert.Holds(BrokerPolicies.BrokerCreatesEachUser(Manifests.Of("development")));

    [Fact]
    public void Each_services_broker_user_may_write_only_its_own_event_exchanges_and_queues() =>
        PolicyAssert.Holds(BrokerPolicies.PermissionsFitOwnership(Manifests.Of("development")));
}
