using Coordination.Auth;
using Coordination.Personnel.Officers;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.Personnel.PersonnelDesk;

namespace Coordination.Tests.Personnel;

/// <summary>Roster imports over the bidirectional stream, through the gateway: progress per batch, per-row errors, no duplicates.</summary>
public sealed class RosterImportTests(PersonnelFixture fixture) : IClassFixture<PersonnelFixture>
{
    private readonly PersonnelDesk kenya = new(fixture.Suite, TestTokens.For("KEN", Roles.Contributor));
    // Rosters with vetting already done come from the mission; a nation's own rows carry at most its certification.
    private readonly PersonnelDesk mission = new(fixture.Suite, TestTokens.For("HTI", Roles.MissionAdmin));

    private static List<OfficerRecord> Roster(int count, string prefix) =>
        [.. Enumerable.Range(1, count).Select(i => Record(i % 5 == 0 ? Gender.Female : Gender.Male, vetted: i % 2 == 0, serviceNumber: $"{prefix}-{i:D5}"))];

    [Fact]
    public async Task A_roster_of_thousands_is_committed_in_batches_each_reported_with_the_outcome_of_its_rows()
    {
        var prefix = $"KP{NewId()[..6].ToUpperInvariant()}";
        var progress = await mission.ImportAsync("KEN", Roster(1_200, prefix));

        Assert.Equal([500, 1_000, 1_200, 1_200], progress.Select(p => p.RowsReceived));
        Assert.Equal([false, false, false, true], progress.Select(p => p.Done));
        var last = progress[^1];
        Assert.Equal((1_200, 0, 0), (last.RowsCreated, last.RowsAlreadyRegistered, last.RowsRejected));
        var results = progress.SelectMany(p => p.Results).ToList();
        Assert.Equal(Enumerable.Range(1, 1_200), results.Select(r => r.Row));
        Assert.All(results, r => Assert.Equal(RowOutcome.Created, r.Outcome));
        Assert.Equal(1_200, results.Select(r => r.OfficerId).Distinct().Count());

        var second = await kenya.OfficerAsync(results[1].OfficerId);
        Assert.Equal(($"{prefix}-00002", OfficerStatus.Vetted), (second.ServiceNumber, second.Status));
        Assert.Equal(OfficerStatus.InVetting, (await kenya.OfficerAsync(results[0].OfficerId)).Status);
    }

    [Fact]
    public async Task Bad_rows_are_rejected_with_their_fields_and_never_block_the_good_ones()
    {
        var prefix = $"KP{NewId()[..6].ToUpperInvariant()}";
        var rows = Roster(6, prefix);
        rows[1].DateOfBirth = Day(2031, 2, 30);
        rows[3].Vetting.Clear();
        rows[3].Vetting.Add(new VettingResult { Stage = VettingStage.Firearms, Passed = true, On = Day(2025, 1, 1) });
        rows[4].ServiceNumber = rows[0].ServiceNumber;
        rows[5].FamilyName = "";

        var progress = await mission.ImportAsync("KEN", rows);

        var results = progress.SelectMany(p => p.Results).ToDictionary(r => r.Row);
        Assert.Equal((2, 4), (progress[^1].RowsCreated, progress[^1].RowsRejected));
        Assert.Equal([RowOutcome.Created, RowOutcome.Rejected, RowOutcome.Created, RowOutcome.Rejected, RowOutcome.Rejected, RowOutcome.Rejected],
            Enumerable.Range(1, 6).Select(i => results[i].Outcome));
        Assert.Equal("date_of_birth", Assert.Single(results[2].Violations).Field);
        Assert.Equal("vetting[0].stage", Assert.Single(results[4].Violations).Field);
        Assert.Contains("row 1", Assert.Single(results[5].Violations).Description, StringComparison.Ordinal);
        Assert.Equal("family_name", Assert.Single(results[6].Violations).Field);
        Assert.All(results.Values.Where(r => r.Outcome == RowOutcome.Rejected), r => Assert.Empty(r.OfficerId));
        Assert.Equal(rows[2].ServiceNumber, (await kenya.OfficerAsync(results[3].OfficerId)).ServiceNumber);
    }

