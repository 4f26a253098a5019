using Coordination.Common.V1;
using Coordination.Diplomacy.V1;
using Coordination.Finance.V1;
using Coordination.Logistics.V1;
using Coordination.Personnel.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Coordination.Local;

/// <summary>
/// The mission as the news report and the public record tell it: Resolutions 2699, 2751 and 2793; the general
/// hospital, the port and the National Palace recaptured with the Haitian National Police; Kenya's first two
/// contingents deployed, their 400 officers imported on Kenya's roster and vetted, 600 more officers in pre-deployment
/// training (200 of them on the roster, still in vetting); the status-of-forces agreements that let Kenya and Jamaica
/// deploy; the trust fund's USD 110.3M pledged, part of what was received allocated to the budget lines of the 2024-25
/// period; a warehouse at the port with rations and water, and a convoy on its way from it to the hospital.
/// Every call carries a fixed request id, so loading it twice changes nothing. Where a step needs what one service
/// hears of another's events, it waits for it up to <paramref name="patience"/> (30 s unless given), then says what is
/// missing (<see cref="DemoIncompleteException"/>).
/// </summary>
public sealed class DemoScenario(CallInvoker gateway, TextWriter log, TimeSpan? patience = null)
{
    private readonly TimeSpan patience = patience ?? TimeSpan.FromSeconds(30);

    private readonly MandateService.MandateServiceClient mandates = new(gateway);
    private readonly PartnerService.PartnerServiceClient partners = new(gateway);
    private readonly SiteService.SiteServiceClient sites = new(gateway);
    private readonly ContingentService.ContingentServiceClient contingents = new(gateway);
    private readonly ForceStrengthService.ForceStrengthServiceClient strength = new(gateway);
    private readonly ContributionService.ContributionServiceClient contributions = new(gateway);
    private readonly BudgetService.BudgetServiceClient budget = new(gateway);
    private readonly AgreementService.AgreementServiceClient agreements = new(gateway);
    private readonly EngagementService.EngagementServiceClient engagements = new(gateway);
    private readonly CommitmentService.CommitmentServiceClient commitments = new(gateway);
    private readonly PledgeService.PledgeServiceClient pledges = new(gateway);
    private readonly OfficerService.OfficerServiceClient officers = new(gateway);
    private readonly CatalogService.CatalogServiceClient catalog = new(gateway);
    private readonly StockService.StockServiceClient stock = new(gateway);
    private readonly ShipmentService.ShipmentServiceClient shipments = new(gateway);
    private readonly FinanceReportService.FinanceReportServiceClient financeReports = new(gateway);
    private readonly LedgerService.LedgerServiceClient ledger = new(gateway);
    private readonly DisbursementService.DisbursementServiceClient disbursements = new(gateway);
    private readonly AppealService.AppealServiceClient appeals = new(gateway);

