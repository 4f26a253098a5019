using System.Text.Json;
using Coordination.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Coordination.Bench.Personnel;

/// <summary>
/// Bulk-loads a mission that has run for a while, with COPY, consistent with what the API would have written: each
/// nation's contingents spread over the status chain, each contingent's roster of officers whose status follows it,
/// the rest of the officers in vetting, not cleared or available; pledges at every level; sites with their posture;
/// every nation's status-of-forces agreement; the mandate; and the officer tallies derived from the officers.
/// </summary>
public sealed class BenchData(string database, BenchOptions options)
{
    public static readonly string[] NationCodes =
    [
        "KEN", "JAM", "BHS", "BLZ", "GTM", "SLV", "BEN", "TCD", "SEN", "RWA", "GHA", "NGA", "ZAF", "TZA", "UGA", "ETH", "EGY", "MAR", "JOR", "IND",
        "PAK", "BGD", "NPL", "LKA", "IDN", "MYS", "PHL", "FJI", "BRA", "ARG", "URY", "CHL", "CAN", "USA", "FRA", "ITA", "ESP", "POL", "ROU", "MNG",
    ];

    // Per 50 contingents of a nation: 5 requested, 10 notified, 25 deployed, 3 demobilizing, 7 repatriated.
    private static readonly (string Status, int Share)[] ContingentMix =
        [("Requested", 5), ("Assigned", 3), ("Standby", 3), ("Mobilized", 4), ("Deployed", 25), ("Demobilizing", 3), ("Repatriated", 7)];

    private static readonly string Vetted = JsonSerializer.Serialize(Enumerable.Range(1, 5).Select(s => new { stage = s, passed = true, on = $"2024-03-0{s}" }));
    private static readonly string Certified = JsonSerializer.Serialize(new[] { new { stage = 1, passed = true, on = "2024-03-01" } });
    private static readonly string FailedLanguage = JsonSerializer.Serialize(new[] { new { stage = 1, passed = true, on = "2024-03-01" }, new { stage = 2, passed = false, on = "2024-03-02" } });

    private static readonly DateOnly MandateEnd = new(2026, 10, 2);

    public List<string> Sites { get; } = [];

    public async Task LoadAsync()
    {
        var random = new Random(2025);
        var nations = NationCodes.Take(options.Nations).ToArray();
        var now = DateTime.UtcNow;
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();

        await ExecuteAsync(connection, $"""
            INSERT INTO mandates ("MandateId", "ResolutionSymbol", "PeriodStart", "PeriodEnd", "PersonnelCeiling", "UpdatedAt", "Revision")
            VALUES ('{Ids.New()}', 'S/RES/2793 (2025)', '2025-10-03', '2026-10-02', 100000, now(), 0);
            """);
        for (var s = 0; s < 50; s++)
        {
            Sites.Add(Ids.New());
        }
        await using (var writer = await connection.BeginBinaryImportAsync("""
            COPY site_views ("SiteId", "Name", "Status", "StatusChangedAt", "ChangeCount", "RequiredPosture", "Revision") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var s = 0; s < Sites.Count; s++)
            {
                await writer.WriteRowAsync(default, Sites[s], $"Site {s:D2}", s % 4 == 0 ? "CONTESTED" : "SECURED", now, 1, 200 + (s * 40), 1);
            }
            await writer.CompleteAsync();
        }
        await using (var writer = await connection.BeginBinaryImportAsync("""
            COPY status_of_forces_parties ("AgreementId", "Nation", "Title", "InForceOn", "RecordedAt") FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var nation in nations)
            {
                await writer.WriteRowAsync(default, Ids.New(), nation, $"Status of forces of {nation}", new DateOnly(2024, 3, 1), now);
            }
            await writer.CompleteAsync();
        }
        await LoadPledgesAsync(connection, nations, random, now);
        await LoadForceAsync(connection, nations, random, now);
        // The API keeps these tallies with every change to an officer; a bulk load derives them once.
        await ExecuteAsync(connection, """
            INSERT INTO officer_tallies ("Nation", "Status", "Gender", "Count")
            SELECT "Nation", "Status", "Gender", count(*) FROM officers GROUP BY 1, 2, 3;
            """);
        await ExecuteAsync(connection, "VACUUM ANALYZE;");
    }