    [Fact]
    public async Task A_roster_sent_again_finds_its_officers_instead_of_registering_them_twice()
    {
        var rows = Roster(700, $"KP{NewId()[..6].ToUpperInvariant()}");
        var first = await mission.ImportAsync("KEN", rows);
        var before = (await kenya.NationAsync("KEN")).Officers.Registered;

        var again = await mission.ImportAsync("KEN", rows);

        Assert.Equal((0, 700, 0), (again[^1].RowsCreated, again[^1].RowsAlreadyRegistered, again[^1].RowsRejected));
        Assert.Equal(first.SelectMany(p => p.Results).Select(r => r.OfficerId), again.SelectMany(p => p.Results).Select(r => r.OfficerId));
        Assert.Equal(before, (await kenya.NationAsync("KEN")).Officers.Registered);
    }

    [Fact]
    public async Task Two_imports_of_the_same_roster_at_once_register_each_officer_once()
    {
        var rows = Roster(600, $"KP{NewId()[..6].ToUpperInvariant()}");

        var both = await Task.WhenAll(mission.ImportAsync("KEN", rows), mission.ImportAsync("KEN", rows));

        Assert.Equal(600, both.Sum(p => p[^1].RowsCreated));
        Assert.Equal(600, both.Sum(p => p[^1].RowsAlreadyRegistered));
        var ids = both.Select(p => p.SelectMany(m => m.Results).Select(r => r.OfficerId).ToList()).ToList();
        Assert.Equal(ids[0], ids[1]);
    }

