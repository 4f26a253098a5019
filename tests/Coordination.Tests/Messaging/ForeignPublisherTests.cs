using System.Text.Json;
using Coordination.Auth;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Events;
using Coordination.Logistics.Persistence;
using Coordination.Messaging;
using Coordination.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.Messaging.OwnBrokerUserTests;

namespace Coordination.Tests.Messaging;

/// <summary>
/// Diplomacy and logistics on their own broker users, on a broker where logistics' permissions were never narrowed
/// (it may write every exchange): the broker cannot stop logistics from publishing personnel's events, so diplomacy must.
/// </summary>
public sealed class LogisticsWithoutNarrowedPermissions() : BrokerUserSuite(["diplomacy", "logistics"],
    new Dictionary<string, Deployment.BrokerPermission> { ["logistics"] = Everything });

/// <summary>
/// A consumer applies an event only when the broker vouches that the event's owner published it. Anything else is
/// refused: parked in the consumer's error queue with the reason, logged, counted, and not applied.
/// </summary>
public sealed class ForeignPublisherTests(LogisticsWithoutNarrowedPermissions fixture) : IClassFixture<LogisticsWithoutNarrowedPermissions>
{
    private const string ParkedQueue = "diplomacy-personnel-pledged_error";
    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat);

    [Fact]
    public async Task An_event_of_personnel_published_with_logistics_credentials_is_parked_not_applied_and_counted()
    {
        var refusedBefore = await fixture.RefusedAsync("diplomacy", nameof(PersonnelPledged), "logistics");
        var forged = Pledged("JAM", 900);

        // A compromised logistics writes personnel's event into its own outbox; its relay publishes it as logistics.
        await using (var scope = fixture.Suite.Scope("logistics"))
        {
            var db = scope.ServiceProvider.GetRequiredService<LogisticsDbContext>();
            db.Publish(forged);
            await db.SaveChangesAsync();
        }

        var parked = await Eventually.Get(() => fixture.Accounts.PeekAsync(ParkedQueue),
            messages => messages.Any(m => MessageId(m) == forged.EventId), what: "the refused event in diplomacy's error queue");
        var message = parked.Single(m => MessageId(m) == forged.EventId);
        var headers = message.GetProperty("properties").GetProperty("headers");
        Assert.Equal($"PersonnelPledged belongs to personnel but was published by logistics (broker user '{fixture.Users["logistics"].User}'): refused, not applied",
            headers.GetProperty("MT-Fault-Message").GetString());
        Assert.Equal(typeof(PublisherRefusedException).FullName, headers.GetProperty("MT-Fault-ExceptionType").GetString());
        Assert.Equal(fixture.Users["logistics"].User, headers.GetProperty(ParkedDeliveries.PublisherUserHeader).GetString());

        Assert.Equal(0, (await Brief("JAM")).PledgedOfficers);
        await using (var scope = fixture.Suite.Scope("diplomacy"))
        {
            var db = scope.ServiceProvider.GetRequiredService<DiplomacyDbContext>();
            Assert.False(await db.ProcessedMessages.AnyAsync(p => p.MessageId == forged.EventId));
        }
        // The exporter may answer a scrape from its short cache, so the count is read until it has moved.
        await Eventually.Get(() => fixture.RefusedAsync("diplomacy", nameof(PersonnelPledged), "logistics"), n => n == refusedBefore + 1,
            TimeSpan.FromSeconds(10), "the refusal to be counted");
    }

    [Fact]
    public async Task A_user_id_forged_to_be_personnels_is_refused_by_the_broker_and_changes_nothing()
    {
        var forged = Pledged("BHS", 700);

        var refusal = await fixture.PublishRawAsync("logistics", forged, userId: fixture.Users["personnel"].User);
        // The same event as personnel's own user goes through: the envelope is one diplomacy would apply.
        var genuine = Pledged("BHS", 100);
        var accepted = await fixture.PublishRawAsync("personnel", genuine, userId: fixture.Users["personnel"].User);

        Assert.Equal((ushort)406, refusal?.ReplyCode);
        Assert.Contains($"user_id property set to '{fixture.Users["personnel"].User}' but authenticated user was '{fixture.Users["logistics"].User}'",
            refusal!.ReplyText, StringComparison.Ordinal);
        Assert.Null(accepted);
        var brief = await Eventually.Get(() => Brief("BHS"), b => b.PledgedOfficers == 100, what: "diplomacy to count personnel's own pledge");
        Assert.Equal(100, brief.PledgedOfficers);
        Assert.DoesNotContain(await fixture.Accounts.PeekAsync(ParkedQueue), m => MessageId(m) == forged.EventId);
    }

    private static Guid? MessageId(JsonElement message) =>
        message.GetProperty("properties").TryGetProperty("message_id", out var id) && Guid.TryParse(id.GetString(), out var guid) ? guid : null;

    private Task<PartnerBrief> Brief(string nation) =>
        fixture.Suite.ViaGateway<PartnerService.PartnerServiceClient>(diplomat).GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = nation }).ResponseAsync;
}