    private static async Task LoadPledgesAsync(NpgsqlConnection connection, string[] nations, Random random, DateTime now)
    {
        string[] levels = ["L1", "L2", "L3", "RapidDeployment"];
        await using var pledges = await connection.BeginBinaryImportAsync("""
            COPY pledges ("Id", "Nation", "UnitType", "OfficerCount", "ReadinessLevel", "Status", "Version", "PledgedOn", "RenewalDueOn",
                "WithdrawalReason", "Revision", "Audit_CreatedAt", "Audit_CreatedBy", "Audit_LastRequestId", "Audit_UpdatedAt", "Audit_UpdatedBy")
            FROM STDIN (FORMAT BINARY)
            """);
        foreach (var nation in nations)
        {
            for (var p = 0; p < 5; p++)
            {
                var on = new DateOnly(2024, 1 + p, 10);
                await pledges.WriteRowAsync(default, Ids.New(), nation, p % 2 == 0 ? "FormedPoliceUnit" : "IndividualPoliceOfficers", random.Next(20, 400),
                    levels[p % 4], p == 4 ? "Withdrawn" : "Active", 1, on, on.AddMonths(12), "", 1, now, "bench-loader", "", now, "bench-loader");
            }
        }
        await pledges.CompleteAsync();
    }

    private async Task LoadForceAsync(NpgsqlConnection connection, string[] nations, Random random, DateTime now)
    {
        var perNation = options.Contingents / nations.Length;
        var officersPerNation = options.Officers / nations.Length;
        var rosterSize = officersPerNation * 4 / 5 / perNation;
        await using (var contingents = await connection.BeginBinaryImportAsync("""
            COPY contingents ("Id", "Nation", "Name", "UnitType", "OfficerCount", "DeclaredOfficers", "AssignedOfficers", "TourMonths", "SiteId",
                "Status", "DeployedOn", "PlannedTourEnd", "TourEndCappedByMandate", "Revision",
                "Audit_CreatedAt", "Audit_CreatedBy", "Audit_LastRequestId", "Audit_UpdatedAt", "Audit_UpdatedBy")
            FROM STDIN (FORMAT BINARY)
            """))
        await using (var officers = new OfficerWriter(await new NpgsqlConnection(database).OpenedAsync()))
        {
            await officers.BeginAsync();
            var site = 0;
            foreach (var nation in nations)
            {
                var serial = 0;
                for (var c = 0; c < perNation; c++)
                {
                    var status = StatusOf(c * 50 / perNation);
                    var id = Ids.New();
                    var onDuty = status is "Deployed" or "Demobilizing" or "Repatriated";
                    var deployed = onDuty ? new DateOnly(2025, 10, 3).AddDays(c % 90) : (DateOnly?)null;
                    var natural = deployed?.AddMonths(12).AddDays(-1);
                    var capped = natural > MandateEnd;
                    await contingents.WriteRowAsync(default, id, nation, $"{nation} unit {c:D2}", "FormedPoliceUnit", rosterSize, rosterSize, rosterSize, 12,
                        status == "Requested" ? "" : Sites[site++ % Sites.Count], status, deployed, capped ? MandateEnd : natural, capped,
                        1, now, "bench-loader", "", now, "bench-loader");
                    var officerStatus = status switch
                    {
                        "Deployed" or "Demobilizing" => "Deployed",
                        "Repatriated" => "Repatriated",
                        _ => "Assigned",
                    };
                    for (var o = 0; o < rosterSize; o++)
                    {
                        await officers.WriteAsync(nation, $"{nation}/{++serial:D6}", random, Vetted, "Unspecified", false, "Cleared", officerStatus, id, now);
                    }
                }
                while (serial < officersPerNation)
                {
                    var kind = serial % 10;
                    var (vetting, next, failed, screening, officerStatus) = kind switch
                    {
                        < 4 => (Certified, "Language", false, "Unspecified", "InVetting"),
                        4 => (FailedLanguage, "Language", true, "Unspecified", "NotCleared"),
                        _ => (Vetted, "Unspecified", false, "Cleared", "Vetted"),
                    };
                    await officers.WriteAsync(nation, $"{nation}/{++serial:D6}", random, vetting, next, failed, screening, officerStatus, "", now);
                }
            }
            await contingents.CompleteAsync();
            await officers.CompleteAsync();
        }
    }

