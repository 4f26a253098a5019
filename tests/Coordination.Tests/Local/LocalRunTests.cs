using Coordination.Auth;
using Coordination.Diplomacy.V1;
using Coordination.Finance.V1;
using Coordination.Local;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit;

namespace Coordination.Tests.Local;

/// <summary>
/// The first command of the README: the suite in one process on SQLite files and the in-process bus, with the
/// demo scenario, reached through the gateway with a development token. No broker or database server involved.
/// </summary>
public sealed class LocalRunTests : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"coordination-local-{Guid.NewGuid():N}");
    private readonly List<GrpcChannel> channels = [];

    private LocalOptions Options => new()
    {
        DataDirectory = dataDirectory,
        GatewayGrpcPort = 0,
        GatewayHttpPort = 0,
        ServiceBasePort = 0,
        LoadDemo = false,
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
        }
        Directory.Delete(dataDirectory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_local_run_serves_the_demo_scenario_and_an_event_crosses_services_on_the_in_process_bus()
    {
        await using var suite = await LocalSuite.StartAsync(Options, TextWriter.Null, CancellationToken.None);
        await new DemoScenario(Invoker(suite, "HTI", Roles.MissionAdmin), TextWriter.Null)
            .LoadAsync(CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(dataDirectory, "personnel.db")));
        var kenya = Invoker(suite, "KEN", Roles.Contributor);
        var strength = await new ForceStrengthService.ForceStrengthServiceClient(kenya).GetForceStrengthAsync(new GetForceStrengthRequest());
        Assert.Equal("S/RES/2793 (2025)", strength.MandateResolutionSymbol);
        Assert.Equal(5_550, strength.AuthorizedCeiling);
        Assert.Equal(410, strength.DeployedOfficers);
        Assert.Equal(600, strength.PipelineOfficers);

        var kenyan = await new ContingentService.ContingentServiceClient(kenya).ListContingentsAsync(new ListContingentsRequest());
        Assert.Equal([ContingentStatus.Deployed, ContingentStatus.Deployed, ContingentStatus.Standby], kenyan.Contingents.Select(c => c.Status));
        var first = kenyan.Contingents[0];
        Assert.Equal(new Coordination.Common.V1.Date { Year = 2025, Month = 6, Day = 24 }, first.PlannedTourEnd);
        // Kenya's pledged, in-training and deployed officers: the roster streamed in, two units formed from it.
        var ken = (await new ForceStrengthService.ForceStrengthServiceClient(kenya).GetStrengthReportAsync(new GetStrengthReportRequest { NationCode = "KEN" })).Nations.Single();
        Assert.Equal((600, 600, 400), (ken.Figures.PledgedOfficers, ken.Figures.NotifiedOfficers, ken.Figures.DeployedOfficers));
        Assert.Equal((600, 400, 200), (ken.Officers.Registered, ken.Officers.Deployed, ken.Officers.InVetting));
        Assert.Equal([200, 200], kenyan.Contingents.Take(2).Select(c => c.AssignedOfficerCount));
        var pledge = Assert.Single((await new PledgeService.PledgeServiceClient(kenya).ListPledgesAsync(new ListPledgesRequest())).Pledges);
        Assert.Equal(ReadinessLevel.L2, pledge.ReadinessLevel);

        var admin = Invoker(suite, "HTI", Roles.MissionAdmin);
        var pledges = await new ContributionService.ContributionServiceClient(admin).ListContributionsAsync(new ListContributionsRequest());
        Assert.Equal(110_300_000, pledges.Contributions.Sum(c => c.UsdValue.Units));
        Assert.Equal(85_000_000, pledges.Contributions.Where(c => c.Status == ContributionStatus.Paid).Sum(c => c.UsdValue.Units));

        var brief = await new PartnerService.PartnerServiceClient(kenya).GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "KEN" });
        Assert.Equal(600, brief.PledgedOfficers);
        Assert.Equal(400, brief.DeployedOfficers);
        var commitment = Assert.Single(brief.Commitments);
        Assert.Equal(CommitmentState.Fulfilled, commitment.State);
        Assert.Equal([AgreementStatus.InForce, AgreementStatus.Draft], brief.Agreements.Select(a => a.Status));

        // The demo spends enough that finance warns of a short runway, and diplomacy appeals to partners at once.
        var appeal = Assert.Single((await new AppealService.AppealServiceClient(admin).ListAppealsAsync(new ListAppealsRequest())).Appeals);
        Assert.Equal(AppealTrigger.FundRunwayLow, appeal.Trigger);
        Assert.Equal((5, 585_000_000L, "1.90"), (appeal.Gaps.Count, appeal.Gap.Units, appeal.RunwayMonths));
        Assert.Equal(["CAN", "KEN"], appeal.Partners.Select(p => p.NationCode));
        Assert.Equal(["KEN"], (await new AppealService.AppealServiceClient(kenya).GetAppealAsync(new GetAppealRequest { Id = appeal.Id })).Partners.Select(p => p.NationCode));
        var gsf = Assert.Single((await new MandateService.MandateServiceClient(kenya).ListMandatesAsync(new ListMandatesRequest())).Mandates, m => m.ResolutionSymbol == "S/RES/2793 (2025)");
        Assert.Equal((5_500, 50), (gsf.CeilingSplit.Uniformed, gsf.CeilingSplit.Civilian));

        var usa = Invoker(suite, "USA", Roles.Contributor);
        var briefs = new PartnerService.PartnerServiceClient(usa);
        var before = await briefs.GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "USA" });
        await new ContributionService.ContributionServiceClient(usa).RecordContributionAsync(new RecordContributionRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            DonorNationCode = "USA",
            Amount = new Coordination.Common.V1.Money { CurrencyCode = "USD", Units = 10_000_000 },
            Channel = Channel.TrustFund,
            DecidedOn = new Coordination.Common.V1.Date { Year = 2025, Month = 3, Day = 1 },
        });
        var after = await Eventually.Get(() => briefs.GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "USA" }).ResponseAsync,
            b => b.ContributionsPledged == before.ContributionsPledged + 1, what: "diplomacy to hear of the pledge");
        Assert.Equal(before.PledgedUsd.Units + 10_000_000, after.PledgedUsd.Units);
    }

    [Fact]
    public async Task Loading_the_demo_again_after_a_restart_on_the_same_files_duplicates_nothing()
    {
        for (var run = 0; run < 2; run++)
        {
            await using var suite = await LocalSuite.StartAsync(Options, TextWriter.Null, CancellationToken.None);
            var loader = Invoker(suite, "HTI", Roles.MissionAdmin);
            await new DemoScenario(loader, TextWriter.Null).LoadAsync(CancellationToken.None);
        }

        await using var again = await LocalSuite.StartAsync(Options, TextWriter.Null, CancellationToken.None);
        var admin = Invoker(again, "HTI", Roles.MissionAdmin);
        Assert.Equal(4, (await new ContingentService.ContingentServiceClient(admin).ListContingentsAsync(new ListContingentsRequest())).Contingents.Count);
        Assert.Equal(600, (await new ForceStrengthService.ForceStrengthServiceClient(admin).GetStrengthReportAsync(new GetStrengthReportRequest { NationCode = "KEN" })).Nations.Single().Officers.Registered);
        Assert.Equal(2, (await new MandateService.MandateServiceClient(admin).ListMandatesAsync(new ListMandatesRequest())).Mandates.Count);
        Assert.Equal(7, (await new ContributionService.ContributionServiceClient(admin).ListContributionsAsync(new ListContributionsRequest())).Contributions.Count);
        Assert.Single((await new AppealService.AppealServiceClient(admin).ListAppealsAsync(new ListAppealsRequest())).Appeals);
    }

    [Fact]
    public async Task Local_data_of_an_older_version_stops_the_run_with_how_to_rebuild_it_and_is_rebuilt_when_asked()
    {
        await using (var first = await LocalSuite.StartAsync(Options, TextWriter.Null, CancellationToken.None))
        {
            await new DemoScenario(Invoker(first, "HTI", Roles.MissionAdmin), TextWriter.Null).LoadAsync(CancellationToken.None);
        }
        // What a checkout with another finance model finds: the file's stamp is not its model's.
        var finance = Path.Combine(dataDirectory, "finance.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={finance};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 7;";
            await command.ExecuteNonQueryAsync();
        }

        var stale = await Assert.ThrowsAsync<Coordination.Persistence.StaleLocalDatabaseException>(
            () => LocalSuite.StartAsync(Options, TextWriter.Null, CancellationToken.None));
        Assert.Equal(finance, stale.File);
        Assert.Contains("--rebuild-local-data", stale.Message, StringComparison.Ordinal);

        await using var rebuilt = await LocalSuite.StartAsync(Options with { RebuildLocalData = true }, TextWriter.Null, CancellationToken.None);
        var admin = Invoker(rebuilt, "HTI", Roles.MissionAdmin);
        Assert.Empty((await new ContributionService.ContributionServiceClient(admin).ListContributionsAsync(new ListContributionsRequest())).Contributions);
        // Only the stale file was rebuilt: personnel kept its contingents.
        Assert.Equal(4, (await new ContingentService.ContingentServiceClient(admin).ListContingentsAsync(new ListContingentsRequest())).Contingents.Count);
    }

    [Fact]
    public async Task A_demo_that_cannot_complete_says_what_is_missing_and_that_reset_fixes_it()
    {
        await using (var first = await LocalSuite.StartAsync(Options, TextWriter.Null, CancellationToken.None))
        {
            await new DemoScenario(Invoker(first, "HTI", Roles.MissionAdmin), TextWriter.Null).LoadAsync(CancellationToken.None);
        }
        // One service's file deleted: finance starts empty and never hears diplomacy's mandates again (diplomacy, which
        // already holds them, answers the demo's fixed request ids without announcing anything). A restart of the process
        // closes the file; here the pooled connections of the first run are closed so the second opens a new file.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(dataDirectory, "finance.db*"))
        {
            File.Delete(file);
        }

        await using var again = await LocalSuite.StartAsync(Options, TextWriter.Null, CancellationToken.None);
        var incomplete = await Assert.ThrowsAsync<DemoIncompleteException>(() =>
            new DemoScenario(Invoker(again, "HTI", Roles.MissionAdmin), TextWriter.Null, TimeSpan.FromSeconds(3)).LoadAsync(CancellationToken.None));

        Assert.StartsWith("The demo cannot complete: after 3 s finance has no budget period", incomplete.Message, StringComparison.Ordinal);
        Assert.Contains("start again with --reset", incomplete.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_local_run_on_the_same_data_folder_is_refused_while_the_first_runs()
    {
        await using (var first = await LocalSuite.StartAsync(Options, TextWriter.Null, CancellationToken.None))
        {
            var second = await Assert.ThrowsAsync<LocalDataInUseException>(() => LocalSuite.StartAsync(Options, TextWriter.Null, CancellationToken.None));
            Assert.Contains(dataDirectory, second.Message, StringComparison.Ordinal);
        }
        await using var after = await LocalSuite.StartAsync(Options, TextWriter.Null, CancellationToken.None);
    }

    [Fact]
    public void The_local_run_keeps_its_issuers_private_key_to_its_owner_and_publishes_only_the_public_half()
    {
        Directory.CreateDirectory(dataDirectory);

        var key = DevelopmentKeyFile.LoadOrCreate(dataDirectory);

        Assert.Equal(key.KeyId, DevelopmentKeyFile.LoadOrCreate(dataDirectory).KeyId);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dataDirectory, DevelopmentKeyFile.PrivateKeyFile)));
        }
        var published = PublicKeySet.Parse(File.ReadAllText(Path.Combine(dataDirectory, DevelopmentKeyFile.PublicKeysFile)));
        Assert.Equal(key.KeyId, Assert.Single(published).Kid);
    }

    /// <summary>A caller through the local gateway, with a token signed by the local run's own key.</summary>
    private CallInvoker Invoker(LocalSuite suite, string nation, string role) =>
        WithToken(suite, suite.Issuer.Issue($"local-{nation}", nation, role));

    private CallInvoker WithToken(LocalSuite suite, string token)
    {
        var channel = GrpcChannel.ForAddress(suite.GatewayGrpc);
        channels.Add(channel);
        return channel.CreateCallInvoker().WithBearer(token);
    }
}
