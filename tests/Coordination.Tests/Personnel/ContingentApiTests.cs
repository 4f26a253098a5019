using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Events;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Coordination.Tests.Personnel;

/// <summary>Contingents through personnel's gRPC API, on PostgreSQL.</summary>
public sealed class ContingentApiTests(PersonnelFixture fixture) : IClassFixture<PersonnelFixture>
{
    private readonly string kenyaContributor = TestTokens.For("KEN", Roles.Contributor);
    private readonly string admin = TestTokens.For("HTI", Roles.MissionAdmin);

    private ContingentService.ContingentServiceClient Contingents(string? token) => fixture.Client<ContingentService.ContingentServiceClient>(token);

    private static CreateContingentRequest NewContingent(string nation = "KEN", int officers = 200) => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        NationCode = nation,
        Name = $"{nation} FPU {Random.Shared.Next(1000)}",
        UnitType = UnitType.FormedPoliceUnit,
        OfficerCount = officers,
        TourMonths = 12,
    };

    [Fact]
    public async Task A_contributor_creates_a_contingent_of_its_own_nation_and_reads_it_back()
    {
        var created = await Contingents(kenyaContributor).CreateContingentAsync(NewContingent());

        var read = await Contingents(kenyaContributor).GetContingentAsync(new GetContingentRequest { Id = created.Id });

        Assert.Equal(ContingentStatus.Requested, read.Status);
        Assert.Equal("KEN", read.NationCode);
        Assert.Equal(200, read.OfficerCount);
        Assert.Matches("^[0-9a-f]{32}$", read.Id);
        Assert.StartsWith("test-ken-contributor", read.Audit.CreatedBy, StringComparison.Ordinal);
        Assert.Equal(created, read);
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_returns_the_first_result_and_creates_nothing_more()
    {
        var request = NewContingent("BHS");
        var token = TestTokens.For("BHS", Roles.Contributor);

        var first = await Contingents(token).CreateContingentAsync(request);
        var retry = await Contingents(token).CreateContingentAsync(request);

        Assert.Equal(first, retry);
        var list = await Contingents(token).ListContingentsAsync(new ListContingentsRequest());
        Assert.Single(list.Contingents);
    }

    [Fact]
    public async Task A_request_id_reused_for_a_different_request_is_refused()
    {
        var request = NewContingent();
        await Contingents(kenyaContributor).CreateContingentAsync(request);
        request.OfficerCount = 150;

        await RpcAssert.InvalidFields(() => Contingents(kenyaContributor).CreateContingentAsync(request).ResponseAsync, "request_id");
    }

    [Fact]
    public async Task Bad_fields_are_all_named_and_nothing_is_created()
    {
        var token = TestTokens.For("BLZ", Roles.Contributor);
        var request = new CreateContingentRequest
        {
            RequestId = "",
            NationCode = "BLZ",
            Name = "",
            UnitType = UnitType.Unspecified,
            OfficerCount = 0,
            TourMonths = 7,
            SiteId = "not-a-site",
        };

        // Only the mission posts a unit to a site: its request is the one validated field by field.
        await RpcAssert.InvalidFields(() => Contingents(admin).CreateContingentAsync(request).ResponseAsync,
            "request_id", "name", "unit_type", "officer_count", "tour_months", "site_id");

        var list = await Contingents(token).ListContingentsAsync(new ListContingentsRequest());
        Assert.Empty(list.Contingents);
    }

    [Fact]
    public async Task An_unknown_nation_code_is_invalid()
    {
        var request = NewContingent("KEN");
        request.NationCode = "XXX";

        var bad = await RpcAssert.InvalidFields(() => Contingents(admin).CreateContingentAsync(request).ResponseAsync, "nation_code");
        Assert.Contains("ISO 3166-1 alpha-3", bad.FieldViolations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contributor_of_Kenya_cannot_create_a_contingent_for_another_nation()
    {
        var e = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Contingents(kenyaContributor).CreateContingentAsync(NewContingent("USA")).ResponseAsync);
        Assert.Contains("KEN", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contributor_of_Kenya_cannot_read_or_change_another_nations_contingent()
    {
        var jamaican = await Contingents(admin).CreateContingentAsync(NewContingent("JAM", 10));

        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Contingents(kenyaContributor).GetContingentAsync(new GetContingentRequest { Id = jamaican.Id }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Contingents(kenyaContributor).ChangeContingentStatusAsync(
            new ChangeContingentStatusRequest { RequestId = "r1", Id = jamaican.Id, Status = ContingentStatus.Assigned }).ResponseAsync);

        var unchanged = await Contingents(admin).GetContingentAsync(new GetContingentRequest { Id = jamaican.Id });
        Assert.Equal(ContingentStatus.Requested, unchanged.Status);
    }

    [Fact]
    public async Task An_observer_may_neither_read_nor_create_a_contingent_not_even_of_its_own_nation()
    {
        var observer = TestTokens.For("CAN", Roles.Observer);
        var created = await Contingents(admin).CreateContingentAsync(NewContingent("CAN", 30));

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Contingents(observer).GetContingentAsync(new GetContingentRequest { Id = created.Id }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Contingents(observer).CreateContingentAsync(NewContingent("CAN")).ResponseAsync);
    }

    [Fact]
    public async Task Anonymous_and_forged_calls_are_unauthenticated()
    {
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => Contingents(null).ListContingentsAsync(new ListContingentsRequest()).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => Contingents(TestTokens.Forged("KEN", Roles.MissionAdmin)).ListContingentsAsync(new ListContingentsRequest()).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => Contingents(TestTokens.Expired("KEN", Roles.MissionAdmin)).ListContingentsAsync(new ListContingentsRequest()).ResponseAsync);
    }

    [Fact]
    public async Task An_unknown_contingent_is_not_found_and_a_malformed_id_is_invalid()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => Contingents(admin).GetContingentAsync(new GetContingentRequest { Id = new string('a', 32) }).ResponseAsync);
        await RpcAssert.InvalidFields(() => Contingents(admin).GetContingentAsync(new GetContingentRequest { Id = "42" }).ResponseAsync, "id");
    }

    [Fact]
    public async Task Lists_page_through_every_contingent_once_and_a_contributor_sees_only_its_own_nation()
    {
        var token = TestTokens.For("GTM", Roles.Contributor);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await Contingents(token).CreateContingentAsync(NewContingent("GTM", 10 + i))).Id);
        }
        await Contingents(admin).CreateContingentAsync(NewContingent("SLV"));

        var seen = new List<string>();
        var page = new PageRequest { PageSize = 2 };
        do
        {
            var response = await Contingents(token).ListContingentsAsync(new ListContingentsRequest { Page = page });
            Assert.True(response.Contingents.Count <= 2);
            seen.AddRange(response.Contingents.Select(c => c.Id));
            page = new PageRequest { PageSize = 2, PageToken = response.Page.NextPageToken };
        }
        while (page.PageToken.Length > 0);

        Assert.Equal(ids, seen);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Contingents(token).ListContingentsAsync(new ListContingentsRequest { NationCode = "SLV" }).ResponseAsync);
        await RpcAssert.InvalidFields(
            () => Contingents(token).ListContingentsAsync(new ListContingentsRequest { Page = new PageRequest { PageToken = "garbage" } }).ResponseAsync,
            "page.page_token");
    }

    [Fact]
    public async Task A_status_change_that_skips_a_step_is_refused_with_the_transition_named()
    {
        var created = await Contingents(kenyaContributor).CreateContingentAsync(NewContingent());

        var failure = await RpcAssert.FailedPrecondition(() => Contingents(admin).ChangeContingentStatusAsync(new ChangeContingentStatusRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Id = created.Id,
            Status = ContingentStatus.Deployed,
            EffectiveOn = new Date { Year = 2024, Month = 6, Day = 25 },
        }).ResponseAsync, "CONTINGENT_STATUS_TRANSITION");

        Assert.Contains("CONTINGENT_STATUS_REQUESTED to CONTINGENT_STATUS_DEPLOYED", failure.Violations[0].Description, StringComparison.Ordinal);
        var unchanged = await Contingents(kenyaContributor).GetContingentAsync(new GetContingentRequest { Id = created.Id });
        Assert.Equal(ContingentStatus.Requested, unchanged.Status);
    }

    [Fact]
    public async Task Deploying_while_no_mandate_is_known_is_refused()
    {
        await using (var scope = fixture.Suite.Scope("personnel"))
        {
            var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();
            Assert.False(await db.Mandates.AnyAsync());
        }
        var contingent = await MobilizedAsync(NewContingent("RWA", 100));

        await RpcAssert.FailedPrecondition(() => Contingents(admin).ChangeContingentStatusAsync(new ChangeContingentStatusRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Id = contingent.Id,
            Status = ContingentStatus.Deployed,
            EffectiveOn = new Date { Year = 2024, Month = 6, Day = 25 },
        }).ResponseAsync, "NO_MANDATE");
    }

    [Fact]
    public async Task Deploying_needs_the_day_it_takes_effect()
    {
        var contingent = await MobilizedAsync(NewContingent("SEN", 100));

        await RpcAssert.InvalidFields(() => Contingents(admin).ChangeContingentStatusAsync(new ChangeContingentStatusRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Id = contingent.Id,
            Status = ContingentStatus.Deployed,
        }).ResponseAsync, "effective_on");
    }

    private async Task<Coordination.Personnel.V1.Contingent> MobilizedAsync(CreateContingentRequest request)
    {
        var contingent = await Contingents(admin).CreateContingentAsync(request);
        foreach (var status in new[] { ContingentStatus.Assigned, ContingentStatus.Standby, ContingentStatus.Mobilized })
        {
            contingent = await Contingents(admin).ChangeContingentStatusAsync(new ChangeContingentStatusRequest
            {
                RequestId = Guid.NewGuid().ToString("N"),
                Id = contingent.Id,
                Status = status,
            });
        }
        Assert.Equal(ContingentStatus.Mobilized, contingent.Status);
        return contingent;
    }

    [Fact]
    public async Task The_outbox_holds_no_event_for_a_refused_change()
    {
        var created = await Contingents(admin).CreateContingentAsync(NewContingent("NGA"));
        await Assert.ThrowsAsync<RpcException>(() => Contingents(admin).ChangeContingentStatusAsync(new ChangeContingentStatusRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Id = created.Id,
            Status = ContingentStatus.Repatriated,
            EffectiveOn = new Date { Year = 2025, Month = 1, Day = 1 },
        }).ResponseAsync);

        await using var scope = fixture.Suite.Scope("personnel");
        var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Payload.Contains(created.Id) && m.MessageType == nameof(ContingentRepatriated)));
    }
}
