using Grpc.Core;
using Coordination.Bench;
using System.Diagnostics;
using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Personnel;
using Coordination.Personnel.V1;
using Npgsql;

namespace Coordination.Bench.Personnel;

/// <summary>
/// The personnel service and the gateway in this process, on a PostgreSQL host.Database of their own, loaded with a
/// mission's worth of officers and contingents; then the strength report and a roster import over the real API.
/// </summary>
public sealed class PersonnelBench : IAsyncDisposable
{
    private readonly BenchOptions options;
    private readonly TextWriter log;
    private readonly BenchHost host;

    private PersonnelBench(BenchOptions options, TextWriter log, BenchHost host)
    {
        this.options = options;
        this.log = log;
        this.host = host;
    }

    public static async Task<PersonnelBench> StartAsync(BenchOptions options, TextWriter log)
    {
        var host = await BenchHost.StartAsync(PersonnelService.Module, options.Postgres, BenchOptions.Database, options.Keep, Roles.MissionAdmin, log);
        return new PersonnelBench(options, log, host);
    }

    public async Task SeedAsync()
    {
        var clock = Stopwatch.StartNew();
        await new BenchData(host.Database, options).LoadAsync();
        log.WriteLine($"loaded {options.Officers:N0} officers (with a credential each), {options.Contingents:N0} contingents, {options.Nations * 5} pledges, " +
            $"50 sites and {options.Nations} agreements of {options.Nations} nations with COPY in {clock.Elapsed.TotalSeconds:F1} s");
    }

