using Coordination.Persistence;
using Coordination.Bench;
using System.Diagnostics;
using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Events;
using Coordination.Finance;
using Coordination.Finance.V1;
using MassTransit;
using Npgsql;

namespace Coordination.Bench.Finance;

/// <summary>
/// The finance service and the gateway in this process, on a PostgreSQL host.Database of their own. Budget periods arrive as
/// diplomacy's events would (on the service's in-memory bus), budget lines are created through the API, the flows'
/// history is bulk-loaded with COPY (hash chain and running totals computed by the loader with the service's own code),
/// so the measured calls run on a host.Database that looks like years of use.
/// </summary>
public sealed class FinanceBench : IAsyncDisposable
{
    private static readonly string[] DonorCodes = """
        USA CAN GBR FRA ESP KOR AUS DEU ITA NLD BEL SWE NOR DNK FIN IRL CHE AUT JPN CHN BRA MEX ARG CHL COL PER URY PAN CRI DOM
        JAM BHS BRB TTO GUY SUR BLZ KEN RWA BEN TCD SEN NGA GHA ZAF EGY MAR TUR SAU ARE QAT KWT IND BGD PAK NZL POL CZE PRT GRC
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    private readonly BenchOptions options;
    private readonly TextWriter log;
    private readonly BenchHost host;
    private readonly List<string> periods = [];
    private readonly List<(string Id, DateOnly Start, DateOnly End)> lines = [];
    private string[] donors = [];

    private FinanceBench(BenchOptions options, TextWriter log, BenchHost host)
    {
        this.options = options;
        this.log = log;
        this.host = host;
    }

    public static async Task<FinanceBench> StartAsync(BenchOptions options, TextWriter log)
    {
        var host = await BenchHost.StartAsync(FinanceService.Module, options.Postgres, BenchOptions.Database, options.Keep, Roles.FinanceOfficer, log);
        return new FinanceBench(options, log, host);
    }

    public async Task SeedAsync()
    {
        var clock = Stopwatch.StartNew();
        donors = DonorCodes.Take(options.Donors).ToArray();
        var bus = host.Service.Services.GetRequiredService<IBus>();
        (string Symbol, DateOnly Start, DateOnly End)[] mandates =
        [
            ("S/RES/2699 (2023)", new(2023, 10, 2), new(2024, 10, 1)),
            ("S/RES/2751 (2024)", new(2024, 10, 2), new(2025, 10, 2)),
            ("S/RES/2793 (2025)", new(2025, 10, 3), new(2026, 10, 2)),
        ];
        foreach (var (symbol, start, end) in mandates)
        {
            var adopted = new MandateAdopted
            {
                OccurredAt = DateTime.UtcNow, SubjectId = Ids.New(), ResolutionSymbol = symbol, AdoptedOn = start, PeriodStart = start, PeriodEnd = end, PersonnelCeiling = 5_550,
            };
            await bus.Publish(adopted, c => c.MessageId = adopted.EventId);
        }
        var budget = host.Direct<BudgetService.BudgetServiceClient>();
        ListBudgetPeriodsResponse known;
        while ((known = await budget.ListBudgetPeriodsAsync(new ListBudgetPeriodsRequest())).Periods.Count < mandates.Length)
        {
            await Task.Delay(100);
        }
        foreach (var period in known.Periods)
        {
            periods.Add(period.Id);
            foreach (var category in Enum.GetValues<BudgetCategory>().Skip(1))
            {
                var line = await budget.CreateBudgetLineAsync(new CreateBudgetLineRequest
                {
                    RequestId = $"bench-line-{periods.Count}-{(int)category}", BudgetPeriodId = period.Id, Category = category,
                    Amount = new Money { CurrencyCode = "USD", Units = 2_000_000_000 },
                });
                lines.Add((line.Id, new DateOnly(period.StartsOn.Year, period.StartsOn.Month, period.StartsOn.Day), new DateOnly(period.EndsOn.Year, period.EndsOn.Month, period.EndsOn.Day)));
            }
        }
        log.WriteLine($"opened {periods.Count} budget periods from MandateAdopted and created {lines.Count} budget lines through the API in {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        var loader = new FlowLoader(host.Database, donors, lines);
        await loader.LoadAsync(options.Flows);
        log.WriteLine($"loaded {options.Flows:N0} flows from {donors.Length} donors ({loader.VersionCount:N0} hash-chained versions) with COPY, and their running totals, in {clock.Elapsed.TotalSeconds:F1} s");
    }

    public async Task MeasureAsync()
    {
        var random = new Random(2024);
        var reports = host.Direct<FinanceReportService.FinanceReportServiceClient>();
        var reportsViaGateway = host.ViaGateway<FinanceReportService.FinanceReportServiceClient>();
        var contributions = host.Direct<ContributionService.ContributionServiceClient>();
        var contributionsViaGateway = host.ViaGateway<ContributionService.ContributionServiceClient>();
        var run = Guid.NewGuid().ToString("N")[..8];

        log.WriteLine();
        log.WriteLine($"coverage report (GetCoverageReport: requirement vs funded for the 5 lines of a random period), one call at a time:");
        log.WriteLine($"  direct to finance   : {await Latencies.MeasureAsync(options.Warmup, options.Samples, _ => reports.GetCoverageReportAsync(new GetCoverageReportRequest { BudgetPeriodId = periods[random.Next(periods.Count)] }).ResponseAsync)}");
        log.WriteLine($"  through the gateway : {await Latencies.MeasureAsync(options.Warmup, options.Samples, _ => reportsViaGateway.GetCoverageReportAsync(new GetCoverageReportRequest { BudgetPeriodId = periods[random.Next(periods.Count)] }).ResponseAsync)}");

        log.WriteLine($"donor report (GetDonorReport: pledged, committed, paid and ageing of unpaid pledges for all {donors.Length} donors), one call at a time:");
        log.WriteLine($"  direct to finance   : {await Latencies.MeasureAsync(options.Warmup, options.Samples, _ => reports.GetDonorReportAsync(new GetDonorReportRequest()).ResponseAsync)}");
        log.WriteLine($"  through the gateway : {await Latencies.MeasureAsync(options.Warmup, options.Samples, _ => reportsViaGateway.GetDonorReportAsync(new GetDonorReportRequest()).ResponseAsync)}");

        Task Record(ContributionService.ContributionServiceClient client, string prefix, int i)
        {
            var line = random.Next(2) == 0 ? "" : lines[random.Next(lines.Count)].Id;
            return client.RecordContributionAsync(new RecordContributionRequest
            {
                RequestId = $"{prefix}-{run}-{i}", DonorNationCode = donors[random.Next(donors.Length)],
                Amount = new Money { CurrencyCode = "EUR", Units = random.Next(10_000, 5_000_000), Nanos = random.Next(100) * 10_000_000 },
                UsdExchangeRate = "1.0825", RateDate = new Date { Year = 2026, Month = 1, Day = 5 },
                Channel = Channel.TrustFund, DecidedOn = new Date { Year = 2026, Month = 1, Day = 5 }, BudgetLineId = line,
            }).ResponseAsync;
        }
        log.WriteLine("record a flow (RecordContribution: request log, ledger lock, version and hash, current row, donor and line totals, outbox, one transaction), one call at a time:");
        log.WriteLine($"  direct to finance   : {await Latencies.MeasureAsync(options.Warmup, options.Samples, i => Record(contributions, "d", i))}");
        log.WriteLine($"  through the gateway : {await Latencies.MeasureAsync(options.Warmup, options.Samples, i => Record(contributionsViaGateway, "g", i))}");

        // For comparison only: the donor report summed from the flows on every read instead of from the running totals.
        await using var connection = new NpgsqlConnection(host.Database);
        await connection.OpenAsync();
        var fromFlows = await Latencies.MeasureAsync(3, 30, async _ =>
        {
            await using var sum = new NpgsqlCommand("""
                SELECT "DonorNation", count(*), sum("UsdCents") FILTER (WHERE "Status" <> 'Cancelled'), sum("UsdCents") FILTER (WHERE "Status" = 'Paid')
                FROM contributions WHERE "ParentId" = '' GROUP BY "DonorNation"
                """, connection);
            await using var reader = await sum.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        });
        log.WriteLine($"for comparison, donor totals summed from the flows in SQL: {fromFlows}");
    }

    /// <summary>The whole chain verifies through the API, and every running total equals the sum of the current flows.</summary>
    public async Task<bool> VerifyAsync()
    {
        var clock = Stopwatch.StartNew();
        var verification = await host.Direct<LedgerService.LedgerServiceClient>().VerifyLedgerAsync(new VerifyLedgerRequest());
        log.WriteLine();
        log.WriteLine($"VerifyLedger: {verification.EntriesChecked:N0} entries and {verification.ContributionsChecked:N0} current rows checked in {clock.Elapsed.TotalSeconds:F1} s: " +
            (verification.Intact ? "intact" : $"BROKEN at {verification.FirstBreak.Sequence} ({verification.FirstBreak.EntryKind} {verification.FirstBreak.RecordId}): {verification.FirstBreak.Problem}"));

        await using var connection = new NpgsqlConnection(host.Database);
        await connection.OpenAsync();
        await using var check = new NpgsqlCommand("""
            WITH flows AS (
              SELECT "DonorNation" AS donor,
                     count(*) FILTER (WHERE "Status" <> 'Cancelled') AS n,
                     coalesce(sum("UsdCents") FILTER (WHERE "Status" <> 'Cancelled'), 0) AS pledged,
                     coalesce(sum("UsdCents") FILTER (WHERE "Status" IN ('Committed', 'Paid')), 0) AS committed,
                     coalesce(sum("UsdCents") FILTER (WHERE "Status" = 'Paid'), 0) AS paid
              FROM contributions WHERE "ParentId" = '' GROUP BY "DonorNation")
            SELECT count(*) FROM flows f FULL JOIN donor_totals t ON t."Donor" = f.donor
            WHERE t."Donor" IS NULL OR f.donor IS NULL OR t."ContributionCount" <> f.n OR t."PledgedUsdCents" <> f.pledged
               OR t."CommittedUsdCents" <> f.committed OR t."PaidUsdCents" <> f.paid
            """, connection) { CommandTimeout = 600 };
        var mismatched = (long)(await check.ExecuteScalarAsync())!;
        log.WriteLine($"donors whose running totals differ from the sum of their flows: {mismatched}");
        return verification.Intact && mismatched == 0;
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
