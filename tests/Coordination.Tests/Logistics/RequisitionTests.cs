using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Events;
using Coordination.Logistics.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Xunit;
using static Coordination.Tests.Logistics.LogisticsDesk;

namespace Coordination.Tests.Logistics;

/// <summary>Requisitions, their workflow and quantities, and in-kind pledges through the gateway.</summary>
public sealed class RequisitionTests(LogisticsGatewayFixture fixture) : IClassFixture<LogisticsGatewayFixture>
{
    private readonly LogisticsDesk officer = fixture.Desk(TestTokens.For("HTI", Roles.LogisticsOfficer));

    [Fact]
    public async Task A_requisition_is_raised_in_draft_with_its_lines_and_moves_through_submitted_and_approved_to_completed()
    {
        var site = await officer.SiteAsync(SiteStatus.Recaptured);
        var rations = await officer.ItemAsync();
        var water = await officer.ItemAsync("WAT-JERRY", "Drinking water", ItemCategory.Water);

        var draft = await officer.RequisitionAsync(site.Id, (rations, 400), (water, 900));

        Assert.Equal(RequisitionStatus.Draft, draft.Status);
        Assert.Equal(site.Id, draft.DestinationSiteId);
        Assert.Equal(RequisitionPriority.Urgent, draft.Priority);
        Assert.Equal(InDays(30), draft.NeededBy);
        Assert.Equal(fixture.KenyanContingent, draft.RequestingContingentId);
        Assert.Equal([rations.Id, water.Id], draft.Lines.Select(l => l.ItemId));
        Assert.All(draft.Lines, l => Assert.Equal(0, l.CommittedQuantity + l.InTransitQuantity + l.ReceivedQuantity + l.PledgedQuantity));

        var submitted = await officer.ChangeAsync(draft, RequisitionStatus.Submitted);
        var approved = await officer.ChangeAsync(draft, RequisitionStatus.Approved);
        var committed = await officer.CommitAsync(approved, 0, 400);
        var completed = await officer.ChangeAsync(draft, RequisitionStatus.Completed);

        Assert.Equal(RequisitionStatus.Submitted, submitted.Status);
        Assert.Equal(400, committed.Lines[0].CommittedQuantity);
        Assert.Equal(RequisitionStatus.Completed, completed.Status);
        Assert.Equal(completed, await officer.ReadAsync(draft));
        var listed = await officer.Requisitions.ListRequisitionsAsync(new ListRequisitionsRequest { DestinationSiteId = site.Id, Status = RequisitionStatus.Completed });
        Assert.Equal(draft.Id, Assert.Single(listed.Requisitions).Id);
    }

    [Fact]
    public async Task A_status_change_the_workflow_forbids_is_refused_with_the_transition_named_and_changes_nothing()
    {
        var site = await officer.SiteAsync(SiteStatus.Recaptured);
        var draft = await officer.RequisitionAsync(site.Id, (await officer.ItemAsync(), 10));

        var skip = await RpcAssert.FailedPrecondition(() => officer.ChangeAsync(draft, RequisitionStatus.Approved), "REQUISITION_STATUS_TRANSITION");
        Assert.Contains("REQUISITION_STATUS_DRAFT to REQUISITION_STATUS_APPROVED", skip.Violations[0].Description, StringComparison.Ordinal);
        Assert.Equal($"requisitions/{draft.Id}", skip.Violations[0].Subject);

        await officer.ChangeAsync(draft, RequisitionStatus.Cancelled);
        var reopen = await RpcAssert.FailedPrecondition(() => officer.ChangeAsync(draft, RequisitionStatus.Submitted), "REQUISITION_STATUS_TRANSITION");
        Assert.Contains("REQUISITION_STATUS_CANCELLED to REQUISITION_STATUS_SUBMITTED", reopen.Violations[0].Description, StringComparison.Ordinal);
        Assert.Equal(RequisitionStatus.Cancelled, (await officer.ReadAsync(draft)).Status);
    }

