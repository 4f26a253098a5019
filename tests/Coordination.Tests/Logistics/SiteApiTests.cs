using System.Text.Json;
using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Events;
using Coordination.Logistics.Persistence;
using Coordination.Logistics.V1;
using Coordination.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Coordination.Tests.Logistics;

/// <summary>Critical sites through logistics' gRPC API, on PostgreSQL.</summary>
public sealed class SiteApiTests(LogisticsFixture fixture) : IClassFixture<LogisticsFixture>
{
    private const string OfficerSubject = "hti-logistics-desk";

    private readonly string officer = TestTokens.For("HTI", Roles.LogisticsOfficer, OfficerSubject);
    private readonly string contributor = TestTokens.For("KEN", Roles.Contributor);
    private readonly string observer = TestTokens.For("CAN", Roles.Observer);

    private SiteService.SiteServiceClient Sites(string? token) => fixture.Client<SiteService.SiteServiceClient>(token);

    private static CreateSiteRequest NewSite(string name = "State University Hospital", SiteStatus status = SiteStatus.Contested) => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        Name = $"{name} {Guid.NewGuid():N}",
        Kind = SiteKind.Hospital,
        Location = new LatLng { Latitude = 18.5392, Longitude = -72.3364 },
        Status = status,
        RequiredPosture = 120,
    };

    private static ChangeSiteStatusRequest Change(string id, SiteStatus status, string reason = "Recaptured with the HNP on 2024-07-09") => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        Id = id,
        Status = status,
        Reason = reason,
    };

    private async Task<List<Coordination.Logistics.V1.Site>> AllSitesAsync(string token, SiteStatus status = SiteStatus.Unspecified, int pageSize = 2)
    {
        var seen = new List<Coordination.Logistics.V1.Site>();
        var page = new PageRequest { PageSize = pageSize };
        do
        {
            var response = await Sites(token).ListSitesAsync(new ListSitesRequest { Page = page, Status = status });
            Assert.True(response.Sites.Count <= pageSize, $"A page of size {pageSize} held {response.Sites.Count} sites.");
            seen.AddRange(response.Sites);
            page = new PageRequest { PageSize = pageSize, PageToken = response.Page.NextPageToken };
        }
        while (page.PageToken.Length > 0);
        return seen;
    }

    /// <summary>
    /// The site as the database keeps it: PostgreSQL stores times to the microsecond, while a create or change call
    /// answers with the clock's 100 ns ticks (see <see cref="A_registered_site_reads_back_exactly_as_the_create_call_returned_it"/>).
    /// </summary>
    private static Coordination.Logistics.V1.Site AsStored(Coordination.Logistics.V1.Site site)
    {
        var stored = site.Clone();
        stored.Audit.CreateTime = ToMicroseconds(stored.Audit.CreateTime);
        stored.Audit.UpdateTime = ToMicroseconds(stored.Audit.UpdateTime);
        return stored;
    }

    private static Timestamp ToMicroseconds(Timestamp time) => new() { Seconds = time.Seconds, Nanos = time.Nanos / 1_000 * 1_000 };

    private async Task<List<Coordination.Logistics.V1.SiteStatusChange>> HistoryAsync(string id, string? token = null) =>
        [.. (await Sites(token ?? officer).ListSiteStatusChangesAsync(new ListSiteStatusChangesRequest { Id = id })).Changes];

    [Fact]
    public async Task A_logistics_officer_registers_a_site_and_reads_it_back()
    {
        var request = NewSite("National Palace");
        request.Kind = SiteKind.Government;

        var created = await Sites(officer).CreateSiteAsync(request);
        var read = await Sites(officer).GetSiteAsync(new GetSiteRequest { Id = created.Id });

        Assert.Matches("^[0-9a-f]{32}$", read.Id);
        Assert.Equal(request.Name, read.Name);
        Assert.Equal(SiteKind.Government, read.Kind);
        Assert.Equal(SiteStatus.Contested, read.Status);
        Assert.Equal(18.5392, read.Location.Latitude);
        Assert.Equal(-72.3364, read.Location.Longitude);
        Assert.Equal(120, read.RequiredPosture);
        Assert.Equal(0, read.SupportedPersonnel);
        Assert.Equal(OfficerSubject, read.Audit.CreatedBy);
        Assert.Equal(request.RequestId, read.Audit.LastRequestId);
        Assert.Equal(AsStored(created), read);
        Assert.Empty(await HistoryAsync(created.Id));
    }

    [Fact]
    public async Task A_registered_site_reads_back_exactly_as_the_create_call_returned_it()
    {
        // Several records, so a clock that happens to land on a whole microsecond cannot hide a difference.
        for (var i = 0; i < 5; i++)
        {
            var created = await Sites(officer).CreateSiteAsync(NewSite("Champ de Mars"));

            var read = await Sites(officer).GetSiteAsync(new GetSiteRequest { Id = created.Id });

            // The same record must carry the same audit times whichever call returns it.
            Assert.Equal(created.Audit.CreateTime, read.Audit.CreateTime);
            Assert.Equal(created, read);
        }
    }

    [Fact]
    public async Task A_request_id_with_a_trailing_newline_is_invalid()
    {
        var request = NewSite("Petion-Ville station");
        request.RequestId = "r1\n";

        await RpcAssert.InvalidFields(() => Sites(officer).CreateSiteAsync(request).ResponseAsync, "request_id");
    }

    [Fact]
    public async Task Sites_page_in_registration_order_each_once_and_filter_by_status()
    {
        var contested = new List<string>();
        var secured = new List<string>();
        var all = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var status = i % 2 == 0 ? SiteStatus.Contested : SiteStatus.Secured;
            var id = (await Sites(officer).CreateSiteAsync(NewSite($"Police station {i}", status))).Id;
            (status == SiteStatus.Contested ? contested : secured).Add(id);
            all.Add(id);
        }

        var everything = (await AllSitesAsync(officer)).Select(s => s.Id).ToList();
        Assert.Equal(everything.Distinct().Count(), everything.Count);
        Assert.Equal(all, everything.Where(all.Contains));

        var onlySecured = await AllSitesAsync(officer, SiteStatus.Secured);
        Assert.All(onlySecured, s => Assert.Equal(SiteStatus.Secured, s.Status));
        Assert.Equal(secured, onlySecured.Select(s => s.Id).Where(all.Contains));
        Assert.DoesNotContain(onlySecured, s => contested.Contains(s.Id));

        await RpcAssert.InvalidFields(
            () => Sites(officer).ListSitesAsync(new ListSitesRequest { Page = new PageRequest { PageToken = "forged" } }).ResponseAsync,
            "page.page_token");
    }

    [Fact]
    public async Task Contested_to_recaptured_to_secured_is_recorded_in_the_history_with_reason_author_and_order()
    {
        var site = await Sites(officer).CreateSiteAsync(NewSite("Port-au-Prince port"));

        var recaptured = await Sites(officer).ChangeSiteStatusAsync(Change(site.Id, SiteStatus.Recaptured, "Recaptured with the HNP on 2024-07-09"));
        var securing = Change(site.Id, SiteStatus.Secured, "Perimeter held for 72 hours");
        var secured = await Sites(officer).ChangeSiteStatusAsync(securing);

        Assert.Equal(SiteStatus.Recaptured, recaptured.Status);
        Assert.Equal(SiteStatus.Secured, secured.Status);
        Assert.Equal(OfficerSubject, secured.Audit.UpdatedBy);
        Assert.Equal(securing.RequestId, secured.Audit.LastRequestId);
        Assert.Equal(AsStored(secured), await Sites(officer).GetSiteAsync(new GetSiteRequest { Id = site.Id }));

        var history = await HistoryAsync(site.Id);
        Assert.Equal(2, history.Count);
        Assert.Equal((SiteStatus.Contested, SiteStatus.Recaptured), (history[0].PreviousStatus, history[0].Status));
        Assert.Equal((SiteStatus.Recaptured, SiteStatus.Secured), (history[1].PreviousStatus, history[1].Status));
        Assert.Equal("Recaptured with the HNP on 2024-07-09", history[0].Reason);
        Assert.Equal("Perimeter held for 72 hours", history[1].Reason);
        Assert.All(history, c => Assert.Equal(OfficerSubject, c.ChangedBy));
        Assert.True(history[0].ChangeTime <= history[1].ChangeTime);
    }

    [Fact]
    public async Task A_transition_the_lifecycle_forbids_is_refused_with_its_type_and_changes_nothing()
    {
        var site = await Sites(officer).CreateSiteAsync(NewSite("Toussaint Louverture airport"));

        var skip = await RpcAssert.FailedPrecondition(
            () => Sites(officer).ChangeSiteStatusAsync(Change(site.Id, SiteStatus.Secured)).ResponseAsync, "SITE_STATUS_TRANSITION");
        Assert.Contains("SITE_STATUS_CONTESTED to SITE_STATUS_SECURED", skip.Violations[0].Description, StringComparison.Ordinal);
        Assert.Equal($"sites/{site.Id}", skip.Violations[0].Subject);

        var same = await RpcAssert.FailedPrecondition(
            () => Sites(officer).ChangeSiteStatusAsync(Change(site.Id, SiteStatus.Contested)).ResponseAsync, "SITE_STATUS_TRANSITION");
        Assert.Contains("SITE_STATUS_CONTESTED to SITE_STATUS_CONTESTED", same.Violations[0].Description, StringComparison.Ordinal);

        Assert.Equal(AsStored(site), await Sites(officer).GetSiteAsync(new GetSiteRequest { Id = site.Id }));
        Assert.Empty(await HistoryAsync(site.Id));
        await using var scope = fixture.Suite.Scope("logistics");
        var db = scope.ServiceProvider.GetRequiredService<LogisticsDbContext>();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.MessageType == nameof(SiteStatusChanged) && m.Payload.Contains(site.Id)));
    }

    [Fact]
    public async Task A_contributor_or_an_observer_cannot_register_or_change_sites_and_reads_them_but_not_their_history()
    {
        var site = await Sites(officer).CreateSiteAsync(NewSite("General hospital annex"));

        foreach (var token in new[] { contributor, observer })
        {
            var denied = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Sites(token).CreateSiteAsync(NewSite("Cite Soleil station")).ResponseAsync);
            Assert.Contains(Roles.LogisticsOfficer, denied.Status.Detail, StringComparison.Ordinal);
            await RpcAssert.FailsWith(StatusCode.PermissionDenied,
                () => Sites(token).ChangeSiteStatusAsync(Change(site.Id, SiteStatus.Recaptured)).ResponseAsync);

            Assert.Equal(AsStored(site), await Sites(token).GetSiteAsync(new GetSiteRequest { Id = site.Id }));
            Assert.Contains(await AllSitesAsync(token, pageSize: 50), s => s.Id == site.Id);
            await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => HistoryAsync(site.Id, token));
        }

        Assert.DoesNotContain(await AllSitesAsync(officer, pageSize: 500), s => s.Name.StartsWith("Cite Soleil station", StringComparison.Ordinal));
        Assert.Equal(SiteStatus.Contested, (await Sites(officer).GetSiteAsync(new GetSiteRequest { Id = site.Id })).Status);
    }

    [Fact]
    public async Task Bad_site_fields_are_named_and_nothing_is_registered()
    {
        var outOfRange = NewSite("Nowhere");
        outOfRange.Location.Latitude = 91;
        outOfRange.Kind = SiteKind.Unspecified;
        await RpcAssert.InvalidFields(() => Sites(officer).CreateSiteAsync(outOfRange).ResponseAsync, "location.latitude", "kind");

        var unlocated = NewSite("Nowhere either");
        unlocated.Location = null;
        await RpcAssert.InvalidFields(() => Sites(officer).CreateSiteAsync(unlocated).ResponseAsync, "location");

        var site = await Sites(officer).CreateSiteAsync(NewSite("Delmas 33 station"));
        await RpcAssert.InvalidFields(() => Sites(officer).ChangeSiteStatusAsync(Change(site.Id, SiteStatus.Recaptured, "")).ResponseAsync, "reason");

        var names = (await AllSitesAsync(officer, pageSize: 500)).Select(s => s.Name).ToList();
        Assert.DoesNotContain(outOfRange.Name, names);
        Assert.DoesNotContain(unlocated.Name, names);
        Assert.Empty(await HistoryAsync(site.Id));
    }

    [Fact]
    public async Task A_second_site_with_the_same_name_already_exists()
    {
        var first = NewSite("Port of Saint-Marc");
        await Sites(officer).CreateSiteAsync(first);
        var second = NewSite();
        second.Name = first.Name;

        var e = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => Sites(officer).CreateSiteAsync(second).ResponseAsync);

        Assert.Contains(first.Name, e.Status.Detail, StringComparison.Ordinal);
        Assert.Single(await AllSitesAsync(officer, pageSize: 500), s => s.Name == first.Name);
    }

    [Fact]
    public async Task A_retried_status_change_returns_the_first_answer_and_records_one_history_entry()
    {
        var site = await Sites(officer).CreateSiteAsync(NewSite("Cap-Haitien port"));
        var request = Change(site.Id, SiteStatus.Recaptured);

        var first = await Sites(officer).ChangeSiteStatusAsync(request);
        var retry = await Sites(officer).ChangeSiteStatusAsync(request);

        Assert.Equal(first, retry);
        Assert.Single(await HistoryAsync(site.Id));
        await using var scope = fixture.Suite.Scope("logistics");
        var db = scope.ServiceProvider.GetRequiredService<LogisticsDbContext>();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.MessageType == nameof(SiteStatusChanged) && m.Payload.Contains(site.Id)));
    }

    [Fact]
    public async Task A_status_change_writes_a_SiteStatusChanged_event_to_the_outbox()
    {
        var site = await Sites(officer).CreateSiteAsync(NewSite("Ministry of Justice"));
        await Sites(officer).ChangeSiteStatusAsync(Change(site.Id, SiteStatus.Lost, "Overrun on 2024-03-02"));

        await using var scope = fixture.Suite.Scope("logistics");
        var db = scope.ServiceProvider.GetRequiredService<LogisticsDbContext>();
        var row = await db.OutboxMessages.SingleAsync(m => m.MessageType == "SiteStatusChanged" && m.Payload.Contains(site.Id));

        var message = JsonSerializer.Deserialize<SiteStatusChanged>(row.Payload, EventCatalog.JsonOptions);
        Assert.NotNull(message);
        Assert.Equal(site.Id, message.SubjectId);
        Assert.Equal(site.Name, message.SiteName);
        Assert.Equal("CONTESTED", message.PreviousStatus);
        Assert.Equal("LOST", message.Status);
        Assert.Equal("Overrun on 2024-03-02", message.Reason);
        Assert.Equal(message.EventId, row.Id);
    }

    [Fact]
    public async Task An_unknown_site_is_not_found_and_a_malformed_id_is_invalid()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => Sites(officer).GetSiteAsync(new GetSiteRequest { Id = new string('b', 32) }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => Sites(officer).ChangeSiteStatusAsync(Change(new string('b', 32), SiteStatus.Recaptured)).ResponseAsync);
        await RpcAssert.InvalidFields(() => Sites(officer).GetSiteAsync(new GetSiteRequest { Id = "palace" }).ResponseAsync, "id");
    }
}
