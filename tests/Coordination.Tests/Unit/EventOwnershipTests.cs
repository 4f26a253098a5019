using System.Text.RegularExpressions;
using Coordination.Events;
using Coordination.Messaging;
using Coordination.Tests.Deployment;
using Coordination.Tests.Infrastructure;
using Xunit;

namespace Coordination.Tests.Unit;

/// <summary>Every event has one owner in the catalog, the one docs/events.md names; publisher users must match it.</summary>
public sealed partial class EventOwnershipTests
{
    [Fact]
    public void Every_event_in_the_catalog_has_one_owner_and_it_is_a_service()
    {
        Assert.All(EventCatalog.All, e => Assert.Contains(EventCatalog.OwnerOf(e), Suite.Services));
        Assert.Equal(EventCatalog.All.Count(), Suite.Services.Sum(s => EventCatalog.OwnedBy(s).Count()));
    }

    [Fact]
    public void The_owner_of_each_event_is_the_service_docs_events_names_as_its_publisher()
    {
        var documented = EventRow().Matches(Repository.Read("docs", "events.md"))
            .ToDictionary(m => m.Groups["event"].Value, m => m.Groups["from"].Value);

        Assert.Equal(
            EventCatalog.All.Select(e => e.Name).Order().Select(name => $"{name}: {EventCatalog.OwnerOf(EventCatalog.Find(name)!)}"),
            documented.Keys.Order().Select(name => $"{name}: {documented[name]}"));
    }

    [Fact]
    public void A_service_that_connects_as_another_services_broker_user_does_not_start()
    {
        var options = Options("amqp://coordination-logistics:secret@broker:5672/coordination");

        var refused = Assert.Throws<InvalidOperationException>(() => PublisherCheck.ForBroker("finance", options));

        Assert.Contains("Messaging:PublisherUsers:finance is 'coordination-finance', but Messaging:RabbitMqUri connects as 'coordination-logistics'",
            refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Publisher_users_that_leave_out_an_owner_of_events_are_refused_and_none_at_all_only_where_any_publisher_is_accepted()
    {
        var options = Options("amqp://coordination-finance:secret@broker:5672/coordination");
        options.PublisherUsers.Remove("diplomacy");

        var refused = Assert.Throws<InvalidOperationException>(() => PublisherCheck.ForBroker("finance", options));

        Assert.Contains("names no broker user for diplomacy", refused.Message, StringComparison.Ordinal);
        Assert.True(PublisherCheck.ForBroker("finance", Options("amqp://coordination-finance:secret@broker:5672/coordination")).Enforced);
        Assert.Throws<InvalidOperationException>(() => PublisherCheck.ForBroker("finance", new MessagingOptions { RabbitMqUri = "amqp://guest:guest@broker:5672/" }));
        Assert.False(PublisherCheck.ForBroker("finance", new MessagingOptions { RabbitMqUri = "amqp://guest:guest@broker:5672/", AcceptAnyPublisher = true }).Enforced);
    }

    [Fact]
    public void A_service_on_RabbitMQ_without_publisher_users_does_not_start_unless_told_to_accept_any_publisher()
    {
        var settings = SuiteHost.HostSettings(new Dictionary<string, string?>
        {
            ["Messaging:RabbitMqUri"] = "amqp://guest:guest@127.0.0.1:5672/",
            ["ConnectionStrings:Database"] = "Host=127.0.0.1;Database=never-opened",
        });
        settings.Remove("Messaging:AcceptAnyPublisher");

        var refused = Assert.Throws<InvalidOperationException>(() => SuiteHost.Modules["finance"].Build(settings));

        Assert.Contains("Messaging:PublisherUsers", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Messaging:AcceptAnyPublisher", refused.Message, StringComparison.Ordinal);
        settings["Messaging:AcceptAnyPublisher"] = "true";
        using var accepting = SuiteHost.Modules["finance"].Build(settings);
    }

    private static MessagingOptions Options(string uri)
    {
        var options = new MessagingOptions { RabbitMqUri = uri };
        foreach (var service in Suite.Services)
        {
            options.PublisherUsers[service] = $"coordination-{service}";
        }
        return options;
    }

    [GeneratedRegex(@"^\| `(?<event>\w+)` \| (?<from>\w+) \|", RegexOptions.Multiline)]
    private static partial Regex EventRow();
}