    [Fact]
    public async Task Committing_more_than_requested_or_before_approval_is_refused_and_the_quantities_stay_as_they_were()
    {
        var site = await officer.SiteAsync(SiteStatus.Secured);
        var item = await officer.ItemAsync();
        var draft = await officer.RequisitionAsync(site.Id, (item, 100));

        var early = await RpcAssert.FailedPrecondition(() => officer.CommitAsync(draft, 0, 10), "REQUISITION_STATUS");
        Assert.Contains("REQUISITION_STATUS_DRAFT", early.Violations[0].Description, StringComparison.Ordinal);

        await officer.ChangeAsync(draft, RequisitionStatus.Submitted);
        var approved = await officer.ChangeAsync(draft, RequisitionStatus.Approved);
        await officer.CommitAsync(approved, 0, 70);
        var over = await RpcAssert.FailedPrecondition(() => officer.CommitAsync(approved, 0, 31), "REQUISITION_LINE_QUANTITIES");
        Assert.Contains("101", over.Violations[0].Description, StringComparison.Ordinal);
        Assert.Contains("100 requested", over.Violations[0].Description, StringComparison.Ordinal);

        var line = (await officer.ReadAsync(draft)).Lines[0];
        Assert.Equal((100, 70, 0, 0), (line.RequestedQuantity, line.CommittedQuantity, line.InTransitQuantity, line.ReceivedQuantity));
    }

