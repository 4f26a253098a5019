using Coordination.Finance.Ledger;
using Coordination.Finance.Contributions;
using Coordination.Finance.V1;
using ContributionVersion = Coordination.Finance.Contributions.ContributionVersion;
using Coordination.Persistence;
using Coordination.Values;
using Npgsql;
using NpgsqlTypes;

namespace Coordination.Bench.Finance;

/// <summary>
/// Writes years of contribution flows with binary COPY, as the service would have written them one by one: each flow's
/// versions (recorded, then committed, paid, cancelled, suspended or corrected) chained with the service's own hash
/// (<see cref="ContributionVersion.Chain"/>), the current row beside them, and the running totals the reports read
/// (donor totals, unpaid days, budget lines, the ledger head) added up with the service's own figures (<see cref="TallyDelta"/>).
/// </summary>
public sealed class FlowLoader(string database, IReadOnlyList<string> donors, IReadOnlyList<(string Id, DateOnly Start, DateOnly End)> lines)
{
    private static readonly (string Currency, string Rate)[] Currencies = [("USD", "1"), ("EUR", "1.08"), ("GBP", "1.27"), ("CAD", "0.7236"), ("JPY", "0.0067")];
    private static readonly DateOnly First = new(2023, 10, 2);
    private static readonly DateOnly Last = new(2026, 10, 1);

    public long VersionCount { get; private set; }