    public async Task LoadAsync(CancellationToken ct)
    {
        var mss = await mandates.AdoptMandateAsync(new AdoptMandateRequest
        {
            RequestId = "demo-res-2699",
            ResolutionSymbol = "S/RES/2699 (2023)",
            AdoptedOn = Day(2023, 10, 2),
            Vote = new Vote { InFavour = 13, Against = 0, Abstentions = 2 },
            PeriodStart = Day(2023, 10, 2),
            PeriodEnd = Day(2024, 10, 1),
            PersonnelCeiling = 2_500,
        }, cancellationToken: ct);

        var hospital = await RecapturedSiteAsync("hospital", "State University Hospital of Haiti (general hospital)", SiteKind.Hospital, 18.5392, -72.3388, 120, "Recaptured with the Haitian National Police", ct);
        var port = await RecapturedSiteAsync("port", "Port of Port-au-Prince", SiteKind.Port, 18.5547, -72.3497, 150, "Recaptured with the Haitian National Police", ct);
        var palace = await RecapturedSiteAsync("palace", "National Palace", SiteKind.Government, 18.5434, -72.3389, 100, "Recaptured with the Haitian National Police", ct);

        // A nation deploys only under a status-of-forces agreement in force, which personnel learns from diplomacy.
        await StatusOfForcesAsync("ken", "KEN", "Reciprocal agreement between Kenya and Haiti on the deployment of Kenyan police", Day(2024, 3, 1), ct);
        await StatusOfForcesAsync("jam", "JAM", "Agreement between Jamaica and Haiti on the status of Jamaican personnel", Day(2024, 8, 1), ct);
        await WaitForMandateAsync(Day(2024, 10, 1), ct);
        await WaitForPersonnelAsync(["KEN", "JAM"], [hospital.Id, port.Id, palace.Id], ct);

        // Kenya's roster, streamed in: the first 400 officers are vetted and fill the first two units.
        var roster = await DemoRoster.ImportAsync(officers, ct);
        await DeployAsync("ken-1", "KEN", "Kenya FPU 1", 200, hospital.Id, Day(2024, 6, 25), ct, roster[..200]);
        await DeployAsync("ken-2", "KEN", "Kenya FPU 2", 200, port.Id, Day(2024, 7, 16), ct, roster[200..400]);
        await DeployAsync("jam-1", "JAM", "Jamaica Constabulary Force IPOs", 10, palace.Id, Day(2024, 9, 13), ct);
        await MoveAsync("ken-3", await CreateContingentAsync("ken-3", "KEN", "Kenya FPU 3 (pre-deployment training)", 600, "", ct),
            ContingentStatus.Standby, null, ct);

        await mandates.ExtendMandateAsync(new ExtendMandateRequest
        {
            RequestId = "demo-res-2751",
            Id = mss.Id,
            ResolutionSymbol = "S/RES/2751 (2024)",
            AdoptedOn = Day(2024, 9, 30),
            PeriodEnd = Day(2025, 10, 2),
            Vote = new Vote { InFavour = 15 },
        }, cancellationToken: ct);
        await WaitForMandateAsync(Day(2025, 10, 2), ct);

        await KenyaAsync(ct);

        // The MSS becomes the Gang Suppression Force: a successor mandate, contingents and funds carry over.
        await mandates.TransitionMandateAsync(new TransitionMandateRequest
        {
            RequestId = "demo-res-2793",
            Id = mss.Id,
            Successor = new AdoptMandateRequest
            {
                ResolutionSymbol = "S/RES/2793 (2025)",
                AdoptedOn = Day(2025, 9, 30),
                Vote = new Vote { InFavour = 12, Against = 0, Abstentions = 3 },
                PeriodStart = Day(2025, 10, 3),
                PeriodEnd = Day(2026, 10, 2),
                PersonnelCeiling = 5_550,
                CeilingSplit = new CeilingSplit { Uniformed = 5_500, Civilian = 50 },
                Tasks = { "Neutralise gangs and protect critical infrastructure with the Haitian National Police" },
                ReportingObligations =
                {
                    new ReportingObligation { Title = "Secretary-General's report on the Gang Suppression Force", DueOn = Day(2026, 4, 2), Kind = ObligationKind.Report },
                },
            },
        }, cancellationToken: ct);

        // An illustrative split of the trust fund's figures at the end of 2024: USD 110.3M pledged, 85M received.
        var usa = await PledgeAsync("usa", "USA", "USD", 60_000_000, "", paid: true, ct);
        await PledgeAsync("can", "CAN", "CAD", 30_000_000, "0.74", paid: false, ct);
        var gbr = await PledgeAsync("gbr", "GBR", "GBP", 10_000_000, "1.27", paid: true, ct);
        var fra = await PledgeAsync("fra", "FRA", "EUR", 5_000_000, "1.08", paid: true, ct);
        await PledgeAsync("esp", "ESP", "EUR", 5_000_000, "1.08", paid: true, ct);
        await PledgeAsync("kor", "KOR", "USD", 1_500_000, "", paid: true, ct);
        await PledgeAsync("aus", "AUS", "USD", 3_100_000, "", paid: false, ct);

        await commitments.AnnounceCommitmentAsync(new AnnounceCommitmentRequest
        {
            RequestId = "demo-commitment-can-funds",
            NationCode = "CAN",
            Kind = CommitmentKind.Funds,
            Description = "CAD 30M to the MSS trust fund (about USD 22.2M)",
            AnnouncedOn = Day(2024, 7, 15),
            DueOn = Day(2025, 3, 31),
            Amount = new Money { CurrencyCode = "USD", Units = 22_200_000 },
        }, cancellationToken: ct);
        await GsfBudgetAsync(ct);
        await BudgetAsync(usa, gbr, fra, ct);
        await SupplyHospitalFromPortAsync(port, hospital, ct);

        await ReportAsync(ct);
    }

