using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Diplomacy.Deadlines;
using Coordination.Diplomacy.V1;
using Coordination.Logistics.V1;
using Coordination.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.CrossService;

/// <summary>
/// Diplomacy adopts, warns of and renews a mandate; over real RabbitMQ, logistics' support plans end with the mandate,
/// requisitions and shipments are not planned past its end and tell the mandate period they serve, the plans ending
/// with an unrenewed mandate and the requisitions and shipments still open in its period are reported when diplomacy
/// warns, and the renewal moves the end: a plan the old end had cut short runs its tour's length. Every call goes
/// through the gateway.
/// </summary>
public sealed class MandateSupportFlowTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>
{
    private const string Symbol = "S/RES/2800 (2026)";
    private readonly string admin = TestTokens.For("HTI", Roles.MissionAdmin);
    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat);
    private readonly string officer = TestTokens.For("HTI", Roles.LogisticsOfficer);
    private readonly DateOnly today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Support_ends_with_the_mandate_is_reported_when_it_expires_unrenewed_and_moves_with_its_renewal()
    {
        var suite = fixture.Suite;
        var mandate = await AdoptAsync(suite, diplomat, Symbol, On(today.AddDays(-100)), On(today.AddDays(60)), 1_000);
        await PersonnelKnowsMandateAsync(suite, admin, Symbol);
        var sites = suite.ViaGateway<SiteService.SiteServiceClient>(officer);
        var hospital = await SiteAsync(sites, "General hospital");
        var port = await SiteAsync(sites, "Port");
        var contingent = await DeployAsync(suite, admin, "KEN", 100, 12, On(today.AddDays(-10)), hospital.Id);

        var reports = suite.ViaGateway<LogisticsReportService.LogisticsReportServiceClient>(officer);
        var plan = await PlanAsync(reports, hospital.Id, p => p.MandateResolutionSymbol == Symbol, "logistics to apply MandateAdopted");
        Assert.Equal((On(today.AddDays(60)), On(today.AddDays(60)), true, 0), (plan.MandateEndsOn, plan.EndsOn, plan.EndsWithMandate, plan.MandateExpiringDaysBefore));

        var catalog = suite.ViaGateway<CatalogService.CatalogServiceClient>(officer);
        var rations = await catalog.CreateCatalogItemAsync(new CreateCatalogItemRequest
        {
            RequestId = NewId(), Code = $"MRE-{NewId()[..6].ToUpperInvariant()}", Name = "Meals ready to eat", Category = ItemCategory.Rations, UnitOfIssue = "case",
            PackSize = 12, BaseUnit = "meal",
        });
        var warehouse = await catalog.CreateWarehouseAsync(new CreateWarehouseRequest { RequestId = NewId(), Name = $"Port store {NewId()[..6]}", SiteId = port.Id });
        var requisitions = suite.ViaGateway<RequisitionService.RequisitionServiceClient>(officer);
        var shipments = suite.ViaGateway<ShipmentService.ShipmentServiceClient>(officer);
        CreateRequisitionRequest Requisition(int days) => new()
        {
            RequestId = NewId(), RequestingContingentId = contingent.Id, DestinationSiteId = hospital.Id, Priority = RequisitionPriority.Routine,
            NeededBy = On(today.AddDays(days)), Justification = "Rations for the hospital guard",
            Lines = { new RequisitionLineInput { ItemId = rations.Id, Quantity = 40 } },
        };
        CreateShipmentRequest Shipment(int days) => new()
        {
            RequestId = NewId(), OriginWarehouseId = warehouse.Id, DestinationSiteId = hospital.Id, Carrier = "MSS road convoy",
            WaybillNumber = $"MSS-{NewId()[..8]}", Eta = Timestamp.FromDateTime(DateTime.UtcNow.Date.AddDays(days).AddHours(12)),
            Lines = { new ShipmentLineInput { ItemId = rations.Id, Quantity = 40 } },
        };

        var late = await RpcAssert.FailedPrecondition(() => requisitions.CreateRequisitionAsync(Requisition(90)).ResponseAsync, "MANDATE_END");
        Assert.Contains($"{today.AddDays(60):yyyy-MM-dd}", late.Violations[0].Description, StringComparison.Ordinal);
        Assert.Contains(Symbol, late.Violations[0].Description, StringComparison.Ordinal);
        Assert.Contains("unless it is renewed", late.Violations[0].Description, StringComparison.Ordinal);
        await RpcAssert.FailedPrecondition(() => shipments.CreateShipmentAsync(Shipment(75)).ResponseAsync, "MANDATE_END");
        var open = await requisitions.CreateRequisitionAsync(Requisition(30));
        Assert.Equal((mandate.Id, Symbol, On(today.AddDays(-100)), On(today.AddDays(60)), 0),
            (open.Mandate.MandateId, open.Mandate.ResolutionSymbol, open.Mandate.PeriodStartsOn, open.Mandate.PeriodEndsOn, open.Mandate.ExpiringDaysBefore));
        Assert.Equal(mandate.Id, Assert.Single((await requisitions.ListRequisitionsAsync(new ListRequisitionsRequest())).Requisitions).Mandate.MandateId);
        var underway = await shipments.CreateShipmentAsync(Shipment(20));
        Assert.Equal((mandate.Id, On(today.AddDays(60))), (underway.Mandate.MandateId, underway.Mandate.PeriodEndsOn));
        var done = await requisitions.CreateRequisitionAsync(Requisition(10));
        await requisitions.ChangeRequisitionStatusAsync(new ChangeRequisitionStatusRequest
        {
            RequestId = NewId(), Id = done.Id, Status = RequisitionStatus.Cancelled, Reason = "Raised twice",
        });

        // Diplomacy's watch warns 90 days before the unrenewed end; logistics marks and reports the plans ending with it.
        await suite.Service("diplomacy").Services.GetRequiredService<DeadlineWatch>().CheckAsync(CancellationToken.None);
        var expiring = await Eventually.Get(() => reports.GetMandateExpiryReportAsync(new GetMandateExpiryReportRequest()).ResponseAsync,
            r => r.DaysBefore == 90, what: "logistics to apply MandateExpiring");
        Assert.Equal((mandate.Id, Symbol, On(today.AddDays(60))), (expiring.MandateId, expiring.MandateResolutionSymbol, expiring.MandateEndsOn));
        Assert.Equal([contingent.Id], expiring.Plans.Select(p => p.ContingentId));
        Assert.Equal(90, expiring.Plans[0].MandateExpiringDaysBefore);
        // What is still open in the period ends with it too: the cancelled requisition is not.
        Assert.Equal((1, open.Id), (expiring.OpenRequisitionCount, Assert.Single(expiring.OpenRequisitions).Id));
        Assert.Equal((1, underway.Id), (expiring.UnderwayShipmentCount, Assert.Single(expiring.UnderwayShipments).Id));
        Assert.Equal(90, (await requisitions.GetRequisitionAsync(new GetRequisitionRequest { Id = open.Id })).Mandate.ExpiringDaysBefore);
        Assert.Equal(90, (await shipments.GetShipmentAsync(new GetShipmentRequest { Id = underway.Id })).Mandate.ExpiringDaysBefore);

        await suite.ViaGateway<MandateService.MandateServiceClient>(diplomat).ExtendMandateAsync(new ExtendMandateRequest
        {
            RequestId = NewId(), Id = mandate.Id, ResolutionSymbol = "S/RES/2810 (2026)", AdoptedOn = On(today),
            PeriodEnd = On(today.AddDays(425)), Vote = new Vote { InFavour = 15 },
        });
        var renewed = await PlanAsync(reports, hospital.Id, p => p.MandateResolutionSymbol == "S/RES/2810 (2026)", "logistics to apply MandateExtended");
        Assert.Equal((On(today.AddDays(425)), false, 0), (renewed.MandateEndsOn, renewed.EndsWithMandate, renewed.MandateExpiringDaysBefore));
        // The old end had cut the 12-month tour short; the renewal gives it its length back (personnel moves the tour alike).
        Assert.Equal(On(today.AddDays(-10).AddMonths(12).AddDays(-1)), renewed.EndsOn);
        Assert.Equal(100L * (today.AddDays(-10).AddMonths(12).DayNumber - today.AddDays(-10).DayNumber), renewed.RationDays);
        var cleared = await reports.GetMandateExpiryReportAsync(new GetMandateExpiryReportRequest());
        Assert.Equal((0, 0, 0), (cleared.Plans.Count, cleared.OpenRequisitionCount, cleared.UnderwayShipmentCount));
        var served = (await requisitions.GetRequisitionAsync(new GetRequisitionRequest { Id = open.Id })).Mandate;
        Assert.Equal(("S/RES/2810 (2026)", On(today.AddDays(425)), 0), (served.ResolutionSymbol, served.PeriodEndsOn, served.ExpiringDaysBefore));
        await requisitions.CreateRequisitionAsync(Requisition(90));
        await shipments.CreateShipmentAsync(Shipment(75));
    }

    private static Date On(DateOnly day) => Day(day.Year, day.Month, day.Day);

    private static Task<Site> SiteAsync(SiteService.SiteServiceClient sites, string name) => sites.CreateSiteAsync(new CreateSiteRequest
    {
        RequestId = NewId(), Name = $"{name} {NewId()[..6]}", Kind = SiteKind.Hospital, Location = new LatLng { Latitude = 18.54, Longitude = -72.34 },
        Status = SiteStatus.Secured, RequiredPosture = 50,
    }).ResponseAsync;

    private static async Task<SupportPlan> PlanAsync(
        LogisticsReportService.LogisticsReportServiceClient reports, string siteId, Func<SupportPlan, bool> done, string what) =>
        (await Eventually.Get(() => reports.ListSupportPlansAsync(new ListSupportPlansRequest { SiteId = siteId }).ResponseAsync,
            r => r.Plans.Count == 1 && done(r.Plans[0]), what: what)).Plans[0];
}
