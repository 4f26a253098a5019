using System.Text.Json;
using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Events;
using Coordination.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Coordination.Tests.Diplomacy;

/// <summary>Mandates and partner briefs through diplomacy's gRPC API, on PostgreSQL.</summary>
public sealed class MandateApiTests(DiplomacyFixture fixture) : IClassFixture<DiplomacyFixture>
{
    private const string DiplomatSubject = "hti-political-affairs";

    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat, DiplomatSubject);
    private readonly string contributor = TestTokens.For("KEN", Roles.Contributor);
    private readonly string observer = TestTokens.For("CAN", Roles.Observer);

    private MandateService.MandateServiceClient Mandates(string? token) => fixture.Client<MandateService.MandateServiceClient>(token);

    private PartnerService.PartnerServiceClient Partners(string? token) => fixture.Client<PartnerService.PartnerServiceClient>(token);

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    /// <summary>A symbol no other test uses, shaped like the Council's.</summary>
    private static string NewSymbol() => $"S/RES/T{Guid.NewGuid():N} (2024)";

    private static AdoptMandateRequest Resolution2699() => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        ResolutionSymbol = "S/RES/2699 (2023)",
        AdoptedOn = Day(2023, 10, 2),
        Vote = new Vote { InFavour = 13, Against = 0, Abstentions = 2 },
        PeriodStart = Day(2023, 10, 2),
        PeriodEnd = Day(2024, 10, 1),
        PersonnelCeiling = 2500,
    };

    /// <summary>A mandate like S/RES/2699 under a fresh symbol.</summary>
    private static AdoptMandateRequest NewMandate()
    {
        var request = Resolution2699();
        request.ResolutionSymbol = NewSymbol();
        return request;
    }

    private static ExtendMandateRequest Renewal(string id, string symbol, Date adoptedOn, Date periodEnd, int ceiling = 0) => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        Id = id,
        ResolutionSymbol = symbol,
        AdoptedOn = adoptedOn,
        PeriodEnd = periodEnd,
        PersonnelCeiling = ceiling,
        Vote = new Vote { InFavour = 12, Against = 0, Abstentions = 3 },
    };

    private async Task<List<Mandate>> AllMandatesAsync(string token, int pageSize)
    {
        var seen = new List<Mandate>();
        var page = new PageRequest { PageSize = pageSize };
        do
        {
            var response = await Mandates(token).ListMandatesAsync(new ListMandatesRequest { Page = page });
            Assert.True(response.Mandates.Count <= pageSize, $"A page of size {pageSize} held {response.Mandates.Count} mandates.");
            seen.AddRange(response.Mandates);
            page = new PageRequest { PageSize = pageSize, PageToken = response.Page.NextPageToken };
        }
        while (page.PageToken.Length > 0);
        return seen;
    }

    /// <summary>
    /// The mandate as the database keeps it: PostgreSQL stores times to the microsecond, while an adopt or extend call
    /// answers with the clock's 100 ns ticks (see <see cref="An_adopted_mandate_reads_back_exactly_as_the_adopt_call_returned_it"/>).
    /// </summary>
    private static Mandate AsStored(Mandate mandate)
    {
        var stored = mandate.Clone();
        stored.Audit.CreateTime = ToMicroseconds(stored.Audit.CreateTime);
        stored.Audit.UpdateTime = ToMicroseconds(stored.Audit.UpdateTime);
        return stored;
    }

    private static Timestamp ToMicroseconds(Timestamp time) => new() { Seconds = time.Seconds, Nanos = time.Nanos / 1_000 * 1_000 };

    private async Task<Mandate> GetAsync(string id, string? token = null) =>
        await Mandates(token ?? diplomat).GetMandateAsync(new GetMandateRequest { Id = id });

    [Fact]
    public async Task A_diplomat_adopts_S_RES_2699_then_extends_it_with_S_RES_2751_and_the_renewal_is_kept()
    {
        var request = Resolution2699();
        var adopted = await Mandates(diplomat).AdoptMandateAsync(request);

        Assert.Matches("^[0-9a-f]{32}$", adopted.Id);
        Assert.Equal("S/RES/2699 (2023)", adopted.ResolutionSymbol);
        Assert.Equal(Day(2023, 10, 2), adopted.AdoptedOn);
        Assert.Equal(new Vote { InFavour = 13, Against = 0, Abstentions = 2 }, adopted.Vote);
        Assert.Equal(Day(2023, 10, 2), adopted.PeriodStart);
        Assert.Equal(Day(2024, 10, 1), adopted.PeriodEnd);
        Assert.Equal(2500, adopted.PersonnelCeiling);
        Assert.Empty(adopted.Renewals);
        Assert.Equal(DiplomatSubject, adopted.Audit.CreatedBy);
        Assert.Equal(AsStored(adopted), await GetAsync(adopted.Id));
        Assert.Single(await AllMandatesAsync(diplomat, 1), m => m.Id == adopted.Id);

        var renewal = Renewal(adopted.Id, "S/RES/2751 (2024)", Day(2024, 9, 30), Day(2025, 10, 2));
        var extended = await Mandates(diplomat).ExtendMandateAsync(renewal);

        Assert.Equal(Day(2025, 10, 2), extended.PeriodEnd);
        Assert.Equal(Day(2023, 10, 2), extended.PeriodStart);
        Assert.Equal(2500, extended.PersonnelCeiling);
        var recorded = Assert.Single(extended.Renewals);
        Assert.Equal("S/RES/2751 (2024)", recorded.ResolutionSymbol);
        Assert.Equal(Day(2024, 9, 30), recorded.AdoptedOn);
        Assert.Equal(Day(2024, 10, 1), recorded.PreviousPeriodEnd);
        Assert.Equal(Day(2025, 10, 2), recorded.PeriodEnd);
        Assert.Equal(2500, recorded.PersonnelCeiling);
        Assert.Equal(renewal.Vote, recorded.Vote);
        Assert.Equal(renewal.RequestId, extended.Audit.LastRequestId);
        Assert.Equal(AsStored(extended), await GetAsync(adopted.Id));
    }

    [Fact]
    public async Task An_adopted_mandate_reads_back_exactly_as_the_adopt_call_returned_it()
    {
        // Several records, so a clock that happens to land on a whole microsecond cannot hide a difference.
        for (var i = 0; i < 5; i++)
        {
            var adopted = await Mandates(diplomat).AdoptMandateAsync(NewMandate());

            var read = await GetAsync(adopted.Id);

            // The same record must carry the same audit times whichever call returns it.
            Assert.Equal(adopted.Audit.CreateTime, read.Audit.CreateTime);
            Assert.Equal(adopted, read);
        }
    }

    [Fact]
    public async Task Mandates_page_in_adoption_order_each_once()
    {
        var ours = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ours.Add((await Mandates(diplomat).AdoptMandateAsync(NewMandate())).Id);
        }

        var listed = (await AllMandatesAsync(diplomat, 2)).Select(m => m.Id).ToList();

        Assert.Equal(listed.Distinct().Count(), listed.Count);
        Assert.Equal(ours, listed.Where(ours.Contains));
        await RpcAssert.InvalidFields(
            () => Mandates(diplomat).ListMandatesAsync(new ListMandatesRequest { Page = new PageRequest { PageToken = "djE6bm90LWFuLWlk" } }).ResponseAsync,
            "page.page_token");
    }

    [Fact]
    public async Task A_renewal_adopted_after_the_mandate_expired_is_refused_and_changes_nothing()
    {
        var mandate = await Mandates(diplomat).AdoptMandateAsync(NewMandate());

        var failure = await RpcAssert.FailedPrecondition(
            () => Mandates(diplomat).ExtendMandateAsync(Renewal(mandate.Id, NewSymbol(), Day(2024, 10, 2), Day(2025, 10, 2))).ResponseAsync,
            "MANDATE_EXPIRED");

        Assert.Equal($"mandates/{mandate.Id}", failure.Violations[0].Subject);
        Assert.Contains("2024-10-01", failure.Violations[0].Description, StringComparison.Ordinal);
        Assert.Equal(AsStored(mandate), await GetAsync(mandate.Id));
        await using var scope = fixture.Suite.Scope("diplomacy");
        var db = scope.ServiceProvider.GetRequiredService<DiplomacyDbContext>();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.MessageType == nameof(MandateExtended) && m.Payload.Contains(mandate.Id)));
    }

    [Fact]
    public async Task A_renewal_that_does_not_move_the_end_later_is_invalid_on_period_end()
    {
        var mandate = await Mandates(diplomat).AdoptMandateAsync(NewMandate());

        await RpcAssert.InvalidFields(
            () => Mandates(diplomat).ExtendMandateAsync(Renewal(mandate.Id, NewSymbol(), Day(2024, 9, 30), Day(2024, 10, 1))).ResponseAsync,
            "period_end");
        await RpcAssert.InvalidFields(
            () => Mandates(diplomat).ExtendMandateAsync(Renewal(mandate.Id, NewSymbol(), Day(2024, 9, 30), Day(2024, 6, 30))).ResponseAsync,
            "period_end");

        Assert.Equal(AsStored(mandate), await GetAsync(mandate.Id));
    }

    [Fact]
    public async Task A_resolution_symbol_is_recorded_once_whether_as_a_mandate_or_as_a_renewal()
    {
        var first = NewMandate();
        var mandate = await Mandates(diplomat).AdoptMandateAsync(first);
        var again = NewMandate();
        again.ResolutionSymbol = first.ResolutionSymbol;

        var e = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => Mandates(diplomat).AdoptMandateAsync(again).ResponseAsync);
        Assert.Contains(first.ResolutionSymbol, e.Status.Detail, StringComparison.Ordinal);
        await RpcAssert.FailsWith(StatusCode.AlreadyExists,
            () => Mandates(diplomat).ExtendMandateAsync(Renewal(mandate.Id, first.ResolutionSymbol, Day(2024, 9, 30), Day(2025, 10, 2))).ResponseAsync);

        var renewalSymbol = NewSymbol();
        var extended = await Mandates(diplomat).ExtendMandateAsync(Renewal(mandate.Id, renewalSymbol, Day(2024, 9, 30), Day(2025, 10, 2)));
        var adoptingTheRenewal = NewMandate();
        adoptingTheRenewal.ResolutionSymbol = renewalSymbol;
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => Mandates(diplomat).AdoptMandateAsync(adoptingTheRenewal).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.AlreadyExists,
            () => Mandates(diplomat).ExtendMandateAsync(Renewal(mandate.Id, renewalSymbol, Day(2025, 9, 30), Day(2026, 10, 2))).ResponseAsync);

        Assert.Equal(AsStored(extended), await GetAsync(mandate.Id));
        Assert.Single(await AllMandatesAsync(diplomat, 500), m => m.ResolutionSymbol == first.ResolutionSymbol);
        Assert.DoesNotContain(await AllMandatesAsync(diplomat, 500), m => m.ResolutionSymbol == renewalSymbol);
    }

    [Fact]
    public async Task Vote_counts_adding_up_to_more_than_the_fifteen_members_are_invalid()
    {
        var request = NewMandate();
        request.Vote = new Vote { InFavour = 13, Against = 1, Abstentions = 2 };

        await RpcAssert.InvalidFields(() => Mandates(diplomat).AdoptMandateAsync(request).ResponseAsync, "vote");

        var mandate = await Mandates(diplomat).AdoptMandateAsync(NewMandate());
        var renewal = Renewal(mandate.Id, NewSymbol(), Day(2024, 9, 30), Day(2025, 10, 2));
        renewal.Vote = new Vote { InFavour = 16 };
        await RpcAssert.InvalidFields(() => Mandates(diplomat).ExtendMandateAsync(renewal).ResponseAsync, "vote");
        Assert.DoesNotContain(await AllMandatesAsync(diplomat, 500), m => m.ResolutionSymbol == request.ResolutionSymbol);
        Assert.Equal(AsStored(mandate), await GetAsync(mandate.Id));
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_invalid()
    {
        var request = NewMandate();
        request.PeriodStart = Day(2024, 10, 2);
        request.PeriodEnd = Day(2024, 10, 1);

        await RpcAssert.InvalidFields(() => Mandates(diplomat).AdoptMandateAsync(request).ResponseAsync, "period_end");

        Assert.DoesNotContain(await AllMandatesAsync(diplomat, 500), m => m.ResolutionSymbol == request.ResolutionSymbol);
    }

    [Fact]
    public async Task A_contributor_or_an_observer_cannot_adopt_or_extend_but_can_read_mandates()
    {
        var mandate = await Mandates(diplomat).AdoptMandateAsync(NewMandate());

        foreach (var token in new[] { contributor, observer })
        {
            var adopting = NewMandate();
            var denied = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Mandates(token).AdoptMandateAsync(adopting).ResponseAsync);
            Assert.Contains(Roles.Diplomat, denied.Status.Detail, StringComparison.Ordinal);
            await RpcAssert.FailsWith(StatusCode.PermissionDenied,
                () => Mandates(token).ExtendMandateAsync(Renewal(mandate.Id, NewSymbol(), Day(2024, 9, 30), Day(2025, 10, 2))).ResponseAsync);

            Assert.Equal(AsStored(mandate), await GetAsync(mandate.Id, token));
            var listed = await AllMandatesAsync(token, 500);
            Assert.Contains(listed, m => m.Id == mandate.Id);
            Assert.DoesNotContain(listed, m => m.ResolutionSymbol == adopting.ResolutionSymbol);
        }
        Assert.Equal(AsStored(mandate), await GetAsync(mandate.Id));
    }

    [Fact]
    public async Task An_unknown_mandate_is_not_found()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => Mandates(diplomat).GetMandateAsync(new GetMandateRequest { Id = new string('d', 32) }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => Mandates(diplomat).ExtendMandateAsync(Renewal(new string('d', 32), NewSymbol(), Day(2024, 9, 30), Day(2025, 10, 2))).ResponseAsync);
    }

    [Fact]
    public async Task A_contributor_reads_its_own_nations_brief_only()
    {
        var brief = await Partners(contributor).GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "KEN" });

        Assert.Equal("KEN", brief.NationCode);
        Assert.Equal(0, brief.DeployedOfficers);
        Assert.Equal(0, brief.DeployedContingents);
        Assert.Equal(0, brief.ContributionsPledged);
        Assert.Equal(new Money { CurrencyCode = "USD", Units = 0, Nanos = 0 }, brief.PledgedUsd);
        Assert.Null(brief.UpdateTime);

        var e = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Partners(contributor).GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "JAM" }).ResponseAsync);
        Assert.Contains("KEN", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_diplomat_reads_any_nations_brief_and_an_observer_none()
    {
        foreach (var nation in new[] { "JAM", "KEN", "BHS" })
        {
            var brief = await Partners(diplomat).GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = nation });
            Assert.Equal(nation, brief.NationCode);
            Assert.Equal("USD", brief.PledgedUsd.CurrencyCode);
        }

        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Partners(observer).GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "CAN" }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Partners(observer).GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "JAM" }).ResponseAsync);
        await RpcAssert.InvalidFields(
            () => Partners(diplomat).GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "ken" }).ResponseAsync, "nation_code");
    }

    [Fact]
    public async Task Adoption_and_extension_write_MandateAdopted_and_MandateExtended_events_to_the_outbox()
    {
        var request = NewMandate();
        var mandate = await Mandates(diplomat).AdoptMandateAsync(request);
        var renewalSymbol = NewSymbol();
        await Mandates(diplomat).ExtendMandateAsync(Renewal(mandate.Id, renewalSymbol, Day(2024, 9, 30), Day(2025, 10, 2), ceiling: 2600));

        await using var scope = fixture.Suite.Scope("diplomacy");
        var db = scope.ServiceProvider.GetRequiredService<DiplomacyDbContext>();
        var rows = await db.OutboxMessages.Where(m => m.Payload.Contains(mandate.Id)).OrderBy(m => m.Id).ToListAsync();

        var adoptedRow = Assert.Single(rows, r => r.MessageType == nameof(MandateAdopted));
        var adopted = JsonSerializer.Deserialize<MandateAdopted>(adoptedRow.Payload, EventCatalog.JsonOptions);
        Assert.NotNull(adopted);
        Assert.Equal(mandate.Id, adopted.SubjectId);
        Assert.Equal(request.ResolutionSymbol, adopted.ResolutionSymbol);
        Assert.Equal(new DateOnly(2023, 10, 2), adopted.PeriodStart);
        Assert.Equal(new DateOnly(2024, 10, 1), adopted.PeriodEnd);
        Assert.Equal(2500, adopted.PersonnelCeiling);

        var extendedRow = Assert.Single(rows, r => r.MessageType == nameof(MandateExtended));
        var extended = JsonSerializer.Deserialize<MandateExtended>(extendedRow.Payload, EventCatalog.JsonOptions);
        Assert.NotNull(extended);
        Assert.Equal(mandate.Id, extended.SubjectId);
        Assert.Equal(renewalSymbol, extended.ResolutionSymbol);
        Assert.Equal(new DateOnly(2024, 10, 1), extended.PreviousPeriodEnd);
        Assert.Equal(new DateOnly(2025, 10, 2), extended.PeriodEnd);
        Assert.Equal(2600, extended.PersonnelCeiling);
        Assert.Equal(2, rows.Count);
    }
    [Fact]
    public async Task S_RES_2793_splits_the_ceiling_into_5500_uniformed_and_50_civilian_and_the_events_carry_both_parts()
    {
        var request = NewMandate();
        request.PersonnelCeiling = 0;
        request.CeilingSplit = new CeilingSplit { Uniformed = 5_500, Civilian = 50 };
        var mandate = await Mandates(diplomat).AdoptMandateAsync(request);

        Assert.Equal(5_550, mandate.PersonnelCeiling);
        Assert.Equal(new CeilingSplit { Uniformed = 5_500, Civilian = 50 }, mandate.CeilingSplit);
        Assert.Equal(AsStored(mandate), await GetAsync(mandate.Id));

        // A renewal that keeps the ceiling keeps the split; one that gives a new split changes both.
        var kept = await Mandates(diplomat).ExtendMandateAsync(Renewal(mandate.Id, NewSymbol(), Day(2024, 9, 30), Day(2025, 1, 31)));
        Assert.Equal(new CeilingSplit { Uniformed = 5_500, Civilian = 50 }, kept.CeilingSplit);
        var renewal = Renewal(mandate.Id, NewSymbol(), Day(2025, 1, 30), Day(2025, 10, 2));
        renewal.CeilingSplit = new CeilingSplit { Uniformed = 5_000, Civilian = 80 };
        var changed = await Mandates(diplomat).ExtendMandateAsync(renewal);
        Assert.Equal(5_080, changed.PersonnelCeiling);
        Assert.Equal(new CeilingSplit { Uniformed = 5_000, Civilian = 80 }, changed.CeilingSplit);
        Assert.Equal(new CeilingSplit { Uniformed = 5_000, Civilian = 80 }, changed.Renewals[^1].CeilingSplit);

        await using var scope = fixture.Suite.Scope("diplomacy");
        var db = scope.ServiceProvider.GetRequiredService<DiplomacyDbContext>();
        var rows = await db.OutboxMessages.Where(m => m.Payload.Contains(mandate.Id)).OrderBy(m => m.Id).ToListAsync();
        var adopted = JsonSerializer.Deserialize<MandateAdopted>(Assert.Single(rows, r => r.MessageType == nameof(MandateAdopted)).Payload, EventCatalog.JsonOptions)!;
        Assert.Equal((5_550, 5_500, 50), (adopted.PersonnelCeiling, adopted.UniformedCeiling, adopted.CivilianCeiling));
        var extended = rows.Where(r => r.MessageType == nameof(MandateExtended))
            .Select(r => JsonSerializer.Deserialize<MandateExtended>(r.Payload, EventCatalog.JsonOptions)!).ToList();
        Assert.Equal([(5_550, 5_500, 50), (5_080, 5_000, 80)],
            extended.Select(e => (e.PersonnelCeiling, e.UniformedCeiling ?? -1, e.CivilianCeiling ?? -1)).ToList());
    }

    [Fact]
    public async Task A_split_that_does_not_add_up_to_the_ceiling_or_a_new_ceiling_without_a_split_is_invalid_and_changes_nothing()
    {
        var request = NewMandate();
        request.PersonnelCeiling = 5_000;
        request.CeilingSplit = new CeilingSplit { Uniformed = 5_500, Civilian = 50 };
        await RpcAssert.InvalidFields(() => Mandates(diplomat).AdoptMandateAsync(request).ResponseAsync, "personnel_ceiling");
        request.PersonnelCeiling = 0;
        request.CeilingSplit = new CeilingSplit { Uniformed = -1, Civilian = 50 };
        await RpcAssert.InvalidFields(() => Mandates(diplomat).AdoptMandateAsync(request).ResponseAsync, "ceiling_split.uniformed");
        request.CeilingSplit = new CeilingSplit { Uniformed = 5_500, Civilian = 100_001 };
        await RpcAssert.InvalidFields(() => Mandates(diplomat).AdoptMandateAsync(request).ResponseAsync, "ceiling_split.civilian");

        var split = NewMandate();
        split.CeilingSplit = new CeilingSplit { Uniformed = 2_450, Civilian = 50 };
        var mandate = await Mandates(diplomat).AdoptMandateAsync(split);
        await RpcAssert.InvalidFields(
            () => Mandates(diplomat).ExtendMandateAsync(Renewal(mandate.Id, NewSymbol(), Day(2024, 9, 30), Day(2025, 10, 2), ceiling: 3_000)).ResponseAsync,
            "ceiling_split");
        Assert.Equal(AsStored(mandate), await GetAsync(mandate.Id));
    }
}