    /// <summary>
    /// The 2024-25 period's requirement as five budget lines (illustrative figures, not the mission's budget), and part of
    /// what the trust fund received allocated to them: internal transfers, so the donors' totals stay 110.3M and 85M.
    /// </summary>
    private async Task BudgetAsync(string usa, string gbr, string fra, CancellationToken ct)
    {
        var periods = await WaitAsync(() => budget.ListBudgetPeriodsAsync(new ListBudgetPeriodsRequest(), cancellationToken: ct).ResponseAsync,
            p => p.Periods.Any(x => x.ResolutionSymbol == "S/RES/2751 (2024)"),
            "finance has no budget period for S/RES/2751 (2024) (it opens one when it hears diplomacy's mandate events)", ct);
        var period = periods.Periods.Single(x => x.ResolutionSymbol == "S/RES/2751 (2024)").Id;
        var lines = new Dictionary<BudgetCategory, string>();
        foreach (var (key, category, usd, description) in new[]
        {
            ("personnel", BudgetCategory.PersonnelReimbursement, 80_000_000L, "Reimbursement of contributing countries' police personnel"),
            ("equipment", BudgetCategory.Equipment, 30_000_000L, "Armoured vehicles, communications, contingent-owned equipment"),
            ("logistics", BudgetCategory.Logistics, 45_000_000L, "Rations, water, fuel, base camps and convoys"),
            ("training", BudgetCategory.Training, 8_000_000L, "Pre-deployment and in-mission training"),
            ("oversight", BudgetCategory.HumanRightsOversight, 4_000_000L, "Human-rights compliance and oversight mechanism"),
        })
        {
            lines[category] = (await budget.CreateBudgetLineAsync(new CreateBudgetLineRequest
            {
                RequestId = $"demo-budget-2751-{key}", BudgetPeriodId = period, Category = category, Description = description,
                Amount = new Money { CurrencyCode = "USD", Units = usd },
            }, cancellationToken: ct)).Id;
        }
        await AllocateAsync("usa-personnel", usa, lines[BudgetCategory.PersonnelReimbursement], 40_000_000, ct);
        await AllocateAsync("usa-logistics", usa, lines[BudgetCategory.Logistics], 15_000_000, ct);
        await AllocateAsync("gbr-equipment", gbr, lines[BudgetCategory.Equipment], 9_000_000, ct);
        await AllocateAsync("gbr-training", gbr, lines[BudgetCategory.Training], 2_500_000, ct);
        await AllocateAsync("fra-oversight", fra, lines[BudgetCategory.HumanRightsOversight], 1_000_000, ct);
        await SpendAsync("personnel", lines[BudgetCategory.PersonnelReimbursement], 38_000_000, 50, "Kenya National Police Service", "Reimbursement of the first two contingents", ct);
        await SpendAsync("logistics", lines[BudgetCategory.Logistics], 14_000_000, 20, "Port-au-Prince fuel and rations suppliers", "Rations, water and fuel for the bases", ct);
    }

    /// <summary>
    /// The Gang Suppression Force's first period (S/RES/2793) as five budget lines, none funded yet (illustrative figures):
    /// the gap the appeal to partners quotes.
    /// </summary>
    private async Task GsfBudgetAsync(CancellationToken ct)
    {
        var periods = await WaitAsync(() => budget.ListBudgetPeriodsAsync(new ListBudgetPeriodsRequest(), cancellationToken: ct).ResponseAsync,
            p => p.Periods.Any(x => x.ResolutionSymbol == "S/RES/2793 (2025)"),
            "finance has no budget period for S/RES/2793 (2025) (it opens one when it hears diplomacy's mandate events)", ct);
        var period = periods.Periods.Single(x => x.ResolutionSymbol == "S/RES/2793 (2025)").Id;
        foreach (var (key, category, usd, description) in new[]
        {
            ("personnel", BudgetCategory.PersonnelReimbursement, 300_000_000L, "Reimbursement of the Gang Suppression Force's 5,500 uniformed personnel"),
            ("equipment", BudgetCategory.Equipment, 100_000_000L, "Armoured vehicles, helicopters, communications"),
            ("logistics", BudgetCategory.Logistics, 150_000_000L, "Rations, water, fuel, bases and convoys for the larger force"),
            ("training", BudgetCategory.Training, 25_000_000L, "Pre-deployment and in-mission training"),
            ("oversight", BudgetCategory.HumanRightsOversight, 10_000_000L, "Human-rights compliance and oversight mechanism"),
        })
        {
            await budget.CreateBudgetLineAsync(new CreateBudgetLineRequest
            {
                RequestId = $"demo-budget-2793-{key}", BudgetPeriodId = period, Category = category, Description = description,
                Amount = new Money { CurrencyCode = "USD", Units = usd },
            }, cancellationToken: ct);
        }
    }

    /// <summary>
    /// What the trust fund spent in the last three months (dated back from the day the demo is loaded, so the burn is
    /// current): 52M of the 85M received, which leaves a runway under three months, and finance warns (FundRunwayLow).
    /// A second load finds the disbursement on its line and leaves it.
    /// </summary>
    private async Task SpendAsync(string key, string lineId, long usd, int daysAgo, string payee, string purpose, CancellationToken ct)
    {
        var spent = await disbursements.ListDisbursementsAsync(new ListDisbursementsRequest { BudgetLineId = lineId }, cancellationToken: ct);
        if (spent.Disbursements.Any(d => d.Purpose == purpose))
        {
            return;
        }
        var on = DateTime.UtcNow.Date.AddDays(-daysAgo);
        await disbursements.RecordDisbursementAsync(new RecordDisbursementRequest
        {
            RequestId = $"demo-disburse-{key}-{on:yyyyMMdd}", BudgetLineId = lineId, Amount = new Money { CurrencyCode = "USD", Units = usd },
            DisbursedOn = Day(on.Year, on.Month, on.Day), Payee = payee, Purpose = purpose,
        }, cancellationToken: ct);
    }

