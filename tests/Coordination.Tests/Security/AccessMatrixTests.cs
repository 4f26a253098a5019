using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Hosting;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit;

namespace Coordination.Tests.Security;

/// <summary>
/// The authorization matrix (every RPC × role) is data in each service; these specifications check that it covers
/// the whole public contract and that the services, called through the gateway, refuse exactly what it refuses.
/// </summary>
public sealed class AccessMatrixTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>
{
    [Fact]
    public void Every_rpc_of_the_public_contract_has_exactly_one_row_in_its_services_table()
    {
        var missing = PublicContract.Methods
            .Where(m => AccessMatrix.Tables[PublicContract.ServiceOf(m)].Find(PublicContract.PathOf(m)) is null)
            .Select(PublicContract.PathOf).ToList();
        Assert.True(missing.Count == 0, $"RPCs without an access row: {string.Join(", ", missing)}");

        var paths = PublicContract.Methods.Select(PublicContract.PathOf).ToHashSet(StringComparer.Ordinal);
        foreach (var (service, table) in AccessMatrix.Tables)
        {
            Assert.All(table.Rules, r => Assert.StartsWith($"/coordination.{service}.v1.", r.Method, StringComparison.Ordinal));
            Assert.All(table.Rules, r => Assert.Contains(r.Method, paths));
        }
        Assert.Equal(paths.Count, AccessMatrix.Tables.Values.Sum(t => t.Rules.Count()));
    }

    [Fact]
    public void Verification_and_deployment_facts_belong_to_mission_roles_only()
    {
        string[] missionActs =
        [
            "/coordination.personnel.v1.OfficerService/RecordHumanRightsScreening",
            "/coordination.personnel.v1.ContingentService/AssignContingentToSite",
            "/coordination.logistics.v1.EquipmentService/RecordInspection",
            "/coordination.logistics.v1.EquipmentService/CreateEquipmentLine",
            "/coordination.finance.v1.ContributionService/ChangeContributionStatus",
            "/coordination.finance.v1.ExchangeRateService/RecordExchangeRate",
        ];
        foreach (var path in missionActs)
        {
            var rule = AccessMatrix.Tables.Values.Select(t => t.Find(path)).Single(r => r is not null)!;
            Assert.Null(rule.GrantFor(Roles.Contributor));
            Assert.Null(rule.GrantFor(Roles.Observer));
        }
    }

    [Fact]
    public void Where_a_nation_declares_only_part_of_a_request_the_matrix_says_what_it_declares()
    {
        string[] partial =
        [
            "PledgeService/RecordPledgeEvidence", "OfficerService/RegisterOfficer", "OfficerService/ImportRoster", "OfficerService/RecordVettingResult",
            "ContingentService/CreateContingent", "ContingentService/ChangeContingentStatus", "ContingentService/ScheduleRotation",
        ];
        var rendered = AccessMatrixDocument.Render();
        foreach (var rpc in partial)
        {
            var rule = AccessMatrix.Tables["personnel"].Find($"/coordination.personnel.v1.{rpc}")!;
            Assert.True(rule.Declares.Length > 0, $"{rpc} says nothing of what a nation declares");
            Assert.Contains($"| `{rpc}` | all | own: {rule.Declares} |", rendered, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_observer_reaches_no_nations_records_anywhere()
    {
        var reaching = AccessMatrix.Tables.Values.SelectMany(t => t.Rules)
            .Where(r => r.GrantFor(Roles.Observer) is { } g && (g.OwnNation || (g.AnyNation && (r.OwnNation.Count > 0 || r.PublicPart.Count > 0))))
            .Select(r => r.Method).ToList();
        Assert.True(reaching.Count == 0, $"Observer reaches national records in: {string.Join(", ", reaching)}");
    }

    [Fact]
    public async Task Through_the_gateway_each_role_is_refused_exactly_the_rpcs_its_row_does_not_grant()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Suite.Gateway!.GrpcAddress().ToString());
        var invoker = channel.CreateCallInvoker();
        var tokens = Roles.Everyone.ToDictionary(r => r, r => TestTokens.For("KEN", r));
        var wrong = new List<string>();
        await Parallel.ForEachAsync(
            PublicContract.Methods.SelectMany(m => Roles.Everyone.Select(role => (Method: m, Role: role))),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (probe, _) =>
            {
                var rule = AccessMatrix.Tables[PublicContract.ServiceOf(probe.Method)].Find(PublicContract.PathOf(probe.Method))!;
                var allowed = rule.GrantFor(probe.Role) is not null;
                var status = await AccessMatrix.CallAsync(invoker, probe.Method, probe.Method.InputType.Parser.ParseFrom([]), tokens[probe.Role]);
                var refused = status.StatusCode == StatusCode.PermissionDenied;
                if (allowed == refused || status.StatusCode is StatusCode.Internal or StatusCode.Unknown or StatusCode.Unavailable)
                {
                    lock (wrong)
                    {
                        wrong.Add($"{probe.Role} → {PublicContract.PathOf(probe.Method)}: expected {(allowed ? "admitted" : "PERMISSION_DENIED")}, got {status.StatusCode} {status.Detail}");
                    }
                }
            });
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Order(StringComparer.Ordinal)));
    }
}

/// <summary>docs/security.md shows the matrix the services enforce, not a copy that can drift.</summary>
public sealed class AccessMatrixDocumentTests
{
    [Fact]
    public void The_matrix_in_docs_security_md_is_the_one_the_services_enforce()
    {
        var path = Repository.Path("docs", "security.md");
        var document = File.ReadAllText(path);
        var begin = document.IndexOf(AccessMatrixDocument.Begin, StringComparison.Ordinal);
        var end = document.IndexOf(AccessMatrixDocument.End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"{path} has no access-matrix section");
        var shown = document[begin..(end + AccessMatrixDocument.End.Length)].ReplaceLineEndings("\n");
        var rendered = AccessMatrixDocument.Render().ReplaceLineEndings("\n");
        if (shown != rendered && Environment.GetEnvironmentVariable("UPDATE_ACCESS_MATRIX") == "1")
        {
            File.WriteAllText(path, document[..begin] + rendered + document[(end + AccessMatrixDocument.End.Length)..]);
            return;
        }
        Assert.True(shown == rendered,
            "docs/security.md's access matrix differs from the services' tables; run this test with UPDATE_ACCESS_MATRIX=1 to render it again.");
    }
}