    [Fact]
    public async Task An_import_must_start_with_its_header_and_a_contributor_imports_only_its_own_nation()
    {
        using (var call = kenya.Officers.ImportRoster())
        {
            await call.RequestStream.WriteAsync(new ImportRosterRequest { Row = Record() });
            await call.RequestStream.CompleteAsync();
            var e = await RpcAssert.InvalidFields(() => call.ResponseStream.MoveNext(CancellationToken.None), "header");
            Assert.NotNull(e);
        }
        var row = Record();
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => kenya.ImportAsync("JAM", [row]));
        var observer = new PersonnelDesk(fixture.Suite, TestTokens.For("KEN", Roles.Observer));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => observer.ImportAsync("KEN", [row]));
        var listed = await kenya.Officers.ListOfficersAsync(new ListOfficersRequest { Page = new Coordination.Common.V1.PageRequest { PageSize = 500 } });
        Assert.DoesNotContain(listed.Officers, o => o.ServiceNumber == row.ServiceNumber);
    }

    [Fact]
    public async Task A_contributors_rows_with_the_missions_vetting_or_a_screening_are_rejected_and_the_other_rows_imported()
    {
        var prefix = $"KP{NewId()[..6].ToUpperInvariant()}";
        var rows = Roster(4, prefix).Select(r => { r.Vetting.Clear(); r.HumanRightsScreening = null; return r; }).ToList();
        rows[0].Vetting.Add(new VettingResult { Stage = VettingStage.NationCertification, Passed = true, On = Day(2025, 1, 10) });
        rows[1].Vetting.Add(AllStagesPassed());
        rows[2].HumanRightsScreening = new HumanRightsScreening { Result = ScreeningResult.Cleared, On = Day(2025, 1, 9) };

        var progress = await kenya.ImportAsync("KEN", rows);

        var results = progress.SelectMany(p => p.Results).ToDictionary(r => r.Row);
        Assert.Equal([RowOutcome.Created, RowOutcome.Rejected, RowOutcome.Rejected, RowOutcome.Created], Enumerable.Range(1, 4).Select(i => results[i].Outcome));
        Assert.Equal(["vetting[1].stage", "vetting[2].stage", "vetting[3].stage", "vetting[4].stage"], results[2].Violations.Select(v => v.Field));
        Assert.Contains("VETTING_STAGE_LANGUAGE is vetted by the mission", results[2].Violations[0].Description, StringComparison.Ordinal);
        Assert.Equal("human_rights_screening", Assert.Single(results[3].Violations).Field);
        Assert.Equal(VettingStage.Language, (await kenya.OfficerAsync(results[1].OfficerId)).NextVettingStage);
    }

    [Fact]
    public async Task An_import_of_more_than_ten_thousand_rows_is_refused_at_the_row_after_them_with_those_before_applied()
    {
        var prefix = $"KP{NewId()[..6].ToUpperInvariant()}";
        var rows = Enumerable.Range(1, 10_003).Select(i => Record(vetted: false, serviceNumber: $"{prefix}-{i:D5}")).ToList();
        var progress = new List<ImportRosterProgress>();
        using var call = kenya.Officers.ImportRoster();
        var sending = SendAsync(call.RequestStream, rows);

        var refused = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                progress.Add(call.ResponseStream.Current);
            }
        });
        await sending;

        Assert.Contains("at most 10,000 rows", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((10_000, 10_000), (progress[^1].RowsReceived, progress[^1].RowsCreated));
        Assert.DoesNotContain(progress, p => p.Done);
        // Row 10,000 was applied, the rows after it were not: sent again, they are registered now.
        var rest = await kenya.ImportAsync("KEN", rows.Skip(9_999));
        Assert.Equal([RowOutcome.AlreadyRegistered, RowOutcome.Created, RowOutcome.Created, RowOutcome.Created],
            rest.SelectMany(p => p.Results).Select(r => r.Outcome));
    }

    [Fact]
    public async Task An_import_that_fails_stops_reading_its_request_stream_before_it_ends()
    {
        await using var scope = fixture.Suite.Scope("personnel");
        var import = scope.ServiceProvider.GetRequiredService<RosterImport>();
        var rows = new RowsThenSilence(Roster(RosterImport.BatchSize, $"KS{NewId()[..6].ToUpperInvariant()}"));
        var mission = new Caller("ops-1", "HTI", Roles.MissionAdmin, new Grant(AnyNation: true, OwnNation: false, PublicPart: false));

        // The first batch is applied, but its progress cannot be sent: the partner is gone, the import fails.
        await Assert.ThrowsAsync<IOException>(() => import.RunAsync(rows, new GonePartner(), mission, CancellationToken.None));

        // It failed while waiting for the next row; it ends only once nothing reads the stream any more.
        Assert.True(rows.StoppedWaiting, "the import ended while a read of its request stream was still pending");
    }

    /// <summary>A partner's stream: the header, the rows, then nothing more until the reader gives up.</summary>
    private sealed class RowsThenSilence(IReadOnlyList<OfficerRecord> rows) : IAsyncStreamReader<ImportRosterRequest>
    {
        private int read = -1;

        public ImportRosterRequest Current { get; private set; } = null!;

        public bool StoppedWaiting { get; private set; }

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (++read <= rows.Count)
            {
                Current = read == 0
                    ? new ImportRosterRequest { Header = new ImportRosterHeader { NationCode = "KEN" } }
                    : new ImportRosterRequest { Row = rows[read - 1] };
                return true;
            }
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return false;
            }
            finally
            {
                StoppedWaiting = true;
            }
        }
    }

    /// <summary>A response stream whose partner has gone: nothing can be written to it.</summary>
    private sealed class GonePartner : IServerStreamWriter<ImportRosterProgress>
    {
        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(ImportRosterProgress message) => Task.FromException(new IOException("The partner closed the stream."));

        public Task WriteAsync(ImportRosterProgress message, CancellationToken cancellationToken) => WriteAsync(message);
    }

    /// <summary>Sends the header and the rows; the server may end the call before it has read them all.</summary>
    private static async Task SendAsync(IClientStreamWriter<ImportRosterRequest> stream, IEnumerable<OfficerRecord> rows)
    {
        try
        {
            await stream.WriteAsync(new ImportRosterRequest { Header = new ImportRosterHeader { NationCode = "KEN" } });
            foreach (var row in rows)
            {
                await stream.WriteAsync(new ImportRosterRequest { Row = row });
            }
            await stream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // The call ended: what was not sent is what the server refused to read.
        }
    }
}