    private async Task AllocateAsync(string key, string parentId, string lineId, long usd, CancellationToken ct)
    {
        var allocation = await contributions.AllocateContributionAsync(new AllocateContributionRequest
        {
            RequestId = $"demo-allocate-{key}", ParentId = parentId, BudgetLineId = lineId,
            Amount = new Money { CurrencyCode = "USD", Units = usd }, DecidedOn = Day(2025, 1, 15),
        }, cancellationToken: ct);
        await contributions.ChangeContributionStatusAsync(new ChangeContributionStatusRequest
        {
            RequestId = $"demo-allocate-{key}-paid", Id = allocation.Id, Status = ContributionStatus.Paid, EffectiveOn = Day(2025, 1, 20),
        }, cancellationToken: ct);
    }

    /// <summary>A bonded warehouse at the port holds rations and water; a convoy takes some to the hospital.</summary>
    private async Task SupplyHospitalFromPortAsync(Logistics.V1.Site port, Logistics.V1.Site hospital, CancellationToken ct)
    {
        var rations = await catalog.CreateCatalogItemAsync(new CreateCatalogItemRequest
        {
            RequestId = "demo-item-mre", Code = "RAT-MRE-12", Name = "Meal ready to eat", Category = ItemCategory.Rations,
            UnitOfIssue = "case", PackSize = 12, BaseUnit = "meal",
        }, cancellationToken: ct);
        var water = await catalog.CreateCatalogItemAsync(new CreateCatalogItemRequest
        {
            RequestId = "demo-item-water", Code = "WAT-JERRY-20L", Name = "Drinking water, 20 l jerrycan", Category = ItemCategory.Water,
            UnitOfIssue = "pallet", PackSize = 48, BaseUnit = "jerrycan",
        }, cancellationToken: ct);
        var warehouse = await catalog.CreateWarehouseAsync(new CreateWarehouseRequest
        {
            RequestId = "demo-warehouse-port", Name = "Port of Port-au-Prince bonded warehouse", SiteId = port.Id,
        }, cancellationToken: ct);
        await ReceiveAsync("mre", warehouse.Id, rations.Id, 2_000, "Landed from the Mombasa charter", ct);
        await ReceiveAsync("water", warehouse.Id, water.Id, 150, "Landed from the Mombasa charter", ct);
        await stock.SetConsumptionRateAsync(new SetConsumptionRateRequest
        {
            RequestId = "demo-rate-port-mre", WarehouseId = warehouse.Id, ItemId = rations.Id, DailyConsumption = 35,
        }, cancellationToken: ct);

        // An ETA is planned, so it lies ahead of the day the demo is loaded; a second load finds the convoy by its waybill.
        const string waybill = "MSS-HUEH-0001";
        var listed = await shipments.ListShipmentsAsync(new ListShipmentsRequest { DestinationSiteId = hospital.Id }, cancellationToken: ct);
        var convoy = listed.Shipments.FirstOrDefault(s => s.WaybillNumber == waybill) ?? await shipments.CreateShipmentAsync(new CreateShipmentRequest
        {
            RequestId = "demo-shipment-hospital",
            OriginWarehouseId = warehouse.Id,
            DestinationSiteId = hospital.Id,
            Carrier = "MSS road convoy",
            WaybillNumber = waybill,
            Eta = Timestamp.FromDateTime(DateTime.UtcNow.Date.AddDays(2).AddHours(15)),
            Lines =
            {
                new ShipmentLineInput { ItemId = rations.Id, Quantity = 400 },
                new ShipmentLineInput { ItemId = water.Id, Quantity = 30 },
            },
        }, cancellationToken: ct);
        var dispatched = await shipments.DispatchShipmentAsync(new DispatchShipmentRequest { RequestId = "demo-shipment-hospital-dispatch", Id = convoy.Id }, cancellationToken: ct);
        var left = await stock.GetStockLevelAsync(new GetStockLevelRequest { WarehouseId = warehouse.Id, ItemId = rations.Id }, cancellationToken: ct);
        log.WriteLine($"  Port warehouse: {left.OnHand:N0} cases of rations ({left.DaysOfSupply} days of supply); convoy {dispatched.WaybillNumber} to the hospital {(dispatched.Status == ShipmentStatus.InTransit ? "in transit" : "at " + dispatched.Status)}, escort required: {dispatched.EscortRequired}.");
    }