    public async Task MeasureReportAsync()
    {
        var random = new Random(2024);
        var direct = host.Direct<ForceStrengthService.ForceStrengthServiceClient>();
        var viaGateway = host.ViaGateway<ForceStrengthService.ForceStrengthServiceClient>();
        var report = await viaGateway.GetStrengthReportAsync(new GetStrengthReportRequest());
        log.WriteLine();
        log.WriteLine($"strength report: {report.Nations.Count} nations, {report.Sites.Count} sites; mission pledged {report.Mission.PledgedOfficers:N0}, " +
            $"notified {report.Mission.NotifiedOfficers:N0}, deployed {report.Mission.DeployedOfficers:N0} of {report.AuthorizedCeiling:N0}; " +
            $"{report.Nations.Sum(n => n.Officers.Registered):N0} officers counted");
        log.WriteLine("GetStrengthReport, mission-wide (every nation, site and level), one call at a time:");
        log.WriteLine($"  direct to personnel : {await Latencies.MeasureAsync(200, options.Samples, _ => direct.GetStrengthReportAsync(new GetStrengthReportRequest()).ResponseAsync)}");
        log.WriteLine($"  through the gateway : {await Latencies.MeasureAsync(200, options.Samples, _ => viaGateway.GetStrengthReportAsync(new GetStrengthReportRequest()).ResponseAsync)}");
        log.WriteLine("GetStrengthReport for one nation, one call at a time:");
        log.WriteLine($"  through the gateway : {await Latencies.MeasureAsync(200, options.Samples, _ => viaGateway.GetStrengthReportAsync(new GetStrengthReportRequest
        {
            NationCode = BenchData.NationCodes[random.Next(options.Nations)],
        }).ResponseAsync)}");
    }

    public async Task MeasureImportAsync()
    {
        var officers = host.ViaGateway<OfficerService.OfficerServiceClient>();
        var run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        log.WriteLine();
        log.WriteLine($"ImportRoster through the gateway, {options.ImportRows:N0} rows (each with five vetting results, a screening and two qualifications):");
        await ImportAsync(officers, "KEN", $"A{run}", "new officers");
        await ImportAsync(officers, "KEN", $"A{run}", "the same roster sent again");
        await ImportAsync(officers, "JAM", $"B{run}", "another new roster");
    }

    private async Task ImportAsync(OfficerService.OfficerServiceClient officers, string nation, string prefix, string what)
    {
        var clock = Stopwatch.StartNew();
        var firstProgress = TimeSpan.Zero;
        using var call = officers.ImportRoster();
        ImportRosterProgress? last = null;
        var messages = 0;
        var reading = Task.Run(async () =>
        {
            await foreach (var progress in call.ResponseStream.ReadAllAsync())
            {
                if (messages++ == 0)
                {
                    firstProgress = clock.Elapsed;
                }
                last = progress;
            }
        });
        await call.RequestStream.WriteAsync(new ImportRosterRequest { Header = new ImportRosterHeader { NationCode = nation } });
        for (var i = 0; i < options.ImportRows; i++)
        {
            await call.RequestStream.WriteAsync(new ImportRosterRequest { Row = Row(prefix, i) });
        }
        await call.RequestStream.CompleteAsync();
        await reading;
        var seconds = clock.Elapsed.TotalSeconds;
        log.WriteLine($"  {what,-28}: {seconds,6:F2} s ({options.ImportRows / seconds,6:N0} rows/s), first progress after {firstProgress.TotalMilliseconds:F0} ms, " +
            $"{messages} messages; created {last!.RowsCreated:N0}, already registered {last.RowsAlreadyRegistered:N0}, rejected {last.RowsRejected:N0}");
    }

    private static OfficerRecord Row(string prefix, int i)
    {
        var record = new OfficerRecord
        {
            ServiceNumber = $"{prefix}/{i:D6}",
            FamilyName = "Imported",
            GivenNames = "Officer",
            Rank = "Constable",
            Gender = i % 8 == 0 ? Gender.Female : Gender.Male,
            DateOfBirth = Day(1970 + (i % 25), 1 + (i % 12), 1 + (i % 28)),
            Languages = { "en", "fr" },
            Skills = { "patrol" },
            HumanRightsScreening = new HumanRightsScreening { Result = ScreeningResult.Cleared, On = Day(2025, 2, 1) },
            Qualifications =
            {
                new Qualification { Kind = QualificationKind.Training, Name = "UN pre-deployment training", ObtainedOn = Day(2025, 3, 1) },
                new Qualification { Kind = QualificationKind.Credential, Name = "Driving licence", ObtainedOn = Day(2023, 1, 5), ExpiresOn = Day(2028, 1, 4) },
            },
        };
        record.Vetting.Add(new[] { VettingStage.NationCertification, VettingStage.Language, VettingStage.Interview, VettingStage.Driving, VettingStage.Firearms }
            .Select((stage, n) => new VettingResult { Stage = stage, Passed = true, On = Day(2025, 2, 2 + n) }));
        return record;
    }

    /// <summary>Every contingent's roster count and every officer tally equal the officers themselves, and no service number is registered twice.</summary>
    public async Task<bool> VerifyAsync()
    {
        await using var connection = new NpgsqlConnection(host.Database);
        await connection.OpenAsync();
        async Task<long> CountAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        var mismatched = await CountAsync("""
            SELECT count(*) FROM contingents c
            LEFT JOIN (SELECT "ContingentId", count(*) AS n FROM officers WHERE "ContingentId" <> '' GROUP BY 1) o ON o."ContingentId" = c."Id"
            WHERE c."AssignedOfficers" <> coalesce(o.n, 0)
            """);
        var tallies = await CountAsync("""
            SELECT count(*) FROM (SELECT "Nation", "Status", "Gender", count(*) AS n FROM officers GROUP BY 1, 2, 3) o
            FULL JOIN officer_tallies t ON t."Nation" = o."Nation" AND t."Status" = o."Status" AND t."Gender" = o."Gender"
            WHERE coalesce(t."Count", 0) <> coalesce(o.n, 0)
            """);
        var duplicates = await CountAsync("""SELECT count(*) FROM (SELECT 1 FROM officers GROUP BY "Nation", "ServiceNumber" HAVING count(*) > 1) d""");
        var total = await CountAsync("SELECT count(*) FROM officers");
        log.WriteLine();
        log.WriteLine($"officers now {total:N0}; contingents whose roster count differs from their officers: {mismatched}; " +
            $"officer tallies that differ from a count of the officers: {tallies}; service numbers registered twice: {duplicates}");
        return mismatched == 0 && tallies == 0 && duplicates == 0 && total == options.Officers + (2L * options.ImportRows);
    }

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