    [Fact]
    public async Task Bad_requisition_fields_are_named_and_a_contributor_cannot_raise_one()
    {
        var site = await officer.SiteAsync(SiteStatus.Secured);
        var item = await officer.ItemAsync();
        var request = new CreateRequisitionRequest
        {
            RequestId = NewId(),
            RequestingContingentId = "kenya",
            DestinationSiteId = site.Id,
            Priority = RequisitionPriority.Unspecified,
            NeededBy = Day(2024, 2, 30),
            Justification = "Rations",
            Lines = { new RequisitionLineInput { ItemId = item.Id, Quantity = 0 }, new RequisitionLineInput { ItemId = item.Id, Quantity = 5 } },
        };
        await RpcAssert.InvalidFields(() => officer.Requisitions.CreateRequisitionAsync(request).ResponseAsync,
            "requesting_contingent_id", "priority", "needed_by", "lines[0].quantity", "lines[1].item_id");

        var contributor = fixture.Desk(TestTokens.For("KEN", Roles.Contributor));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => contributor.RequisitionAsync(site.Id, (item, 5)));
        var existing = await officer.RequisitionAsync(site.Id, (item, 5));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => contributor.ChangeAsync(existing, RequisitionStatus.Submitted));
        Assert.Equal(RequisitionStatus.Draft, (await contributor.ReadAsync(existing)).Status);
    }

    [Fact]
    public async Task A_contributor_pledges_in_kind_for_its_own_nation_and_InKindPledged_carries_the_USD_value()
    {
        var site = await officer.SiteAsync(SiteStatus.Recaptured);
        var item = await officer.ItemAsync("MED-KIT", "Trauma kit", ItemCategory.Medical);
        var requisition = await officer.RequisitionAsync(site.Id, (item, 50));
        await officer.ChangeAsync(requisition, RequisitionStatus.Submitted);
        var usa = fixture.Desk(TestTokens.For("USA", Roles.Contributor));

        var pledge = await usa.Requisitions.RecordInKindPledgeAsync(new RecordInKindPledgeRequest
        {
            RequestId = NewId(),
            RequisitionId = requisition.Id,
            LineId = requisition.Lines[0].Id,
            NationCode = "USA",
            Quantity = 30,
            Value = new Money { CurrencyCode = "USD", Units = 45_000, Nanos = 500_000_000 },
            Description = "Trauma kits from SOUTHCOM stocks",
            ExpectedBy = InDays(20),
        });

        Assert.Equal(("USA", 30), (pledge.NationCode, pledge.Quantity));
        Assert.Equal(new Money { CurrencyCode = "USD", Units = 45_000, Nanos = 500_000_000 }, pledge.Value);
        Assert.Equal(30, (await officer.ReadAsync(requisition)).Lines[0].PledgedQuantity);
        var listed = await officer.Requisitions.ListInKindPledgesAsync(new ListInKindPledgesRequest { RequisitionId = requisition.Id });
        Assert.Equal(pledge, Assert.Single(listed.Pledges));

        var pledged = Assert.Single(await fixture.OutboxAsync<InKindPledged>(pledge.Id));
        Assert.Equal(("USA", requisition.Id, requisition.Lines[0].Id, item.Id, 30), (pledged.Nation, pledged.RequisitionId, pledged.RequisitionLineId, pledged.ItemId, pledged.Quantity));
        Assert.Equal(("USD", 4_500_050L, (long?)4_500_050L), (pledged.Currency, pledged.AmountMinorUnits, pledged.UsdCents));
        await LogisticsOutbox.PublishedAsync(() => fixture.Suite.Scope("logistics"), pledge.Id);
    }

    [Fact]
    public async Task A_pledge_in_another_currency_carries_its_currency_and_minor_units_and_no_USD_value()
    {
        var site = await officer.SiteAsync(SiteStatus.Recaptured);
        var requisition = await officer.RequisitionAsync(site.Id, (await officer.ItemAsync(), 50));
        await officer.ChangeAsync(requisition, RequisitionStatus.Submitted);

        var pledge = await fixture.Desk(TestTokens.For("CAN", Roles.Contributor)).Requisitions.RecordInKindPledgeAsync(new RecordInKindPledgeRequest
        {
            RequestId = NewId(), RequisitionId = requisition.Id, LineId = requisition.Lines[0].Id, NationCode = "CAN", Quantity = 20,
            Value = new Money { CurrencyCode = "CAD", Units = 12_000 }, Description = "Field rations",
        });

        var pledged = Assert.Single(await fixture.OutboxAsync<InKindPledged>(pledge.Id));
        Assert.Equal(("CAD", 1_200_000L, (long?)null), (pledged.Currency, pledged.AmountMinorUnits, pledged.UsdCents));
        Assert.Equal("CAN", pledged.Nation);
    }

    [Fact]
    public async Task An_in_kind_pledges_declared_value_is_bounded_like_any_one_amount_and_a_refused_pledge_changes_nothing()
    {
        var site = await officer.SiteAsync(SiteStatus.Recaptured);
        var requisition = await officer.RequisitionAsync(site.Id, (await officer.ItemAsync(), 50));
        await officer.ChangeAsync(requisition, RequisitionStatus.Submitted);
        var kenya = fixture.Desk(TestTokens.For("KEN", Roles.Contributor));
        RecordInKindPledgeRequest Pledge(Money value) => new()
        {
            RequestId = NewId(), RequisitionId = requisition.Id, LineId = requisition.Lines[0].Id, NationCode = "KEN", Quantity = 10,
            Value = value, Description = "Tents",
        };

        // USD 10 billion is the most any one amount may be; without a rate, as many minor units of another currency.
        await RpcAssert.InvalidFields(() => kenya.Requisitions.RecordInKindPledgeAsync(Pledge(new Money { CurrencyCode = "USD", Units = 10_000_000_000, Nanos = 10_000_000 })).ResponseAsync, "value");
        await RpcAssert.InvalidFields(() => kenya.Requisitions.RecordInKindPledgeAsync(Pledge(new Money { CurrencyCode = "KES", Units = 90_000_000_000 })).ResponseAsync, "value");
        Assert.Equal(0, (await officer.ReadAsync(requisition)).Lines[0].PledgedQuantity);
        Assert.Empty((await officer.Requisitions.ListInKindPledgesAsync(new ListInKindPledgesRequest { RequisitionId = requisition.Id })).Pledges);

        var largest = await kenya.Requisitions.RecordInKindPledgeAsync(Pledge(new Money { CurrencyCode = "USD", Units = 10_000_000_000 }));
        Assert.Equal(10_000_000_000, largest.Value.Units);
    }

    [Fact]
    public async Task A_contributor_cannot_pledge_for_another_nation_nor_beyond_what_was_requested_nor_on_a_draft()
    {
        var site = await officer.SiteAsync(SiteStatus.Recaptured);
        var requisition = await officer.RequisitionAsync(site.Id, (await officer.ItemAsync(), 50));
        var kenya = fixture.Desk(TestTokens.For("KEN", Roles.Contributor));
        RecordInKindPledgeRequest Pledge(string nation, int quantity) => new()
        {
            RequestId = NewId(), RequisitionId = requisition.Id, LineId = requisition.Lines[0].Id, NationCode = nation, Quantity = quantity,
            Value = new Money { CurrencyCode = "KES", Units = 1_000_000 }, Description = "Tents",
        };

        await RpcAssert.FailedPrecondition(() => kenya.Requisitions.RecordInKindPledgeAsync(Pledge("KEN", 10)).ResponseAsync, "REQUISITION_STATUS");
        await officer.ChangeAsync(requisition, RequisitionStatus.Submitted);
        var denied = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => kenya.Requisitions.RecordInKindPledgeAsync(Pledge("JAM", 10)).ResponseAsync);
        Assert.Contains("KEN", denied.Status.Detail, StringComparison.Ordinal);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => fixture.Desk(TestTokens.For("KEN", Roles.Observer)).Requisitions.RecordInKindPledgeAsync(Pledge("KEN", 10)).ResponseAsync);
        await kenya.Requisitions.RecordInKindPledgeAsync(Pledge("KEN", 45));
        await RpcAssert.FailedPrecondition(() => kenya.Requisitions.RecordInKindPledgeAsync(Pledge("KEN", 6)).ResponseAsync, "REQUISITION_LINE_QUANTITIES");

        Assert.Equal(45, (await officer.ReadAsync(requisition)).Lines[0].PledgedQuantity);
        var pledges = await officer.Requisitions.ListInKindPledgesAsync(new ListInKindPledgesRequest { RequisitionId = requisition.Id });
        Assert.Equal("KEN", Assert.Single(pledges.Pledges).NationCode);
    }

    [Fact]
    public async Task A_requisition_is_raised_for_a_contingent_logistics_knows_that_is_not_yet_home()
    {
        var site = await officer.SiteAsync(SiteStatus.Secured);
        var item = await officer.ItemAsync();
        CreateRequisitionRequest For(string contingent) => new()
        {
            RequestId = NewId(), RequestingContingentId = contingent, DestinationSiteId = site.Id, Priority = RequisitionPriority.Routine,
            NeededBy = InDays(10), Justification = "Tents", Lines = { new RequisitionLineInput { ItemId = item.Id, Quantity = 5 } },
        };
        var phantom = NewId();
        var home = await fixture.ContingentAsync("KEN", new DateOnly(2024, 6, 25), new DateOnly(2025, 6, 24));

        var unknown = await RpcAssert.FailsWith(StatusCode.NotFound, () => officer.Requisitions.CreateRequisitionAsync(For(phantom)).ResponseAsync);
        Assert.Contains(phantom, unknown.Status.Detail, StringComparison.Ordinal);
        await RpcAssert.FailedPrecondition(() => officer.Requisitions.CreateRequisitionAsync(For(home)).ResponseAsync, "CONTINGENT_REPATRIATED");
        var requested = await officer.Requisitions.CreateRequisitionAsync(For(await fixture.ContingentAsync("JAM")));

        Assert.Equal(RequisitionStatus.Draft, requested.Status);
        var listed = await officer.Requisitions.ListRequisitionsAsync(new ListRequisitionsRequest { DestinationSiteId = site.Id });
        Assert.Equal(requested.Id, Assert.Single(listed.Requisitions).Id);
    }

    [Fact]
    public async Task A_partner_reads_the_mission_s_needs_but_only_its_own_in_kind_pledges_and_its_own_requesting_contingents()
    {
        var site = await officer.SiteAsync(SiteStatus.Recaptured);
        var requisition = await officer.RequisitionAsync(site.Id, (await officer.ItemAsync(), 50));
        await officer.ChangeAsync(requisition, RequisitionStatus.Submitted);
        RecordInKindPledgeRequest Pledge(string nation, string currency) => new()
        {
            RequestId = NewId(), RequisitionId = requisition.Id, LineId = requisition.Lines[0].Id, NationCode = nation, Quantity = 10,
            Value = new Money { CurrencyCode = currency, Units = 1_000 }, Description = "Rations",
        };
        var usa = fixture.Desk(TestTokens.For("USA", Roles.Contributor));
        var kenya = fixture.Desk(TestTokens.For("KEN", Roles.Contributor));
        var american = await usa.Requisitions.RecordInKindPledgeAsync(Pledge("USA", "USD"));
        var kenyan = await kenya.Requisitions.RecordInKindPledgeAsync(Pledge("KEN", "KES"));

        var seenByUsa = await usa.Requisitions.ListInKindPledgesAsync(new ListInKindPledgesRequest { RequisitionId = requisition.Id });
        Assert.Equal([american.Id], seenByUsa.Pledges.Select(p => p.Id));
        var seenByKenya = await kenya.Requisitions.ListInKindPledgesAsync(new ListInKindPledgesRequest { RequisitionId = requisition.Id });
        Assert.Equal([kenyan.Id], seenByKenya.Pledges.Select(p => p.Id));
        var seenByMission = await officer.Requisitions.ListInKindPledgesAsync(new ListInKindPledgesRequest { RequisitionId = requisition.Id });
        Assert.Equal(2, seenByMission.Pledges.Count);

        // The needs are the mission's (what, how many, where, by when, how urgent), but which contingent asks and why, in
        // the mission's words that name the unit, are its nation's.
        var seen = await usa.ReadAsync(requisition);
        Assert.Equal((20, site.Id, requisition.NeededBy, requisition.Priority), (seen.Lines[0].PledgedQuantity, seen.DestinationSiteId, seen.NeededBy, seen.Priority));
        Assert.Equal(("", ""), (seen.RequestingContingentId, seen.Justification));
        Assert.All((await usa.Requisitions.ListRequisitionsAsync(new ListRequisitionsRequest { DestinationSiteId = site.Id })).Requisitions,
            r => Assert.Equal(("", ""), (r.RequestingContingentId, r.Justification)));
        var own = await kenya.ReadAsync(requisition);
        Assert.Equal((fixture.KenyanContingent, requisition.Justification), (own.RequestingContingentId, own.Justification));
        Assert.Equal(fixture.KenyanContingent, (await officer.ReadAsync(requisition)).RequestingContingentId);
        Assert.StartsWith("Rations for Kenya FPU 1", requisition.Justification, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fulfilment_of_a_site_adds_up_its_requisitions_per_item_and_leaves_cancelled_ones_out()
    {
        var site = await officer.SiteAsync(SiteStatus.Recaptured);
        var rations = await officer.ItemAsync("RAT-AAA");
        var water = await officer.ItemAsync("WAT-BBB", "Drinking water", ItemCategory.Water);
        var first = await officer.ApprovedRequisitionAsync(site.Id, (rations, 300), (water, 100));
        await officer.CommitAsync(first, 0, 250);
        var second = await officer.ApprovedRequisitionAsync(site.Id, (rations, 200));
        await officer.CommitAsync(second, 0, 50);
        var cancelled = await officer.RequisitionAsync(site.Id, (rations, 1_000));
        await officer.ChangeAsync(cancelled, RequisitionStatus.Cancelled);
        await officer.RequisitionAsync((await officer.SiteAsync(SiteStatus.Secured)).Id, (rations, 7));

        var report = await fixture.Desk(TestTokens.For("JAM", Roles.MissionAdmin)).Reports.GetSupplyFulfilmentAsync(
            new GetSupplyFulfilmentRequest { DestinationSiteId = site.Id });

        Assert.Equal(2, report.RequisitionCount);
        Assert.Equal([rations.Code, water.Code], report.Rows.Select(r => r.ItemCode));
        Assert.Equal((500L, 300L, 0L, 0L), (report.Rows[0].RequestedQuantity, report.Rows[0].CommittedQuantity, report.Rows[0].InTransitQuantity, report.Rows[0].ReceivedQuantity));
        Assert.Equal((100L, 0L), (report.Rows[1].RequestedQuantity, report.Rows[1].CommittedQuantity));
        await RpcAssert.InvalidFields(() => officer.Reports.GetSupplyFulfilmentAsync(new GetSupplyFulfilmentRequest()).ResponseAsync, "requisition_id");
    }
}