    private Task ReceiveAsync(string key, string warehouseId, string itemId, int quantity, string reason, CancellationToken ct) =>
        stock.RecordStockMovementAsync(new RecordStockMovementRequest
        {
            RequestId = $"demo-stock-port-{key}", WarehouseId = warehouseId, ItemId = itemId, Kind = StockMovementKind.Received, Quantity = quantity, Reason = reason,
        }, cancellationToken: ct).ResponseAsync;

    private async Task ReportAsync(CancellationToken ct)
    {
        var figures = await strength.GetForceStrengthAsync(new GetForceStrengthRequest(), cancellationToken: ct);
        log.WriteLine($"  Mandate in force: {figures.MandateResolutionSymbol}, ceiling {figures.AuthorizedCeiling:N0}; deployed {figures.DeployedOfficers:N0} officers in {figures.DeployedContingents} contingents, {figures.PipelineOfficers:N0} in the pipeline.");

        var ken = (await strength.GetStrengthReportAsync(new GetStrengthReportRequest { NationCode = "KEN" }, cancellationToken: ct)).Nations.Single();
        log.WriteLine($"  Kenya in personnel: {ken.Figures.PledgedOfficers:N0} officers pledged, {ken.Figures.NotifiedOfficers:N0} notified, {ken.Figures.DeployedOfficers:N0} deployed; " +
            $"on its roster {ken.Officers.Deployed:N0} deployed ({ken.DeployedGender.FemaleShareBasisPoints / 100.0:F1}% women) and {ken.Officers.InVetting:N0} in pre-deployment training and vetting.");

        var expected = await WaitAsync(() => pledges.ListExpectedPledgesAsync(new ListExpectedPledgesRequest { NationCode = "KEN" }, cancellationToken: ct).ResponseAsync,
            l => l.ExpectedPledges.Count > 0 && l.ExpectedPledges.All(e => e.OfficersPledged > 0),
            "personnel has no expected pledge of Kenya's with its pledge against it (it hears of commitments from diplomacy's events)", ct);
        foreach (var e in expected.ExpectedPledges)
        {
            log.WriteLine($"  Kenya's expected pledge (personnel, from diplomacy's CommitmentAnnounced): {e.OfficersPromised:N0} officers announced {e.AnnouncedOn.Year:D4}-{e.AnnouncedOn.Month:D2}-{e.AnnouncedOn.Day:D2}, " +
                $"due {e.DueOn.Year:D4}-{e.DueOn.Month:D2}-{e.DueOn.Day:D2}; {e.OfficersPledged:N0} pledged against it, {e.OfficersOutstanding:N0} outstanding.");
        }
        var kenya = await WaitAsync(() => partners.GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "KEN" }, cancellationToken: ct).ResponseAsync,
            b => b.DeployedOfficers >= 400 && b.PledgedOfficers >= 600 && b.Commitments.All(c => c.OfficersDelivered == c.OfficersPromised),
            "diplomacy's brief of Kenya lacks its pledged and deployed officers (it hears of them from personnel's events)", ct);
        log.WriteLine($"  Kenya's brief (diplomacy, from personnel's events): {kenya.PledgedOfficers:N0} officers pledged, {kenya.DeployedOfficers:N0} deployed in {kenya.DeployedContingents} contingents;");
        foreach (var c in kenya.Commitments)
        {
            log.WriteLine($"    commitment \"{c.Description}\" due {c.DueOn.Year:D4}-{c.DueOn.Month:D2}-{c.DueOn.Day:D2}: {c.OfficersDelivered}/{c.OfficersPromised} officers, {c.State}");
        }
        foreach (var a in kenya.Agreements)
        {
            log.WriteLine($"    agreement \"{a.Title}\": {a.Status}");
        }

        var usa = await WaitAsync(() => partners.GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "USA" }, cancellationToken: ct).ResponseAsync,
            b => b.ContributionsPledged > 0 && b.PaidUsd.Units > 0,
            "diplomacy's brief of the United States lacks its contributions (it hears of them from finance's events)", ct);
        log.WriteLine($"  United States' brief (diplomacy, from finance's events): USD {usa.PledgedUsd.Units:N0} pledged, USD {usa.PaidUsd.Units:N0} paid.");

        var periods = await WaitAsync(() => budget.ListBudgetPeriodsAsync(new ListBudgetPeriodsRequest(), cancellationToken: ct).ResponseAsync,
            p => p.Periods.Count >= 3,
            "finance has not opened a budget period for each of the three mandates (it hears of them from diplomacy's events)", ct);
        log.WriteLine($"  Budget periods opened by finance from diplomacy's events: {string.Join(", ", periods.Periods.Select(p => p.ResolutionSymbol))}.");

        var donors = await financeReports.GetDonorReportAsync(new GetDonorReportRequest(), cancellationToken: ct);
        var fund = await financeReports.GetFundPositionAsync(new GetFundPositionRequest(), cancellationToken: ct);
        log.WriteLine($"  Trust fund (finance): USD {donors.Total.PledgedUsd.Units:N0} pledged by {donors.Donors.Count} donors, USD {donors.Total.PaidUsd.Units:N0} received; USD {fund.UnallocatedUsd.Units:N0} not yet allocated to a budget line.");
        var coverage = await financeReports.GetCoverageReportAsync(new GetCoverageReportRequest { BudgetPeriodId = periods.Periods.Single(p => p.ResolutionSymbol == "S/RES/2751 (2024)").Id }, cancellationToken: ct);
        log.WriteLine($"  Coverage of {coverage.ResolutionSymbol}: USD {coverage.TotalFunded.Units:N0} funded of USD {coverage.TotalRequirement.Units:N0} required ({coverage.CoverageBasisPoints / 100m:F2}%), gap USD {coverage.TotalGap.Units:N0};");
        foreach (var row in coverage.Rows)
        {
            log.WriteLine($"    {row.Line.Description}: {row.CoverageBasisPoints / 100m:F2}% funded, gap USD {row.Gap.Units:N0}");
        }
        await AppealAsync(ct);
        var verification = await ledger.VerifyLedgerAsync(new VerifyLedgerRequest(), cancellationToken: ct);
        log.WriteLine($"  Finance ledger: {verification.EntriesChecked} entries, {(verification.Intact ? "intact" : $"BROKEN at entry {verification.FirstBreak.Sequence}: {verification.FirstBreak.Problem}")}, head {verification.HeadHash[..12]}….");
    }

    /// <summary>The call to partners diplomacy issued on finance's low-runway warning, as a partner government reads it.</summary>
    private async Task AppealAsync(CancellationToken ct)
    {
        Appeal appeal;
        try
        {
            var listed = await WaitAsync(() => appeals.ListAppealsAsync(new ListAppealsRequest { Page = new PageRequest { PageSize = 500 } }, cancellationToken: ct).ResponseAsync,
                l => l.Appeals.Any(a => a.Trigger == AppealTrigger.FundRunwayLow), "no appeal", ct);
            appeal = listed.Appeals.Last(a => a.Trigger == AppealTrigger.FundRunwayLow);
        }
        catch (DemoIncompleteException)
        {
            // Not a gap in the data: the runway check may simply not have run yet.
            log.WriteLine("  No appeal to partners yet: finance has not reported the trust fund's runway low (its check runs every few seconds in the local run).");
            return;
        }
        log.WriteLine($"  Appeal to partners (diplomacy, {appeal.IssuedOn.Year:D4}-{appeal.IssuedOn.Month:D2}-{appeal.IssuedOn.Day:D2}, on finance's low-runway warning): \"{appeal.Message}\"");
        log.WriteLine($"    trust fund USD {appeal.FundBalance.Units:N0}, burning USD {appeal.MonthlyBurn.Units:N0} a month: {appeal.RunwayMonths} months of runway; gap USD {appeal.Gap.Units:N0}:");
        foreach (var gap in appeal.Gaps)
        {
            log.WriteLine($"    {gap.Description}: USD {gap.Funded.Units:N0} of {gap.Requirement.Units:N0}, gap USD {gap.Gap.Units:N0}");
        }
        log.WriteLine($"    {appeal.PartnerCount} partners, the most overdue first:");
        foreach (var p in appeal.Partners)
        {
            var overdue = p.CommitmentsOverdue > 0 ? $"{p.CommitmentsOverdue} overdue since {p.OverdueSince.Year:D4}-{p.OverdueSince.Month:D2}-{p.OverdueSince.Day:D2}" : "nothing overdue";
            log.WriteLine($"    {p.NationCode}: officers {p.OfficersDelivered:N0} delivered of {p.OfficersCommitted:N0} committed ({p.OfficersDeployed:N0} deployed); " +
                $"USD {p.UsdDelivered.Units:N0} paid of {p.UsdCommitted.Units:N0} committed; {overdue}");
        }
    }

    private async Task<Logistics.V1.Site> RecapturedSiteAsync(string key, string name, SiteKind kind, double lat, double lng, int posture, string reason, CancellationToken ct)
    {
        var site = await sites.CreateSiteAsync(new CreateSiteRequest
        {
            RequestId = $"demo-site-{key}",
            Name = name,
            Kind = kind,
            Location = new LatLng { Latitude = lat, Longitude = lng },
            Status = SiteStatus.Contested,
            RequiredPosture = posture,
        }, cancellationToken: ct);
        return await sites.ChangeSiteStatusAsync(new ChangeSiteStatusRequest
        {
            RequestId = $"demo-site-{key}-recaptured",
            Id = site.Id,
            Status = SiteStatus.Recaptured,
            Reason = reason,
        }, cancellationToken: ct);
    }

    private async Task<string> CreateContingentAsync(string key, string nation, string name, int officers, string siteId, CancellationToken ct) =>
        (await contingents.CreateContingentAsync(new CreateContingentRequest
        {
            RequestId = $"demo-contingent-{key}",
            NationCode = nation,
            Name = name,
            UnitType = officers >= 100 ? UnitType.FormedPoliceUnit : UnitType.IndividualPoliceOfficers,
            OfficerCount = officers,
            TourMonths = 12,
            SiteId = siteId,
        }, cancellationToken: ct)).Id;

    private async Task DeployAsync(string key, string nation, string name, int officers, string siteId, Date on, CancellationToken ct, List<string>? roster = null)
    {
        var id = await CreateContingentAsync(key, nation, name, officers, siteId, ct);
        if (roster is not null)
        {
            await contingents.AssignOfficersAsync(new AssignOfficersRequest { RequestId = $"demo-contingent-{key}-roster", Id = id, OfficerIds = { roster } }, cancellationToken: ct);
        }
        await MoveAsync(key, id, ContingentStatus.Deployed, on, ct);
    }

    /// <summary>Both parties bring a status-of-forces agreement with Haiti into force.</summary>
    private async Task StatusOfForcesAsync(string key, string nation, string title, Date inForceOn, CancellationToken ct)
    {
        var sofa = await agreements.CreateAgreementAsync(new CreateAgreementRequest
        {
            RequestId = $"demo-agreement-{key}-hti-sofa",
            Kind = AgreementKind.StatusOfForces,
            Title = title,
            PartyNationCodes = { nation, "HTI" },
        }, cancellationToken: ct);
        foreach (var party in new[] { nation, "HTI" })
        {
            foreach (var status in new[] { AgreementStatus.Signed, AgreementStatus.Ratified, AgreementStatus.InForce })
            {
                await agreements.ChangePartyStatusAsync(new ChangePartyStatusRequest
                {
                    RequestId = $"demo-agreement-{key}-hti-sofa-{party}-{status}",
                    Id = sofa.Id,
                    NationCode = party,
                    Status = status,
                    EffectiveOn = inForceOn,
                }, cancellationToken: ct);
            }
        }
    }

    /// <summary>Walks a contingent along its chain, one step at a time, up to <paramref name="target"/>.</summary>
    private async Task MoveAsync(string key, string id, ContingentStatus target, Date? on, CancellationToken ct)
    {
        for (var status = ContingentStatus.Assigned; status <= target; status++)
        {
            await contingents.ChangeContingentStatusAsync(new ChangeContingentStatusRequest
            {
                RequestId = $"demo-contingent-{key}-{status.ToString().ToLowerInvariant()}",
                Id = id,
                Status = status,
                EffectiveOn = status == ContingentStatus.Deployed ? on : null,
            }, cancellationToken: ct);
        }
    }

    /// <summary>
    /// The report's Nairobi meeting: Kenya announces 600 more officers in pre-deployment training, pledges them (an
    /// assessment visit follows: readiness level 2), and the commitment is fulfilled; the tourism and culture MOU is in
    /// draft (the status-of-forces agreement came into force before the first deployment).
    /// </summary>
    private async Task KenyaAsync(CancellationToken ct)
    {
        await agreements.CreateAgreementAsync(new CreateAgreementRequest
        {
            RequestId = "demo-agreement-ken-hti-tourism",
            Kind = AgreementKind.MouTourism,
            Title = "Memorandum of understanding between Kenya and Haiti on tourism and cultural exchange",
            PartyNationCodes = { "KEN", "HTI" },
        }, cancellationToken: ct);

        var meeting = await engagements.RecordEngagementAsync(new RecordEngagementRequest
        {
            RequestId = "demo-engagement-nairobi",
            Kind = EngagementKind.Meeting,
            Title = "President Ruto and Prime Minister Conille, State House Nairobi",
            HeldOn = Day(2024, 10, 11),
            Location = "State House, Nairobi",
            Participants = { new Participant { NationCode = "KEN", Role = "President" }, new Participant { NationCode = "HTI", Role = "Prime Minister" } },
            Outcome = "Kenya to send 600 more officers, in pre-deployment training and ready next month; partners urged to honour their commitments; cooperation on tourism and culture.",
            FollowUps =
            {
                new NewFollowUp { Action = "Draft the MOU on tourism and cultural exchange", Owner = "KEN Ministry of Foreign Affairs", DueOn = Day(2024, 12, 31) },
            },
        }, cancellationToken: ct);
        await commitments.AnnounceCommitmentAsync(new AnnounceCommitmentRequest
        {
            RequestId = "demo-commitment-ken-600",
            NationCode = "KEN",
            Kind = CommitmentKind.Personnel,
            Description = "Another 600 Kenyan police officers, ready for duty next month",
            EngagementId = meeting.Id,
            AnnouncedOn = Day(2024, 10, 11),
            DueOn = Day(2024, 11, 30),
            Officers = 600,
        }, cancellationToken: ct);
        var pledge = await pledges.CreatePledgeAsync(new CreatePledgeRequest
        {
            RequestId = "demo-pledge-ken-600",
            NationCode = "KEN",
            UnitType = UnitType.FormedPoliceUnit,
            OfficerCount = 600,
            PledgedOn = Day(2024, 10, 11),
        }, cancellationToken: ct);
        await pledges.RecordPledgeEvidenceAsync(new RecordPledgeEvidenceRequest
        {
            RequestId = "demo-pledge-ken-600-assessment",
            Id = pledge.Id,
            AssessmentVisitOn = Day(2024, 10, 28),
        }, cancellationToken: ct);
    }

    private async Task<string> PledgeAsync(string key, string donor, string currency, long units, string rate, bool paid, CancellationToken ct)
    {
        var contribution = await contributions.RecordContributionAsync(new RecordContributionRequest
        {
            RequestId = $"demo-pledge-{key}",
            DonorNationCode = donor,
            Amount = new Money { CurrencyCode = currency, Units = units },
            UsdExchangeRate = rate,
            RateDate = rate.Length > 0 ? Day(2024, 12, 31) : null,
            Channel = Channel.TrustFund,
            DecidedOn = Day(2024, 12, 31),
            Earmark = "MSS trust fund",
        }, cancellationToken: ct);
        if (!paid)
        {
            return contribution.Id;
        }
        foreach (var status in new[] { ContributionStatus.Committed, ContributionStatus.Paid })
        {
            await contributions.ChangeContributionStatusAsync(new ChangeContributionStatusRequest
            {
                RequestId = $"demo-pledge-{key}-{status}",
                Id = contribution.Id,
                Status = status,
                EffectiveOn = Day(2024, 12, 31),
            }, cancellationToken: ct);
        }
        return contribution.Id;
    }

    /// <summary>Personnel learns of agreements and sites from diplomacy's and logistics' events: wait until it knows these.</summary>
    private Task WaitForPersonnelAsync(string[] nations, string[] siteIds, CancellationToken ct) =>
        WaitAsync(() => strength.GetStrengthReportAsync(new GetStrengthReportRequest(), cancellationToken: ct).ResponseAsync,
            r => nations.All(n => r.Nations.Any(x => x.NationCode == n && x.StatusOfForcesInForce))
                && siteIds.All(id => r.Sites.Any(s => s.SiteId == id && s.SiteName.Length > 0)),
            $"personnel does not know the status-of-forces agreements of {string.Join(" and ", nations)} or the recaptured sites (it hears of them from diplomacy's and logistics' events)", ct);

    /// <summary>Personnel learns of mandates from diplomacy's events: wait until its mandate runs at least to this day
    /// (on a second load it already knows a later one).</summary>
    private Task WaitForMandateAsync(Date end, CancellationToken ct) =>
        WaitAsync(() => strength.GetForceStrengthAsync(new GetForceStrengthRequest(), cancellationToken: ct).ResponseAsync,
            s => s.MandatePeriodEnd is { } known && (known.Year, known.Month, known.Day).CompareTo((end.Year, end.Month, end.Day)) >= 0,
            $"personnel has no mandate running to {end.Year:D4}-{end.Month:D2}-{end.Day:D2} (it hears of mandates from diplomacy's events)", ct);

    /// <summary>Reads until <paramref name="done"/>; after the patience the services' data are out of step (one service's
    /// database deleted or from another run, so it never hears the events the others already published).</summary>
    private async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done, string missing, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new DemoIncompleteException(
                    $"The demo cannot complete: after {patience.TotalSeconds:0} s {missing}. The local data hold a partial earlier run (one service's database deleted, or kept from another run): start again with --reset, which deletes every service's database.");
            }
            await Task.Delay(200, ct);
        }
    }

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}

/// <summary>The demo waited for a service to hear another's events and it did not: the message says what is missing.</summary>
public sealed class DemoIncompleteException(string message) : Exception(message);
