using Coordination.Auth;
using Coordination.Finance.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Npgsql;
using Xunit;
using static Coordination.Tests.CrossService.Calls;
using static Coordination.Tests.Finance.FinanceDesk;

namespace Coordination.Tests.Finance;

/// <summary>
/// The ledger can be shown untampered: each entry's hash chains the one before it, so a row changed or removed
/// directly in PostgreSQL is found, and the first broken link named. Each test tampers with a database of its own.
/// </summary>
public sealed class LedgerTests : IAsyncLifetime
{
    private readonly TestClock clock = new(new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero));
    private SuiteHost suite = null!;
    private FinanceDesk desk = null!;
    private Contribution usa = null!;
    private Contribution canada = null!;

    public async Task InitializeAsync()
    {
        suite = await FinanceClockFixture.StartAsync(clock);
        desk = new FinanceDesk(suite);
        var period = await desk.OpenPeriodAsync("S/RES/2751 (2024)", new DateOnly(2024, 10, 2), new DateOnly(2025, 10, 2));
        var line = await desk.LineAsync(period.Id, BudgetCategory.Logistics, 1_000_000);
        usa = await desk.PaidAsync("USA", 500_000);                           // ledger entries 1-3
        await desk.AllocateAsync(usa.Id, line.Id, 200_000);                  // 4
        canada = await desk.PaidAsync("CAN", 300_000, line.Id);               // 5-7
        await desk.DisburseAsync(line.Id, 150_000);                           // 8
        await desk.Contributions().CorrectContributionAsync(new CorrectContributionRequest
        {
            RequestId = NewId(), Id = canada.Id, Reason = "Agreement reference", AgreementReference = "MSS-TF/2025/009",
        });                                                                   // 9
    }

    public Task DisposeAsync() => suite.DisposeAsync().AsTask();

    private Task<LedgerVerification> VerifyAsync() => desk.Ledger().VerifyLedgerAsync(new VerifyLedgerRequest()).ResponseAsync;

    private async Task TamperAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(suite.DatabaseOf("finance"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task An_untouched_ledger_verifies_from_its_first_entry_to_its_head()
    {
        var result = await VerifyAsync();

        Assert.True(result.Intact, result.FirstBreak?.Problem);
        Assert.Equal((9L, 9L, 3L), (result.EntriesChecked, result.HeadSequence, result.ContributionsChecked));
        Assert.Null(result.FirstBreak);
        var canadaVersions = await desk.Contributions().ListContributionVersionsAsync(new ListContributionVersionsRequest { Id = canada.Id });
        Assert.Equal(result.HeadHash, canadaVersions.Versions[^1].Hash);
    }

    [Fact]
    public async Task An_amount_changed_directly_in_PostgreSQL_is_found_at_its_entry()
    {
        var versions = (await desk.Contributions().ListContributionVersionsAsync(new ListContributionVersionsRequest { Id = usa.Id })).Versions;
        var paid = versions.Single(v => v.Contribution.Status == ContributionStatus.Paid);

        // Someone with database access makes the United States' payment look twice as large.
        await TamperAsync($"""UPDATE contribution_versions SET "AmountMinorUnits" = 100000000, "UsdCents" = 100000000 WHERE "Id" = (SELECT "Id" FROM contribution_versions WHERE "ContributionId" = '{usa.Id}' AND "Version" = 3)""");

        var result = await VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal((paid.LedgerSequence, "contribution_version", usa.Id), (result.FirstBreak.Sequence, result.FirstBreak.EntryKind, result.FirstBreak.RecordId));
        Assert.Equal("its hash does not match its contents", result.FirstBreak.Problem);
        Assert.Equal(paid.LedgerSequence - 1, result.EntriesChecked);
    }

    [Fact]
    public async Task A_deleted_disbursement_and_a_rewritten_current_row_are_found()
    {
        await TamperAsync("""DELETE FROM disbursements WHERE "Sequence" = 8""");
        var result = await VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal((8L, "entry 8 is missing (next found: 9)"), (result.FirstBreak.Sequence, result.FirstBreak.Problem));
    }

    [Fact]
    public async Task A_current_row_that_no_longer_repeats_its_latest_version_is_found()
    {
        await TamperAsync($"""UPDATE contributions SET "Status" = 'Cancelled' WHERE "Id" = '{canada.Id}'""");

        var result = await VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(9, result.EntriesChecked);
        Assert.Equal(("contribution", canada.Id), (result.FirstBreak.EntryKind, result.FirstBreak.RecordId));
        Assert.Equal("its current figures differ from its latest version", result.FirstBreak.Problem);
    }

    [Fact]
    public async Task Concurrent_writes_are_chained_one_after_another_and_a_retried_request_adds_nothing()
    {
        var retry = new RecordContributionRequest
        {
            RequestId = "kor-2025-retry", DonorNationCode = "KOR", Amount = Usd(1_500_000), Channel = Channel.TrustFund, DecidedOn = Day(2025, 1, 20),
        };
        var pledges = Enumerable.Range(0, 12).Select(i => (Task)desk.PledgeAsync("NOR", 1_000 + i));
        var retries = Enumerable.Range(0, 3).Select(_ => (Task)desk.Contributions().RecordContributionAsync(retry).ResponseAsync);
        await Task.WhenAll([.. pledges, desk.DisburseAsync(canada.BudgetLineId, 1_000), .. retries]);

        var result = await VerifyAsync();
        Assert.True(result.Intact, result.FirstBreak?.Problem);
        // 9 entries before, 12 pledges, 1 disbursement and the retried pledge once.
        Assert.Equal(23L, result.HeadSequence);
        var korea = await desk.Contributions().ListContributionsAsync(new ListContributionsRequest { DonorNationCode = "KOR" });
        Assert.Single(korea.Contributions);
    }

    [Fact]
    public async Task Only_finance_officers_and_mission_admins_verify_the_ledger()
    {
        Assert.True((await desk.Ledger(TestTokens.For("HTI", Roles.MissionAdmin)).VerifyLedgerAsync(new VerifyLedgerRequest())).Intact);
        foreach (var role in new[] { Roles.Contributor, Roles.Observer, Roles.Diplomat, Roles.LogisticsOfficer })
        {
            await RpcAssert.FailsWith(StatusCode.PermissionDenied,
                () => desk.Ledger(TestTokens.For("USA", role)).VerifyLedgerAsync(new VerifyLedgerRequest()).ResponseAsync);
        }
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => suite.ViaGateway<LedgerService.LedgerServiceClient>(null).VerifyLedgerAsync(new VerifyLedgerRequest()).ResponseAsync);
    }
}