    private static string StatusOf(int slot)
    {
        foreach (var (status, share) in ContingentMix)
        {
            if (slot < share)
            {
                return status;
            }
            slot -= share;
        }
        return "Repatriated";
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Officers, on their own connection beside the contingents' COPY; then one credential each, once the officers are in.</summary>
    private sealed class OfficerWriter(NpgsqlConnection connection) : IAsyncDisposable
    {
        private readonly List<(string OfficerId, string Nation, DateOnly Obtained, DateOnly Expires)> credentials = [];
        private NpgsqlBinaryImporter officers = null!;

        public async Task BeginAsync() => officers = await connection.BeginBinaryImportAsync("""
            COPY officers ("Id", "Nation", "ServiceNumber", "FamilyName", "GivenNames", "Rank", "Gender", "DateOfBirth", "Languages", "Skills",
                "Vetting", "NextVettingStage", "VettingFailed", "Screening", "ScreenedOn", "Status", "ContingentId", "Revision",
                "Audit_CreatedAt", "Audit_CreatedBy", "Audit_LastRequestId", "Audit_UpdatedAt", "Audit_UpdatedBy")
            FROM STDIN (FORMAT BINARY)
            """);

        public async Task WriteAsync(string nation, string serviceNumber, Random random, string vetting, string next, bool failed, string screening,
            string status, string contingentId, DateTime now)
        {
            var id = Ids.New();
            await officers.WriteRowAsync(default, id, nation, serviceNumber, "Officer", "Bench", "Constable", random.Next(100) < 12 ? "Female" : "Male",
                new DateOnly(1965 + random.Next(32), 1 + random.Next(12), 1 + random.Next(28)), "[\"en\",\"fr\"]", "[]", vetting, next, failed, screening,
                screening == "Cleared" ? new DateOnly(2024, 2, 28) : (DateOnly?)null, status, contingentId, 1, now, "bench-loader", "", now, "bench-loader");
            credentials.Add((id, nation, new DateOnly(2022, 1, 1).AddDays(random.Next(700)), new DateOnly(2026, 1, 1).AddDays(random.Next(730))));
        }

        public async Task CompleteAsync()
        {
            await officers.CompleteAsync();
            await officers.DisposeAsync();
            await using var writer = await connection.BeginBinaryImportAsync("""
                COPY officer_qualifications ("Id", "OfficerId", "Nation", "Kind", "Name", "ObtainedOn", "ExpiresOn") FROM STDIN (FORMAT BINARY)
                """);
            foreach (var (officerId, nation, obtained, expires) in credentials)
            {
                await writer.WriteRowAsync(default, Ids.New(), officerId, nation, "Credential", "Driving licence", obtained, expires);
            }
            await writer.CompleteAsync();
        }

        public async ValueTask DisposeAsync() => await connection.DisposeAsync();
    }
}

internal static class NpgsqlBench
{
    public static async Task<NpgsqlConnection> OpenedAsync(this NpgsqlConnection connection)
    {
        await connection.OpenAsync();
        return connection;
    }
}