    public async Task LoadAsync(int flows)
    {
        var random = new Random(2025);
        var totals = new TallyDelta();
        var (sequence, previous) = (0L, Coordination.Finance.Ledger.CanonicalForm.Genesis);
        await using var currentConnection = new NpgsqlConnection(database);
        await using var versionConnection = new NpgsqlConnection(database);
        await currentConnection.OpenAsync();
        await versionConnection.OpenAsync();
        await using (var current = await currentConnection.BeginBinaryImportAsync("""
            COPY contributions ("Id", "DonorNation", "ParentId", "BudgetLineId", "Channel", "Currency", "AmountMinorUnits", "UsdRate", "RateDate",
              "UsdCents", "Unvalued", "Status", "StatusBeforeSuspension", "DecidedOn", "ReportedOn", "PaidOn", "Earmark", "AgreementReference",
              "Version", "Revision", "Audit_CreatedAt", "Audit_CreatedBy", "Audit_UpdatedAt", "Audit_UpdatedBy", "Audit_LastRequestId")
            FROM STDIN (FORMAT BINARY)
            """))
        await using (var versions = await versionConnection.BeginBinaryImportAsync("""
            COPY contribution_versions ("Id", "ContributionId", "Version", "Change", "DonorNation", "ParentId", "BudgetLineId", "Channel", "Status",
              "StatusBeforeSuspension", "Currency", "AmountMinorUnits", "UsdRate", "RateDate", "UsdCents", "Unvalued", "Earmark", "AgreementReference",
              "DecidedOn", "ReportedOn", "PaidOn", "Reason", "EffectiveOn", "RecordedBy", "RecordedAt", "RequestId", "Sequence", "PreviousHash", "Hash")
            FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var n = 0; n < flows; n++)
            {
                var chain = Flow(random, n);
                foreach (var version in chain)
                {
                    version.Chain(++sequence, previous);
                    previous = version.Hash;
                    await WriteVersionAsync(versions, version);
                }
                var last = chain[^1];
                await WriteCurrentAsync(current, chain[0], last);
                totals.Add(new FlowFigures(true, last.DonorNation, last.DecidedOn, last.BudgetLineId, last.Status, last.Channel, last.UsdCents, false), +1);
            }
            await current.CompleteAsync();
            await versions.CompleteAsync();
        }
        VersionCount = sequence;
        await WriteTotalsAsync(totals, sequence, previous);
    }

    /// <summary>One donor flow and its versions, with the statuses of OCHA's chain in plausible shares.</summary>
    private List<ContributionVersion> Flow(Random random, int n)
    {
        var id = Ids.New();
        var donor = donors[random.Next(donors.Count)];
        var (currency, rateText) = Currencies[random.Next(100) switch { < 70 => 0, < 80 => 1, < 88 => 2, < 95 => 3, _ => 4 }];
        var minor = random.NextInt64(1_000_000, 500_000_000);
        var usd = new ExactMoney(currency, minor).ConvertTo("USD", ExactMoney.ParseRate(rateText)!.Value).MinorUnits;
        var decided = First.AddDays(random.Next(Last.DayNumber - First.DayNumber + 1));
        var channel = random.Next(100) switch { < 80 => Channel.TrustFund, < 92 => Channel.Bilateral, _ => Channel.InKind };
        var candidates = lines.Where(l => l.Start <= decided && l.End >= decided).ToList();
        var line = random.Next(2) == 0 || candidates.Count == 0 ? "" : candidates[random.Next(candidates.Count)].Id;
        var path = random.Next(100) switch
        {
            < 30 => new[] { ContributionStatus.Pledged },
            < 50 => [ContributionStatus.Pledged, ContributionStatus.Committed],
            < 85 => [ContributionStatus.Pledged, ContributionStatus.Committed, ContributionStatus.Paid],
            < 93 => [ContributionStatus.Pledged, ContributionStatus.Cancelled],
            _ => [ContributionStatus.Pledged, ContributionStatus.Committed, ContributionStatus.Suspended],
        };
        var at = decided.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc).AddTicks((n % 3_600_000) * 10);
        var chain = new List<ContributionVersion>(4);
        DateOnly? paidOn = null;
        for (var v = 0; v < path.Length; v++)
        {
            var status = path[v];
            paidOn = status == ContributionStatus.Paid ? decided.AddDays(60) : paidOn;
            chain.Add(Version(id, v + 1, v == 0 ? VersionChange.Recorded : VersionChange.StatusChanged, donor, line, channel, status,
                status == ContributionStatus.Suspended ? path[v - 1] : null, currency, minor, rateText, usd, decided, paidOn, "",
                status == ContributionStatus.Cancelled ? "Withdrawn by the donor" : status == ContributionStatus.Suspended ? "Audit of the implementing partner" : "",
                at.AddDays(v * 20), $"bench-{n}-{v}"));
        }
        if (path[^1] != ContributionStatus.Cancelled && random.Next(25) == 0)
        {
            var last = chain[^1];
            chain.Add(Version(id, chain.Count + 1, VersionChange.Corrected, donor, line, channel, last.Status, last.StatusBeforeSuspension, currency, minor,
                rateText, usd, decided, paidOn, $"MSS-TF/{decided.Year}/{n % 1000:D3}", "Agreement reference added", at.AddDays(90), $"bench-{n}-c"));
        }
        return chain;
    }

    private static ContributionVersion Version(string id, int version, VersionChange change, string donor, string line, Channel channel,
        ContributionStatus status, ContributionStatus? before, string currency, long minor, string rate, long usd, DateOnly decided,
        DateOnly? paidOn, string agreement, string reason, DateTime at, string requestId) => new()
    {
        ContributionId = id, Version = version, Change = change, DonorNation = donor, BudgetLineId = line, Channel = channel, Status = status,
        StatusBeforeSuspension = before, Currency = currency, AmountMinorUnits = minor, UsdRate = rate, RateDate = currency == "USD" ? null : decided,
        UsdCents = usd, Earmark = "MSS trust fund", AgreementReference = agreement, DecidedOn = decided, ReportedOn = decided, PaidOn = paidOn,
        Reason = reason, EffectiveOn = change == VersionChange.StatusChanged ? DateOnly.FromDateTime(at) : null,
        RecordedBy = "bench-loader", RecordedAt = at, RequestId = requestId,
    };

    private static async Task WriteVersionAsync(NpgsqlBinaryImporter w, ContributionVersion v)
    {
        await w.StartRowAsync();
        await w.WriteAsync(v.Id, NpgsqlDbType.Varchar);
        await w.WriteAsync(v.ContributionId, NpgsqlDbType.Varchar);
        await w.WriteAsync(v.Version, NpgsqlDbType.Integer);
        await w.WriteAsync(v.Change.ToString(), NpgsqlDbType.Varchar);
        await w.WriteAsync(v.DonorNation, NpgsqlDbType.Varchar);
        await w.WriteAsync(v.ParentId, NpgsqlDbType.Varchar);
        await w.WriteAsync(v.BudgetLineId, NpgsqlDbType.Varchar);
        await w.WriteAsync(v.Channel.ToString(), NpgsqlDbType.Varchar);
        await w.WriteAsync(v.Status.ToString(), NpgsqlDbType.Varchar);
        await WriteNullableAsync(w, v.StatusBeforeSuspension?.ToString(), NpgsqlDbType.Varchar);
        await w.WriteAsync(v.Currency, NpgsqlDbType.Varchar);
        await w.WriteAsync(v.AmountMinorUnits, NpgsqlDbType.Bigint);
        await w.WriteAsync(v.UsdRate, NpgsqlDbType.Varchar);
        await WriteNullableAsync(w, v.RateDate, NpgsqlDbType.Date);
        await w.WriteAsync(v.UsdCents, NpgsqlDbType.Bigint);
        await w.WriteAsync(v.Unvalued, NpgsqlDbType.Boolean);
        await w.WriteAsync(v.Earmark, NpgsqlDbType.Varchar);
        await w.WriteAsync(v.AgreementReference, NpgsqlDbType.Varchar);
        await w.WriteAsync(v.DecidedOn, NpgsqlDbType.Date);
        await w.WriteAsync(v.ReportedOn, NpgsqlDbType.Date);
        await WriteNullableAsync(w, v.PaidOn, NpgsqlDbType.Date);
        await w.WriteAsync(v.Reason, NpgsqlDbType.Varchar);
        await WriteNullableAsync(w, v.EffectiveOn, NpgsqlDbType.Date);
        await w.WriteAsync(v.RecordedBy, NpgsqlDbType.Varchar);
        await w.WriteAsync(v.RecordedAt, NpgsqlDbType.TimestampTz);
        await w.WriteAsync(v.RequestId, NpgsqlDbType.Varchar);
        await w.WriteAsync(v.Sequence, NpgsqlDbType.Bigint);
        await w.WriteAsync(v.PreviousHash, NpgsqlDbType.Varchar);
        await w.WriteAsync(v.Hash, NpgsqlDbType.Varchar);
    }

    /// <summary>The current row repeats the latest version, as the service keeps it.</summary>
    private static async Task WriteCurrentAsync(NpgsqlBinaryImporter w, ContributionVersion first, ContributionVersion v)
    {
        await w.StartRowAsync();
        await w.WriteAsync(v.ContributionId, NpgsqlDbType.Varchar);
        await w.WriteAsync(v.DonorNation, NpgsqlDbType.Varchar);
        await w.WriteAsync(v.ParentId, NpgsqlDbType.Varchar);
        await w.WriteAsync(v.BudgetLineId, NpgsqlDbType.Varchar);
        await w.WriteAsync(v.Channel.ToString(), NpgsqlDbType.Varchar);
        await w.WriteAsync(v.Currency, NpgsqlDbType.Varchar);
        await w.WriteAsync(v.AmountMinorUnits, NpgsqlDbType.Bigint);
        await w.WriteAsync(v.UsdRate, NpgsqlDbType.Varchar);
        await WriteNullableAsync(w, v.RateDate, NpgsqlDbType.Date);
        await w.WriteAsync(v.UsdCents, NpgsqlDbType.Bigint);
        await w.WriteAsync(v.Unvalued, NpgsqlDbType.Boolean);
        await w.WriteAsync(v.Status.ToString(), NpgsqlDbType.Varchar);
        await WriteNullableAsync(w, v.StatusBeforeSuspension?.ToString(), NpgsqlDbType.Varchar);
        await w.WriteAsync(v.DecidedOn, NpgsqlDbType.Date);
        await w.WriteAsync(v.ReportedOn, NpgsqlDbType.Date);
        await WriteNullableAsync(w, v.PaidOn, NpgsqlDbType.Date);
        await w.WriteAsync(v.Earmark, NpgsqlDbType.Varchar);
        await w.WriteAsync(v.AgreementReference, NpgsqlDbType.Varchar);
        await w.WriteAsync(v.Version, NpgsqlDbType.Integer);
        await w.WriteAsync(v.Version, NpgsqlDbType.Integer);
        await w.WriteAsync(first.RecordedAt, NpgsqlDbType.TimestampTz);
        await w.WriteAsync(first.RecordedBy, NpgsqlDbType.Text);
        await w.WriteAsync(v.RecordedAt, NpgsqlDbType.TimestampTz);
        await w.WriteAsync(v.RecordedBy, NpgsqlDbType.Text);
        await w.WriteAsync(v.RequestId, NpgsqlDbType.Text);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) =>
        value is null ? w.WriteNullAsync() : w.WriteAsync(value, type);

    /// <summary>The running totals of every flow loaded, written where the service keeps them; then the database is vacuumed and checkpointed.</summary>
    private async Task WriteTotalsAsync(TallyDelta totals, long sequence, string hash)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var batch = new NpgsqlBatch(connection);
        foreach (var (donor, t) in totals.Donors)
        {
            batch.BatchCommands.Add(Command("""
                INSERT INTO donor_totals ("Donor", "ContributionCount", "PledgedUsdCents", "CommittedUsdCents", "PaidUsdCents", "SuspendedUsdCents",
                  "UnvaluedCount", "UnpaidUsdCents", "UnpaidCount", "Revision")
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1)
                """, donor, t.Count, t.Pledged, t.Committed, t.Paid, t.Suspended, t.Unvalued, t.Unpaid, t.UnpaidCount));
        }
        foreach (var ((donor, day), (usd, count)) in totals.UnpaidDays.Where(d => d.Value.Count != 0))
        {
            batch.BatchCommands.Add(Command("""
                INSERT INTO donor_unpaid_days ("Donor", "DecidedOn", "UnpaidUsdCents", "UnpaidCount", "Revision") VALUES ($1, $2, $3, $4, 1)
                """, donor, day, usd, count));
        }
        foreach (var (line, t) in totals.Lines)
        {
            batch.BatchCommands.Add(Command("""
                UPDATE budget_lines SET "PledgedUsdCents" = "PledgedUsdCents" + $2, "FundedUsdCents" = "FundedUsdCents" + $3,
                  "PaidInUsdCents" = "PaidInUsdCents" + $4, "Revision" = "Revision" + 1 WHERE "Id" = $1
                """, line, t.Pledged, t.Committed, t.Cash));
        }
        batch.BatchCommands.Add(Command("""
            UPDATE ledger_head SET "Sequence" = $1, "Hash" = $2, "ReceivedUsdCents" = $3, "ReceivedUnearmarkedUsdCents" = $4, "Revision" = "Revision" + 1 WHERE "Id" = 1
            """, sequence, hash, totals.Received, totals.ReceivedUnearmarked));
        batch.Timeout = 600;
        await batch.ExecuteNonQueryAsync();

        // What an operator does after a bulk load: set hint bits and statistics, and flush, so that the measured calls
        // do not pay for the load's housekeeping (a checkpoint writing gigabytes while they run).
        foreach (var housekeeping in new[] { "VACUUM (ANALYZE)", "CHECKPOINT" })
        {
            await using var command = new NpgsqlCommand(housekeeping, connection) { CommandTimeout = 1200 };
            await command.ExecuteNonQueryAsync();
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return command;
    }
}
